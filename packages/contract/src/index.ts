export * from './access-rule.ts'
export * from './procedure-meta.ts'
export * from './errors.ts'
export * from './schemas.ts'
