import { foldName } from '@checkpost/contract'
import type { Kysely, Migration } from 'kysely'

const TABLES = ['auth_applications_roles', 'auth_applications_teams'] as const

/**
 * Role and team names become unique by their folded form (NFC, case-folded):
 * a stored `name_folded` column under a unique index. Names that already
 * collide keep working; the later ones get a folded form suffixed with their
 * id, so the index holds and an admin can rename them.
 */
export const foldRoleAndTeamNames: Migration = {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  async up(db: Kysely<any>) {
    for (const table of TABLES) {
      await db.schema.alterTable(table).addColumn('name_folded', 'text').execute()
      const rows: { id: string; name: string }[] = await db.selectFrom(table).select(['id', 'name']).orderBy('id').execute()
      const taken = new Set<string>()
      for (const row of rows) {
        let folded = foldName(row.name)
        if (taken.has(folded)) folded = `${folded}#${row.id}`
        taken.add(folded)
        await db.updateTable(table).set({ name_folded: folded }).where('id', '=', row.id).execute()
      }
      await db.schema.createIndex(`${table}_name_folded_idx`).on(table).column('name_folded').unique().execute()
    }
  },
}
