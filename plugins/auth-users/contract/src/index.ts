export * from './audit-actions.ts'
export * from './access.ts'
export * from './contract.ts'
export * from './schemas.ts'
