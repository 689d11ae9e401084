// The one read DESIGN's key rules require on every authenticated request (a
// revoked or regenerated key must fail on its next use): the caller's key row
// and the access version, by primary key, as Checkpost's key lookup reads it.
// The bare routes make it with BENCH_KEY_READ=1, to show what of Checkpost's
// gap to them is that read and what is the rest of the host.

/** The key row's SQL with the driver's placeholder for the application id (`?` or `$1`). */
export function keyRowSql(placeholder: string): string {
  return `select a.*, (select access_version from auth_applications_state where id = 1) as access_version from auth_applications_applications a where a.id = ${placeholder}`
}

/** The application id in `Bearer ck_{applicationId}_{secret}`; '' (no row has it) when there is none. */
export function applicationIdOf(authorization: string | undefined): string {
  return /^Bearer ck_([0-9a-f-]{36})_/i.exec(authorization ?? '')?.[1] ?? ''
}

export const KEY_READ = process.env.BENCH_KEY_READ === '1'
