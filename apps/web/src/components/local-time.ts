/** A `datetime-local` field's value (the reader's time zone) as an ISO time, or undefined when empty. */
export function fromLocalInput(value: string): string | undefined {
  if (value === '') return undefined
  const time = new Date(value)
  return Number.isNaN(time.getTime()) ? undefined : time.toISOString()
}

/** An ISO time as a `datetime-local` field's value in the reader's time zone. */
export function toLocalInput(iso: string | null | undefined): string {
  if (!iso) return ''
  const time = new Date(iso)
  const local = new Date(time.getTime() - time.getTimezoneOffset() * 60_000)
  return local.toISOString().slice(0, 16)
}
