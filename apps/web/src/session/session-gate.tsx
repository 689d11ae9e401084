import { useQuery } from '@tanstack/react-query'
import { getSession } from '../api/session-api.ts'
import { ErrorMessage } from '../components/error-message.tsx'
import { SignInPage } from '../pages/sign-in-page.tsx'
import { AppShell } from '../app-shell.tsx'
import { CurrentUserContext } from './current-user.tsx'
import { loadCurrentUser } from './load-current-user.ts'

/** Sign-in first: the console shows only once a session and the user's rules are known. */
export function SessionGate() {
  const session = useQuery({ queryKey: ['session'], queryFn: getSession })
  if (session.isPending) return <p className="loading">Loading…</p>
  if (session.error) return <ErrorMessage error={session.error} />
  if (!session.data) return <SignInPage onSignedIn={() => void session.refetch()} />
  return <SignedIn userId={session.data.id} />
}

function SignedIn({ userId }: { userId: string }) {
  const user = useQuery({ queryKey: ['current-user', userId], queryFn: loadCurrentUser })
  if (user.isPending) return <p className="loading">Loading…</p>
  if (user.error) return <ErrorMessage error={user.error} />
  return (
    <CurrentUserContext.Provider value={user.data}>
      <AppShell />
    </CurrentUserContext.Provider>
  )
}
