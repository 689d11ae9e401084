import type { Application, ApplicationWithSecret, Role } from '@checkpost/auth-applications-contract'

/** Where the CLI writes (and reads a password from); injectable so tests can capture it. */
export interface CliOutput {
  out(text: string): void
  err(text: string): void
  /** Standard input, for `--password-stdin` (default: process.stdin). */
  readonly stdin?: AsyncIterable<Buffer | string>
}

export const processOutput: CliOutput = {
  out: (text) => process.stdout.write(text + '\n'),
  err: (text) => process.stderr.write(text + '\n'),
  stdin: process.stdin,
}

export function formatApplication(app: Application): string {
  const lastUsed = app.lastUsedAt ?? 'never'
  return `${app.id}  ${app.name}  roles=${app.roles.join(',') || '-'}  lastUsed=${lastUsed}`
}

export function formatCreated(app: ApplicationWithSecret): string {
  return [
    `Application ${app.name} (${app.id})`,
    `Roles: ${app.roles.join(', ')}`,
    `Secret (shown once, store it now):`,
    app.secret,
  ].join('\n')
}

export function formatRole(role: Role): string {
  const rules = role.accessRules.join(', ') || '-'
  return `${role.id}  ${role.name}${role.builtIn ? ' (built-in)' : ''}  rules: ${rules}`
}
