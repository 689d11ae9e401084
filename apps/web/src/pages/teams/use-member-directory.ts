import { authApplicationsAccess } from '@checkpost/auth-applications-contract'
import { authUsersAccess } from '@checkpost/auth-users-contract'
import { useQuery } from '@tanstack/react-query'
import { api } from '../../api/clients.ts'
import { useCan } from '../../session/current-user.tsx'

/** A possible team member: an application or a user. */
export interface MemberCandidate {
  readonly kind: 'application' | 'user'
  readonly id: string
  readonly name: string
}

/** The applications and users the signed-in user may list, to name and add team members. */
export function useMemberDirectory(): readonly MemberCandidate[] {
  const can = useCan()
  const applications = useQuery({
    ...api.authApplications.getApplications.queryOptions({ input: {} }),
    enabled: can(authApplicationsAccess.applications.read.id),
  })
  const users = useQuery({ ...api.authUsers.getUsers.queryOptions({ input: {} }), enabled: can(authUsersAccess.users.read.id) })
  return [
    ...(applications.data?.applications ?? []).map((a) => ({ kind: 'application' as const, id: a.id, name: a.name })),
    ...(users.data?.users ?? []).map((u) => ({ kind: 'user' as const, id: u.id, name: `${u.name} <${u.email}>` })),
  ]
}
