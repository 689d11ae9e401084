import type { Migrations } from '@checkpost/db'
import { createWindows } from './0001-create-windows.ts'

export const migrations: Migrations = {
  '0001-create-windows': createWindows,
}
