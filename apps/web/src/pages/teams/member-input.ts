/** The addTeamMember/removeTeamMember input for a member of either kind. */
export function memberInput(teamId: string, member: { kind: 'application' | 'user'; id: string }) {
  return { teamId, applicationId: member.id }
}
