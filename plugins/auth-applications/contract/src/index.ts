export * from './access.ts'
export * from './schemas.ts'
export * from './team-schemas.ts'
export * from './contract.ts'
