// Bundles the app into dist/main.js for running without tsx (`node dist/main.js`).

import { build } from 'esbuild'

await build({
  entryPoints: ['src/main.ts'],
  outfile: 'dist/main.js',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  // Workspace packages export TypeScript sources, so they are bundled; drivers stay external.
  external: ['better-sqlite3', '@node-rs/argon2', 'pg', 'pg-native'],
  logLevel: 'warning',
})
