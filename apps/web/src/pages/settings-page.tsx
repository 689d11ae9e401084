import { authApplicationsAccess as access } from '@checkpost/auth-applications-contract'
import { authUsersAccess } from '@checkpost/auth-users-contract'
import { NavLink } from '../router/nav-link.tsx'
import { useCan } from '../session/current-user.tsx'
import { ApplicationsTab } from './applications/applications-tab.tsx'
import { RolesTab } from './roles/roles-tab.tsx'
import { TeamsTab } from './teams/teams-tab.tsx'
import { UsersTab } from './users/users-tab.tsx'

/** The tabs of Authentication Settings, each with the rule that shows it. */
export const SETTINGS_TABS = [
  { slug: 'applications', label: 'Applications', rule: access.applications.read.id, Page: ApplicationsTab },
  { slug: 'roles', label: 'Roles', rule: access.roles.read.id, Page: RolesTab },
  { slug: 'teams', label: 'Teams', rule: access.teams.read.id, Page: TeamsTab },
  { slug: 'users', label: 'Users', rule: authUsersAccess.users.read.id, Page: UsersTab },
] as const

/** Authentication Settings: only the tabs the signed-in user's rules allow. */
export function SettingsPage({ tab }: { tab: string | undefined }) {
  const can = useCan()
  const tabs = SETTINGS_TABS.filter((t) => can(t.rule))
  const current = tabs.find((t) => t.slug === tab) ?? tabs[0]
  return (
    <>
      <h1>Authentication Settings</h1>
      <nav aria-label="Authentication Settings" className="tabs">
        {tabs.map((t) => (
          <NavLink key={t.slug} to={`/settings/${t.slug}`} exact active={t === current}>
            {t.label}
          </NavLink>
        ))}
      </nav>
      {current ? <current.Page /> : <p>Your roles give no access to these settings.</p>}
    </>
  )
}
