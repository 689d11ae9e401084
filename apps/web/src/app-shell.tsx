import { catalogAccess } from '@checkpost/catalog-contract'
import { useQueryClient } from '@tanstack/react-query'
import { signOut } from './api/session-api.ts'
import { NavLink } from './router/nav-link.tsx'
import { usePath } from './router/navigation.ts'
import { useCan, useCurrentUser } from './session/current-user.tsx'
import { SETTINGS_TABS, SettingsPage } from './pages/settings-page.tsx'
import { StatusPage } from './pages/status/status-page.tsx'

/** The signed-in console: header, main navigation (only what the user's rules allow) and the page. */
export function AppShell() {
  const user = useCurrentUser()
  const can = useCan()
  const queryClient = useQueryClient()
  const showSettings = SETTINGS_TABS.some((tab) => can(tab.rule))
  const showStatus = can(catalogAccess.catalog.read.id)

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
          {showSettings && <NavLink to="/settings">Authentication Settings</NavLink>}
          {showStatus && <NavLink to="/status">Status</NavLink>}
        </nav>
        <div className="user-menu">
          <span>{user.name}</span>
          <button type="button" onClick={() => void leave()}>
            Sign out
          </button>
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        <Page showSettings={showSettings} />
      </main>
    </>
  )
}

function Page({ showSettings }: { showSettings: boolean }) {
  const [, section, tab] = usePath().split('/')
  if (section === 'status') return <StatusPage />
  if (section === 'settings' || (section === '' && showSettings)) return <SettingsPage tab={tab} />
  return <StatusPage />
}
