import { useQueryClient } from '@tanstack/react-query'
import { signOut } from './api/session-api.ts'
import { CONSOLE_PAGES } from './console-pages.tsx'
import { NavLink } from './router/nav-link.tsx'
import { usePath } from './router/navigation.ts'
import { useCan, useCurrentUser } from './session/current-user.tsx'

/** The signed-in console: header, main navigation (only what the user's rules allow) and the page. */
export function AppShell() {
  const user = useCurrentUser()
  const can = useCan()
  const queryClient = useQueryClient()
  const [, segment, subPath] = usePath().split('/')
  const pages = CONSOLE_PAGES.filter((page) => page.visible(can))
  const current = pages.find((page) => page.segment === segment) ?? pages[0]

  async function leave() {
    await signOut().catch(() => undefined)
    queryClient.clear()
    window.location.assign('/')
  }

  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="topbar">
        <span className="brand">Checkpost</span>
        <nav aria-label="Main" className="main-nav">
          {pages.map((page) => (
            <NavLink key={page.segment} to={`/${page.segment}`} active={page === current}>
              {page.label}
            </NavLink>
          ))}
        </nav>
        <div className="user-menu">
          <span>{user.name}</span>
          <button type="button" onClick={() => void leave()}>
            Sign out
          </button>
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        {current?.render(current.segment === segment ? subPath : undefined)}
      </main>
    </>
  )
}
