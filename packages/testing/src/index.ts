export * from './test-clock.ts'
export * from './test-database.ts'
export * from './test-host.ts'
export * from './test-auth.ts'
