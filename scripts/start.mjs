// `npm start` / `pnpm start`: installs what is missing, then runs the server in
// this very process (the package script `exec`s node), so SIGTERM and Ctrl-C
// reach it directly. pnpm does not pass a SIGTERM on to its script, and exits
// alone: when this process finds itself orphaned, it stops as for a SIGTERM.
import { ensureWorkspace } from './ensure-workspace.mjs'

const env = ensureWorkspace({ start: true })
process.env.PATH = env.PATH

const parent = process.ppid
setInterval(() => {
  if (process.ppid !== parent) process.kill(process.pid, 'SIGTERM')
}, 250).unref()

const { register } = await import('tsx/esm/api')
register()
await import('../apps/server/src/main.ts')
