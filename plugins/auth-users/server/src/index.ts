export * from './plugin.ts'
export * from './user-service.ts'
