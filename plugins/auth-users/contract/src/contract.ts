import { emptyInput, proc } from '@checkpost/contract'
import { z } from 'zod'
import { authUsersAccess as access } from './access.ts'
import {
  changePasswordInput,
  createUserApiKeyInput,
  createUserInput,
  currentUserSchema,
  keyIdInput,
  setUserRolesInput,
  successSchema,
  updateUserInput,
  userApiKeySchema,
  userApiKeyWithSecretSchema,
  userIdInput,
  userSchema,
} from './schemas.ts'

const readUsers = proc.meta({ access: [access.users.read] })
const manageUsers = proc.meta({ access: [access.users.manage] })
/** Any signed-in user, on itself only: the handler refuses other identity kinds. */
const self = proc.meta({ public: true })

/** The auth-users contract, mounted at `/api/auth-users/`. */
export const authUsersContract = {
  getUsers: readUsers.input(emptyInput).output(z.object({ users: z.array(userSchema) })),
  getUser: readUsers.input(userIdInput).output(userSchema),
  createUser: manageUsers.input(createUserInput).output(userSchema),
  updateUser: manageUsers.input(updateUserInput).output(userSchema),
  deleteUser: manageUsers.input(userIdInput).output(successSchema),
  setUserRoles: manageUsers.input(setUserRolesInput).output(userSchema),
  getCurrentUser: self.input(emptyInput).output(currentUserSchema),
  changePassword: self.input(changePasswordInput).output(successSchema),
  getUserApiKeys: self.input(emptyInput).output(z.object({ keys: z.array(userApiKeySchema) })),
  createUserApiKey: self.input(createUserApiKeyInput).output(userApiKeyWithSecretSchema),
  deleteUserApiKey: self.input(keyIdInput).output(successSchema),
}

export type AuthUsersContract = typeof authUsersContract
