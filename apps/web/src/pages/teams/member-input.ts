/** The addTeamMember/removeTeamMember input for a member of either kind. */
export function memberInput(teamId: string, member: { kind: 'application' | 'user'; id: string }) {
  return member.kind === 'user' ? { teamId, userId: member.id } : { teamId, applicationId: member.id }
}
