import { authApplicationsAccess } from '@checkpost/auth-applications-contract'
import { catalogAccess } from '@checkpost/catalog-contract'
import type { ReactNode } from 'react'
import { ApiKeysPage } from './pages/api-keys/api-keys-page.tsx'
import { AuditLogPage } from './pages/audit-log/audit-log-page.tsx'
import { SETTINGS_TABS, SettingsPage } from './pages/settings-page.tsx'
import { StatusPage } from './pages/status/status-page.tsx'

type Can = (ruleId: string) => boolean

/** A top-level page: its path segment, nav label, who sees it, and what it shows. */
export interface ConsolePage {
  readonly segment: string
  readonly label: string
  readonly visible: (can: Can) => boolean
  readonly render: (subPath: string | undefined) => ReactNode
}

/** The main navigation, in order; the first visible one is the home page. */
export const CONSOLE_PAGES: readonly ConsolePage[] = [
  {
    segment: 'settings',
    label: 'Authentication Settings',
    visible: (can) => SETTINGS_TABS.some((tab) => can(tab.rule)),
    render: (tab) => <SettingsPage tab={tab} />,
  },
  { segment: 'status', label: 'Status', visible: (can) => can(catalogAccess.catalog.read.id), render: () => <StatusPage /> },
  {
    segment: 'audit-log',
    label: 'Audit Log',
    visible: (can) => can(authApplicationsAccess.audit.read.id),
    render: () => <AuditLogPage />,
  },
  { segment: 'api-keys', label: 'API Keys', visible: () => true, render: () => <ApiKeysPage /> },
]
