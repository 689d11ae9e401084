export { maintenancePlugin } from './plugin.ts'
