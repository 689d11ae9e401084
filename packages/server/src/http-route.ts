/** What a plugin's own HTTP route sees besides the request. */
export interface HttpRouteInfo {
  /** The client's address (see `clientAddressOf`). */
  readonly clientIp: string
  readonly requestId: string
  /** True when the client reached the host over https (directly or through a trusted proxy). */
  readonly https: boolean
}

/**
 * A plain HTTP route a plugin mounts outside `/api/` (e.g. `/auth/sign-in/email`),
 * for wire formats that are not procedures. The host adds `X-Request-Id`.
 */
export interface HttpRoute {
  readonly method: 'GET' | 'POST'
  /** A Hono path, e.g. `/auth/sign-in/email`. */
  readonly path: string
  handle(request: Request, info: HttpRouteInfo): Promise<Response>
}
