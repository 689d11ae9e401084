import { idSchema, isSafeText, nameSchema, timestampSchema, tokenSchema } from '@checkpost/contract'
import { z } from 'zod'

/** Role ids as auth-applications names them: `admin`, `applications`, or a UUID. */
const roleIdSchema = tokenSchema(100)

/** An email address, trimmed and lower-cased: unique case-insensitively. */
export const emailSchema = z
  .string()
  .trim()
  .max(254)
  .pipe(z.email('must be an email address'))
  .transform((email) => email.toLowerCase())

/** Password text: no NUL or unpaired surrogate (it could not be hashed as the same bytes everywhere). */
const passwordText = z.string().refine(isSafeText, { message: 'must not contain NUL characters or unpaired surrogates', abort: true })

/** A password: 8–128 characters. */
export const passwordSchema = passwordText.pipe(z.string().min(8, 'must be at least 8 characters').max(128, 'must be at most 128 characters'))

export const userSchema = z.object({
  id: idSchema,
  email: z.string(),
  name: z.string(),
  roles: z.array(roleIdSchema),
  teams: z.array(idSchema),
  createdAt: timestampSchema,
  lastSignInAt: timestampSchema.nullable(),
  disabled: z.boolean(),
})
export type User = z.infer<typeof userSchema>

/** The signed-in user, with the rule ids its roles give it (for hiding controls). */
export const currentUserSchema = userSchema.extend({ accessRules: z.array(z.string()) })
export type CurrentUser = z.infer<typeof currentUserSchema>

export const userApiKeySchema = z.object({
  id: idSchema,
  name: z.string(),
  createdAt: timestampSchema,
  expiresAt: timestampSchema.nullable(),
  lastUsedAt: timestampSchema.nullable(),
})
export type UserApiKey = z.infer<typeof userApiKeySchema>

/** Returned once, by createUserApiKey: the key plus its full secret. */
export const userApiKeyWithSecretSchema = userApiKeySchema.extend({ secret: z.string().startsWith('cku_') })

export const userIdInput = z.object({ userId: idSchema })
export const keyIdInput = z.object({ keyId: idSchema })
export const roleIdsSchema = z.array(roleIdSchema).max(100)

export const createUserInput = z.object({
  email: emailSchema,
  name: nameSchema,
  password: passwordSchema,
  roleIds: roleIdsSchema.optional(),
})

export const updateUserInput = z.object({
  userId: idSchema,
  name: nameSchema.optional(),
  disabled: z.boolean().optional(),
})

export const setUserRolesInput = z.object({ userId: idSchema, roleIds: roleIdsSchema })

export const changePasswordInput = z.object({
  currentPassword: passwordText.pipe(z.string().min(1).max(128)),
  newPassword: passwordSchema,
})

export const createUserApiKeyInput = z.object({ name: nameSchema, expiresAt: timestampSchema.optional() })

export const successSchema = z.object({ success: z.literal(true) })
