import type { Migrations } from '@checkpost/db'
import { createChecks } from './0001-create-checks.ts'
import { createUptimeHours } from './0002-create-uptime-hours.ts'

export const migrations: Migrations = {
  '0001-create-checks': createChecks,
  '0002-create-uptime-hours': createUptimeHours,
}
