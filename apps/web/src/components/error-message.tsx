import { ServerError } from '../api/server-error.ts'

/** A failed call in words: the server's message, its status and code, and the request id to quote. */
export function ErrorMessage({ error }: { error: unknown }) {
  if (error === null || error === undefined) return null
  if (error instanceof ServerError) {
    return (
      <p role="alert" className="error">
        {error.message}
        <span className="error-detail">
          {' '}
          ({error.status > 0 ? `${error.status} ${error.code}` : error.code}
          {error.requestId ? `, request id ${error.requestId}` : ''})
        </span>
      </p>
    )
  }
  const message = error instanceof Error ? error.message : String(error)
  return (
    <p role="alert" className="error">
      {message === 'Failed to fetch' ? 'The server cannot be reached' : message}
    </p>
  )
}
