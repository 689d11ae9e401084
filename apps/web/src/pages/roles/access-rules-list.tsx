import { groupByPlugin } from './group-by-plugin.ts'

interface RuleView {
  readonly id: string
  readonly pluginId: string
  readonly description: string
}

/** Every access rule the host knows, one table per plugin. */
export function AccessRulesList({ accessRules }: { accessRules: readonly RuleView[] }) {
  return (
    <>
      {groupByPlugin(accessRules).map(([pluginId, rules]) => (
        <section key={pluginId} aria-labelledby={`rules-${pluginId}`} className="rule-group">
          <h3 id={`rules-${pluginId}`}>{pluginId}</h3>
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">Rule</th>
                  <th scope="col">Allows</th>
                </tr>
              </thead>
              <tbody>
                {rules.map((rule) => (
                  <tr key={rule.id}>
                    <th scope="row">
                      <code>{rule.id}</code>
                    </th>
                    <td>{rule.description}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ))}
    </>
  )
}
