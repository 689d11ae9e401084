export * from './access.ts'
export * from './contract.ts'
export * from './schemas.ts'
