import { emailSchema } from '@checkpost/auth-users-contract'
import type { Database } from '@checkpost/db'
import { holdLockedOutRefusal, type Clock, type HttpRoute, type HttpRouteInfo } from '@checkpost/server'
import { z } from 'zod'
import { jsonError, jsonOk, readJsonObject } from './http-json.ts'
import { isForeignOrigin } from './same-origin.ts'
import { withSecure } from './secure-cookie.ts'
import type { SessionAuth } from './session-auth.ts'
import type { SignInLimiter } from './sign-in-limiter.ts'
import { touchSignIn } from './user-repository.ts'

export interface AuthRoutesOptions {
  readonly database: Database
  readonly clock: Clock
  readonly sessionAuth: () => Promise<SessionAuth>
  readonly limiter: SignInLimiter
  readonly trustedOrigins: ReadonlySet<string>
}

const signInInput = z.object({ email: emailSchema, password: z.string().min(1).max(128) })
const WRONG = 'Invalid email or password'

/**
 * `/auth/sign-in/email`, `/auth/sign-out`, `/auth/get-session` (DESIGN "Users
 * and sessions"), served by better-auth behind our wire: our error bodies and
 * limits, no session token in any body (the cookie is HttpOnly for a reason).
 */
export function createAuthRoutes(options: AuthRoutesOptions): HttpRoute[] {
  const foreign = (request: Request) =>
    isForeignOrigin(
      { method: request.method, origin: request.headers.get('origin') ?? undefined, host: request.headers.get('host') ?? new URL(request.url).host },
      options.trustedOrigins,
    )
  const refuseForeign = () => jsonError('FORBIDDEN', 'Cross-site request refused: Origin does not match this host')

  async function signIn(request: Request, { clientIp, https }: HttpRouteInfo): Promise<Response> {
    if (foreign(request)) return refuseForeign()
    const body = await readJsonObject(request)
    if (body instanceof Response) return body
    const parsed = signInInput.safeParse(body)
    if (!parsed.success) return jsonError('BAD_REQUEST', 'Input validation failed', { issues: issuesOf(parsed.error) })
    const { email, password } = parsed.data
    const wait = await options.limiter.retryAfter(clientIp, email)
    if (wait !== undefined) {
      // A tarpit, as for wrong keys: a locked-out flood gets one answer per connection per delay.
      await holdLockedOutRefusal()
      return jsonError('TOO_MANY_REQUESTS', 'Too many failed sign-ins; try again later', { headers: { 'retry-after': String(wait) } })
    }
    const auth = await options.sessionAuth()
    const forwarded = new Request(request.url, { method: 'POST', headers: forwardHeaders(request), body: JSON.stringify({ email, password }) })
    const response = await auth.handler(forwarded)
    if (response.status !== 200) {
      await options.limiter.failed(clientIp, email)
      return jsonError('UNAUTHORIZED', WRONG)
    }
    await options.limiter.succeeded(clientIp, email)
    const { user } = (await response.json()) as { user: { id: string } & Record<string, unknown> }
    await touchSignIn(options.database.db, user.id, options.clock.now().toISOString())
    return jsonOk({ user: publicUser(user) }, sessionCookies(response, https))
  }

  async function signOut(request: Request, { https }: HttpRouteInfo): Promise<Response> {
    if (foreign(request)) return refuseForeign()
    const auth = await options.sessionAuth()
    const response = await auth.handler(new Request(request.url, { method: 'POST', headers: forwardHeaders(request), body: '{}' }))
    return jsonOk({ success: true }, sessionCookies(response, https))
  }

  async function getSession(request: Request): Promise<Response> {
    const auth = await options.sessionAuth()
    const result = await auth.api.getSession({ headers: forwardHeaders(request) })
    if (!result || result.user.disabled) return jsonOk(null)
    const { token, ...session } = result.session
    void token
    return jsonOk({ user: publicUser(result.user), session })
  }

  return [
    { method: 'POST', path: '/auth/sign-in/email', handle: signIn },
    { method: 'POST', path: '/auth/sign-out', handle: signOut },
    { method: 'GET', path: '/auth/get-session', handle: getSession },
  ]
}

function forwardHeaders(request: Request): Headers {
  const headers = new Headers({ 'content-type': 'application/json' })
  const cookie = request.headers.get('cookie')
  if (cookie) headers.set('cookie', cookie)
  return headers
}

/** better-auth's Set-Cookie headers, marked Secure when the client came over https. */
function sessionCookies(response: Response, https: boolean): Headers {
  const headers = new Headers()
  for (const cookie of response.headers.getSetCookie()) headers.append('set-cookie', withSecure(cookie, https))
  return headers
}

function publicUser(user: Record<string, unknown>) {
  return { id: user.id, email: user.email, name: user.name, createdAt: user.createdAt, disabled: user.disabled === true }
}

function issuesOf(error: z.ZodError) {
  return error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }))
}
