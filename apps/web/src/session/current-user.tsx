import { createContext, useContext } from 'react'
import { hasRule } from '../access/has-rule.ts'

/** The signed-in user and every access rule its roles hold. */
export interface CurrentUser {
  readonly id: string
  readonly email: string
  readonly name: string
  readonly accessRules: readonly string[]
}

/** Set by the session gate once a user is signed in. */
export const CurrentUserContext = createContext<CurrentUser | null>(null)

/** The signed-in user; only inside the session gate. */
export function useCurrentUser(): CurrentUser {
  const user = useContext(CurrentUserContext)
  if (!user) throw new Error('useCurrentUser outside the session gate')
  return user
}

/** `can(ruleId)`: whether the signed-in user holds a rule, so absent controls are never offered. */
export function useCan(): (ruleId: string) => boolean {
  const { accessRules } = useCurrentUser()
  return (ruleId) => hasRule(accessRules, ruleId)
}
