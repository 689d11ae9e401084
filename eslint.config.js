// @ts-check
import tseslint from 'typescript-eslint'

const pluginServer = '@checkpost/*-server'
const pluginContract = '@checkpost/*-contract'

export default tseslint.config(
  // vitest.config.ts files sit outside each package's tsconfig (src, test); they hold one setting each.
  { ignores: ['**/node_modules/**', '**/dist/**', '**/.turbo/**', '**/vitest.config.ts'] },
  {
    files: ['**/*.ts', '**/*.tsx'],
    extends: [tseslint.configs.base],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      'max-params': ['error', 3],
    },
  },
  {
    files: ['packages/*/src/**/*.ts', 'plugins/*/*/src/**/*.ts', 'apps/*/src/**/*.ts', 'apps/*/src/**/*.tsx'],
    rules: { 'no-console': 'error', '@typescript-eslint/no-explicit-any': 'error' },
  },
  // Dependency direction: contracts import only kits' contract code and other contracts.
  {
    files: ['plugins/*/contract/src/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: [pluginServer, '@checkpost/server', '@checkpost/db', 'kysely', 'hono', '@orpc/server'], message: 'A contract package holds no server or database code.' },
        ],
      }],
    },
  },
  // A plugin's server imports kits and contracts, never another plugin's server package.
  {
    files: ['plugins/*/server/src/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [{ group: [pluginServer], message: "Depend on the other plugin's contract package, not its server." }],
      }],
    },
  },
  // Kits know no plugin.
  {
    files: ['packages/*/src/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [{ group: [pluginServer, pluginContract], message: 'Kits in packages/ have no plugin knowledge.' }],
      }],
    },
  },
)
