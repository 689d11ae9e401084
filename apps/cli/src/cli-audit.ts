import { userInfo } from 'node:os'
import { insertAuditEntry } from '@checkpost/auth-applications-server'
import type { Database } from '@checkpost/db'
import { systemClock, toAuditEntry, type AuditEvent } from '@checkpost/server'

/** The operator at the terminal, as an audit actor (DESIGN: actor kind `cli`). */
function cliActor() {
  let name = 'cli'
  try {
    name = userInfo().username || name
  } catch {
    // no user entry for this uid (e.g. in a container): keep `cli`
  }
  return { kind: 'cli' as const, id: 'cli', name }
}

/** Appends one audit entry for a change the CLI made, in its transaction. */
export async function auditCliChange(db: Database['db'], event: AuditEvent): Promise<void> {
  const entry = toAuditEntry(event, { actor: cliActor(), at: systemClock.now(), requestId: null, sourceIp: null })
  await insertAuditEntry(db as never, entry)
}
