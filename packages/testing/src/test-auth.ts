import type { Database } from '@checkpost/db'
import type { Clock, PluginDefinition } from '@checkpost/server'

/** A key a test identity calls with, and that identity's id. */
export interface TestKey {
  readonly key: string
  readonly id: string
}

/** What a test identity should hold: exactly these rules, or the built-in admin role. */
export interface TestKeyRequest {
  readonly name: string
  /** Rule ids, or `'admin'` for an identity that holds every rule. */
  readonly rules: readonly string[] | 'admin'
  /** Every rule id the host knows. */
  readonly knownRuleIds: ReadonlySet<string>
  readonly clock: Clock
}

/** Mints credentials for test identities: the authenticating plugin knows how, the kit does not. */
export interface TestIdentityFactory {
  createKey(database: Database, request: TestKeyRequest): Promise<TestKey>
}

/** How test hosts authenticate: the plugins mounted first (the authenticator among them) and how to mint keys. */
export interface TestAuth {
  readonly plugins: readonly PluginDefinition[]
  readonly identities: TestIdentityFactory
}

let registered: TestAuth | undefined

/**
 * Sets the `TestAuth` that `createTestHost` uses when its caller passes none;
 * call it from a vitest setup file.
 * @example useTestAuth(applicationsTestAuth) // test/setup.ts, listed in vitest.config.ts setupFiles
 */
export function useTestAuth(auth: TestAuth): void {
  registered = auth
}

/** The `TestAuth` passed, or the registered one; throws a one-line hint when neither exists. */
export function resolveTestAuth(auth: TestAuth | undefined): TestAuth {
  const resolved = auth ?? registered
  if (!resolved) {
    throw new Error('createTestHost needs `auth` (plugins + identity factory), or useTestAuth(...) in a vitest setup file')
  }
  return resolved
}
