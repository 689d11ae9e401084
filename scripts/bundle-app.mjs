// `pnpm build` of an app: bundles the app in the current folder (src/main.ts)
// into dist/main.js, to run without tsx: `node dist/main.js`.
import { bundleApp } from './app-bundle.mjs'

await bundleApp(process.cwd())
