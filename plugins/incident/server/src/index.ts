export { incidentPlugin } from './plugin.ts'
