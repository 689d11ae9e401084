import { useQuery } from '@tanstack/react-query'
import { api } from '../../api/clients.ts'
import { useCan } from '../../session/current-user.tsx'

/** A possible team member: an application or a user. */
export interface MemberCandidate {
  readonly kind: 'application' | 'user'
  readonly id: string
  readonly name: string
}

/** The applications (and users) the signed-in user may see, to name and add team members. */
export function useMemberDirectory(): readonly MemberCandidate[] {
  const can = useCan()
  const applications = useQuery({
    ...api.authApplications.getApplications.queryOptions({ input: {} }),
    enabled: can('auth-applications.applications.read'),
  })
  return (applications.data?.applications ?? []).map((a) => ({ kind: 'application' as const, id: a.id, name: a.name }))
}
