export * from './plugin-names.ts'
export * from './scaffold-plugin.ts'
export * from './register-plugin.ts'
