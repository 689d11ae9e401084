import { useId, useRef, useState, type ReactNode } from 'react'
import { ErrorMessage } from './error-message.tsx'

export interface ConfirmButtonProps {
  /** The button's text, repeated on the confirming button. */
  readonly label: string
  readonly title: string
  /** What happens once confirmed, in words. */
  readonly consequence: string
  /** Extra fields of the dialog (e.g. an overlap). */
  readonly children?: ReactNode
  readonly onConfirm: () => Promise<unknown>
  readonly danger?: boolean
}

/** A button whose action runs only after a modal dialog naming its consequence is confirmed. */
export function ConfirmButton({ label, title, consequence, children, onConfirm, danger = true }: ConfirmButtonProps) {
  const dialog = useRef<HTMLDialogElement>(null)
  const [error, setError] = useState<unknown>(null)
  const [busy, setBusy] = useState(false)
  const titleId = useId()
  const textId = useId()

  async function confirm() {
    setBusy(true)
    setError(null)
    try {
      await onConfirm()
      dialog.current?.close()
    } catch (caught) {
      setError(caught)
    } finally {
      setBusy(false)
    }
  }

  return (
    <>
      <button type="button" className={danger ? 'danger' : undefined} onClick={() => dialog.current?.showModal()}>
        {label}
      </button>
      <dialog ref={dialog} aria-labelledby={titleId} aria-describedby={textId} onClose={() => setError(null)}>
        <h2 id={titleId}>{title}</h2>
        <p id={textId}>{consequence}</p>
        {children}
        <ErrorMessage error={error} />
        <div className="actions">
          <button type="button" onClick={() => dialog.current?.close()}>
            Cancel
          </button>
          <button type="button" className={danger ? 'danger' : 'primary'} disabled={busy} onClick={() => void confirm()}>
            {label}
          </button>
        </div>
      </dialog>
    </>
  )
}
