export { healthcheckPlugin } from './plugin.ts'
export { purgeOldResults } from './result-retention.ts'
