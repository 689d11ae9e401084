import type { Migrations } from '@checkpost/db'
import { createCatalog } from './0001-create-catalog.ts'
import { indexSystemsByName } from './0002-index-systems-by-name.ts'

export const migrations: Migrations = {
  '0001-create-catalog': createCatalog,
  '0002-index-systems-by-name': indexSystemsByName,
}
