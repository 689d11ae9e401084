import { proc } from '@checkpost/contract'
import { definePlugin, implementPlugin } from './plugin.ts'

// Compile-time checks (run by `pnpm typecheck`): a plugin's context carries its own tables.
interface NoteTables {
  note_notes: { id: string; body: string }
}
const contract = { getNote: proc.meta({ public: true }) }

export const notePlugin = definePlugin<NoteTables>({
  id: 'note',
  contract,
  accessRules: [],
  migrations: {},
  router: () => {
    const os = implementPlugin<NoteTables>()(contract)
    return os.router({
      getNote: os.getNote.handler(async ({ context }) => {
        // @ts-expect-error a misspelt column fails the typecheck
        await context.db.selectFrom('note_notes').select('bdy').execute()
        // @ts-expect-error another plugin's table is unknown here
        await context.db.selectFrom('catalog_systems').selectAll().execute()
        return context.db.selectFrom('note_notes').select('body').where('id', '=', 'n1').executeTakeFirst()
      }),
    })
  },
  // @ts-expect-error hooks see the same tables
  onResourceDeleted: async (db) => void (await db.deleteFrom('note_nots').execute()),
})
