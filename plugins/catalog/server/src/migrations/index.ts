import type { Migrations } from '@checkpost/db'
import { createCatalog } from './0001-create-catalog.ts'

export const migrations: Migrations = {
  '0001-create-catalog': createCatalog,
}
