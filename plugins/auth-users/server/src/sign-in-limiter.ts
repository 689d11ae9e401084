import { createHash } from 'node:crypto'
import { createFailureLimiter, failureBucketOf, intSetting, type Logger } from '@checkpost/server'

export interface SignInLimiterOptions {
  /** Failed sign-ins allowed from one address per window, whatever the email. */
  readonly failuresPerAddress: number
  /** Failed sign-ins allowed for one email from one address per window. */
  readonly failuresPerEmail: number
  readonly windowSeconds: number
  /** `CHECKPOST_REDIS_URL`: count across every host process; unset = per process. */
  readonly redisUrl?: string
  readonly logger: Logger
}

/** Sign-in failure limits: per address, and per email from that address. */
export interface SignInLimiter {
  /** Seconds to wait when either limit is spent, else undefined. */
  retryAfter(address: string, email: string): Promise<number | undefined>
  failed(address: string, email: string): Promise<void>
  /** A success clears the email's count from that address. */
  succeeded(address: string, email: string): Promise<void>
  close(): Promise<void>
}

/**
 * Two failure limiters (the kit's, fleet-wide through Redis when configured):
 * per address, and per email *from that address*, so an attacker guessing one
 * account never locks its owner signing in from elsewhere. An IPv6 address
 * counts as its /64 (failureBucketOf), so rotating addresses inside one
 * allocation buys no guesses. Emails reach Redis only as a SHA-256 with the address.
 */
export function createSignInLimiter(options: SignInLimiterOptions): SignInLimiter {
  const store = (keyPrefix: string) => (options.redisUrl ? { redis: { url: options.redisUrl, keyPrefix, logger: options.logger } } : {})
  const window = options.windowSeconds
  const byAddress = createFailureLimiter({ maxFailures: options.failuresPerAddress, windowSeconds: window, ...store('checkpost:sign-in-address') })
  const byEmail = createFailureLimiter({ maxFailures: options.failuresPerEmail, windowSeconds: window, ...store('checkpost:sign-in-email') })
  const emailKey = (address: string, email: string) => createHash('sha256').update(`${address}\u0000${email}`).digest('hex')

  return {
    async retryAfter(client, email) {
      const address = failureBucketOf(client)
      const waits = await Promise.all([byAddress.retryAfter(address), byEmail.retryAfter(emailKey(address, email))])
      const spent = waits.filter((seconds): seconds is number => seconds !== undefined)
      return spent.length === 0 ? undefined : Math.max(...spent)
    },
    async failed(client, email) {
      const address = failureBucketOf(client)
      await Promise.all([byAddress.recordFailure(address), byEmail.recordFailure(emailKey(address, email))])
    },
    async succeeded(client, email) {
      await byEmail.reset(emailKey(failureBucketOf(client), email))
    },
    async close() {
      await Promise.all([byAddress.close(), byEmail.close()])
    },
  }
}

/** Limits from settings, with defaults: 50 per address, 10 per email and address, per 15 minutes. */
export function signInLimitsOf(settings: Readonly<Record<string, string | undefined>>): Omit<SignInLimiterOptions, 'logger'> {
  const number = (name: string, fallback: number) => intSetting(settings, name, { fallback })
  return {
    failuresPerAddress: number('CHECKPOST_SIGNIN_FAILURES_PER_ADDRESS', 50),
    failuresPerEmail: number('CHECKPOST_SIGNIN_FAILURES_PER_EMAIL', 10),
    windowSeconds: number('CHECKPOST_SIGNIN_FAILURE_WINDOW_SECONDS', 900),
    redisUrl: settings.CHECKPOST_REDIS_URL || undefined,
  }
}
