import type { Kysely } from 'kysely'
import { v7 as uuidv7 } from 'uuid'

/** Who made a change: an application, a user, or the admin CLI. */
export interface AuditActor {
  readonly kind: 'application' | 'user' | 'cli'
  readonly id: string
  readonly name: string
}

/** What a procedure says about a change it made (never a secret or a hash). */
export interface AuditEvent {
  /** `{resource}.{verb}`, e.g. `application.created` (DESIGN: audit log). */
  readonly action: string
  readonly target: { readonly type: string; readonly id: string; readonly name?: string }
  /** The fields changed and their new values. */
  readonly changes?: Readonly<Record<string, unknown>>
}

/** One stored, append-only audit entry. */
export interface AuditEntry extends AuditEvent {
  readonly id: string
  /** ISO-8601 UTC. */
  readonly at: string
  readonly actor: AuditActor
  readonly requestId: string | null
  readonly sourceIp: string | null
}

/** Stores audit entries; provided by at most one plugin (auth-applications). */
export interface AuditSink {
  /** Appends `entry` through `db`: the changing transaction. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  write(db: Kysely<any>, entry: AuditEntry): Promise<void>
}

/** A sink that keeps nothing, for hosts without an audit-storing plugin. */
export const NO_AUDIT_SINK: AuditSink = { write: async () => {} }

/** Who, when and from where, for `toAuditEntry`. */
export interface AuditContext {
  readonly actor: AuditActor
  readonly at: Date
  readonly requestId: string | null
  readonly sourceIp: string | null
}

/**
 * A complete entry for an event. Ids are UUIDv7 (time-ordered, monotonic in a
 * process), so entries of one millisecond still list in the order they were made.
 * @example toAuditEntry({ action: 'team.created', target }, { actor, at: clock.now(), requestId, sourceIp: null })
 */
export function toAuditEntry(event: AuditEvent, context: AuditContext): AuditEntry {
  return { ...event, id: uuidv7(), at: context.at.toISOString(), actor: context.actor, requestId: context.requestId, sourceIp: context.sourceIp }
}
