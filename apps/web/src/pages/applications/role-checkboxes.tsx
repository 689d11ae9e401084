import type { Role } from '@checkpost/auth-applications-contract'

export interface RoleCheckboxesProps {
  readonly roles: readonly Role[]
  readonly selected: readonly string[]
  /** Absent: the caller cannot change roles, so the roles are listed as text. */
  readonly onChange?: (roleIds: string[]) => void
  readonly disabled?: boolean
}

/** One checkbox per role (accessible name = the role's name), or the held roles as text. */
export function RoleCheckboxes({ roles, selected, onChange, disabled }: RoleCheckboxesProps) {
  if (!onChange) {
    const names = roles.filter((role) => selected.includes(role.id)).map((role) => role.name)
    return <span>{names.length > 0 ? names.join(', ') : selected.join(', ') || 'None'}</span>
  }
  function toggle(roleId: string, checked: boolean) {
    onChange?.(checked ? [...selected, roleId] : selected.filter((id) => id !== roleId))
  }
  return (
    <div className="checkbox-list">
      {roles.map((role) => (
        <label key={role.id} className="checkbox">
          <input
            type="checkbox"
            checked={selected.includes(role.id)}
            disabled={disabled}
            onChange={(event) => toggle(role.id, event.currentTarget.checked)}
          />
          {role.name}
        </label>
      ))}
    </div>
  )
}
