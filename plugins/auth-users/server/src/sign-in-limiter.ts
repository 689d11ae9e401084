import { failureBucketOf } from '@checkpost/server'
import { RateLimiterMemory, type RateLimiterRes } from 'rate-limiter-flexible'

export interface SignInLimiterOptions {
  /** Failed sign-ins allowed from one address per window, whatever the email. */
  readonly failuresPerAddress: number
  /** Failed sign-ins allowed for one email from one address per window. */
  readonly failuresPerEmail: number
  readonly windowSeconds: number
}

/**
 * Sign-in failure limits (rate-limiter-flexible): per address, and per email
 * *from that address*, so an attacker guessing one account never locks its
 * owner signing in from elsewhere. A success clears the email's count. An
 * IPv6 address counts as its /64 (failureBucketOf).
 */
export function createSignInLimiter(options: SignInLimiterOptions) {
  const byAddress = new RateLimiterMemory({ keyPrefix: 'sign-in-address', points: options.failuresPerAddress, duration: options.windowSeconds })
  const byEmail = new RateLimiterMemory({ keyPrefix: 'sign-in-email', points: options.failuresPerEmail, duration: options.windowSeconds })
  const emailKey = (address: string, email: string) => `${address}\u0000${email}`

  return {
    /** Seconds to wait when either limit is spent, else undefined. */
    async retryAfter(client: string, email: string): Promise<number | undefined> {
      const address = failureBucketOf(client)
      const [perAddress, perEmail] = await Promise.all([byAddress.get(address), byEmail.get(emailKey(address, email))])
      const spent = [
        spentFor(perAddress, options.failuresPerAddress),
        spentFor(perEmail, options.failuresPerEmail),
      ].filter((ms): ms is number => ms !== undefined)
      return spent.length === 0 ? undefined : Math.max(1, Math.ceil(Math.max(...spent) / 1000))
    },
    async failed(client: string, email: string): Promise<void> {
      const address = failureBucketOf(client)
      await Promise.all([byAddress.penalty(address, 1), byEmail.penalty(emailKey(address, email), 1)])
    },
    async succeeded(client: string, email: string): Promise<void> {
      await byEmail.delete(emailKey(failureBucketOf(client), email))
    },
  }
}

export type SignInLimiter = ReturnType<typeof createSignInLimiter>

function spentFor(state: RateLimiterRes | null, points: number): number | undefined {
  return state !== null && state.consumedPoints >= points ? state.msBeforeNext : undefined
}

/** Limits from settings, with defaults: 50 per address, 10 per email and address, per 15 minutes. */
export function signInLimitsOf(settings: Readonly<Record<string, string | undefined>>): SignInLimiterOptions {
  const number = (name: string, fallback: number) => {
    const value = Number(settings[name] ?? fallback)
    if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a positive integer`)
    return value
  }
  return {
    failuresPerAddress: number('CHECKPOST_SIGNIN_FAILURES_PER_ADDRESS', 50),
    failuresPerEmail: number('CHECKPOST_SIGNIN_FAILURES_PER_EMAIL', 10),
    windowSeconds: number('CHECKPOST_SIGNIN_FAILURE_WINDOW_SECONDS', 900),
  }
}
