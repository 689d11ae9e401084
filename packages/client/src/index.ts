export * from './client-error.ts'
export * from './plugin-client.ts'
export * from './batch-client.ts'
