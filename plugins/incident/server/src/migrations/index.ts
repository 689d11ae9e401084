import type { Migrations } from '@checkpost/db'
import { createIncidents } from './0001-create-incidents.ts'

/** The incident plugin's migrations, by name. */
export const migrations: Migrations = {
  '0001-create-incidents': createIncidents,
}
