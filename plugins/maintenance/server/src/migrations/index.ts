import type { Migrations } from '@checkpost/db'
import { createWindows } from './0001-create-windows.ts'

/** The maintenance plugin's migrations, applied in name order. */
export const migrations: Migrations = {
  '0001-create-windows': createWindows,
}
