import { useId, useRef, useState } from 'react'

/** A key shown once, with a Copy button; gone from the page once dismissed. */
export function SecretReveal({ title, secret, onDone }: { title: string; secret: string; onDone: () => void }) {
  const [status, setStatus] = useState('')
  const field = useRef<HTMLInputElement>(null)
  const fieldId = useId()
  async function copy() {
    try {
      await navigator.clipboard.writeText(secret)
      setStatus('Copied to the clipboard.')
    } catch {
      // No clipboard outside a secure context (plain http on a remote host): select it instead.
      field.current?.select()
      setStatus('The browser refused the clipboard: the secret is selected, press Ctrl+C to copy it.')
    }
  }
  return (
    <section className="secret" aria-labelledby={`${fieldId}-title`}>
      <h2 id={`${fieldId}-title`}>{title}</h2>
      <p>
        <strong>Copy the secret immediately - it will never be shown again.</strong>
      </p>
      <label htmlFor={fieldId}>Secret</label>
      <div className="secret-row">
        <input ref={field} id={fieldId} readOnly value={secret} onFocus={(event) => event.currentTarget.select()} spellCheck={false} />
        <button type="button" className="primary" onClick={() => void copy()}>
          Copy
        </button>
      </div>
      <p aria-live="polite" className="hint">
        {status}
      </p>
      <button type="button" onClick={onDone}>
        Done
      </button>
    </section>
  )
}
