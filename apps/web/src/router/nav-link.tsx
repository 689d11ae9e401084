import type { MouseEvent, ReactNode } from 'react'
import { navigate, usePath } from './navigation.ts'

export interface NavLinkProps {
  readonly to: string
  readonly children: ReactNode
  /** Active only on `to` itself, not below it. */
  readonly exact?: boolean
  /** Overrides the path match (e.g. a default tab). */
  readonly active?: boolean
}

/** A link inside the console: client-side navigation, `aria-current` on the active one. */
export function NavLink({ to, children, exact = false, active }: NavLinkProps) {
  const path = usePath()
  const isActive = active ?? (exact ? path === to : path === to || path.startsWith(`${to}/`))
  function onClick(event: MouseEvent<HTMLAnchorElement>) {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return
    event.preventDefault()
    navigate(to)
  }
  return (
    <a href={to} onClick={onClick} aria-current={isActive ? 'page' : undefined}>
      {children}
    </a>
  )
}
