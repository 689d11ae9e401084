import { applicationsTestAuth } from '@checkpost/auth-applications-server/testing'
import { useTestAuth } from '@checkpost/testing'

// Test hosts here authenticate with application keys (the kit itself knows no plugin).
useTestAuth(applicationsTestAuth)
