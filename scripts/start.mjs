// `npm start` / `pnpm start`: installs what is missing, then runs the server in
// this very process (the package script `exec`s node), so SIGTERM and Ctrl-C
// reach it directly. pnpm does not pass a SIGTERM on to its script, and exits
// alone: when this process finds itself orphaned, it stops as for a SIGTERM.
//
// The server runs from its bundle (apps/server/dist/main.js, what `pnpm build`
// writes), rebuilt here first when any source it was built from changed: it
// starts in a fraction of the time compiling every source through tsx took.
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { bundleApp, bundlePaths, isBundleFresh } from './app-bundle.mjs'
import { ensureWorkspace, ROOT } from './ensure-workspace.mjs'

const env = ensureWorkspace({ start: true })
process.env.PATH = env.PATH

const parent = process.ppid
setInterval(() => {
  if (process.ppid !== parent) process.kill(process.pid, 'SIGTERM')
}, 250).unref()

const serverDir = join(ROOT, 'apps', 'server')
if (!isBundleFresh(serverDir)) {
  process.stderr.write('checkpost: bundling the server (apps/server/dist), as its sources changed since the last build\n')
  await bundleApp(serverDir)
}
await import(pathToFileURL(bundlePaths(serverDir).outfile).href)
