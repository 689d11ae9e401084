import { useMutation } from '@tanstack/react-query'
import { useState } from 'react'

/**
 * Inline role checkboxes: shows the roles being set in the same render as the
 * click (a controlled checkbox would flip back until the call returns), saves
 * them, and falls back to the stored roles once the call settles.
 */
export function useRoleSetter(stored: readonly string[], save: (roleIds: string[]) => Promise<unknown>) {
  const [pending, setPending] = useState<string[] | null>(null)
  const mutation = useMutation({ mutationFn: save, onSettled: () => setPending(null) })
  function change(roleIds: string[]) {
    setPending(roleIds)
    mutation.mutate(roleIds)
  }
  return { selected: pending ?? stored, change, busy: mutation.isPending, error: mutation.error }
}
