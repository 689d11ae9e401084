/** True when `rules` grant `ruleId`: `*`, the rule itself, or its `manage` for a `read`. */
export function hasRule(rules: readonly string[], ruleId: string): boolean {
  if (rules.includes('*') || rules.includes(ruleId)) return true
  return ruleId.endsWith('.read') && rules.includes(`${ruleId.slice(0, -'.read'.length)}.manage`)
}
