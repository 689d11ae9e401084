/** How often the Status page asks again, on its own. */
export const STATUS_REFRESH_MS = 10_000
