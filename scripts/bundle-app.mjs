// Bundles the app in the current folder (src/main.ts) into dist/main.js, to run
// without tsx: `node dist/main.js`. Workspace packages export TypeScript
// sources, so they are bundled; native and driver packages stay external.
import { build } from 'esbuild'

await build({
  entryPoints: ['src/main.ts'],
  outfile: 'dist/main.js',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  external: ['better-sqlite3', '@node-rs/argon2', 'pg', 'pg-native'],
  logLevel: 'warning',
})
