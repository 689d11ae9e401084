export * from './plugin.ts'
export * from './user-service.ts'
export { setPasswordHash } from './user-repository.ts'
export { hashPassword } from './password-hash.ts'
