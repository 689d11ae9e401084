// Summarises V8 .cpuprofile files (from `pnpm bench --profile DIR`): the top
// functions by self time and the share of each package, as evidence for a fix.
// Usage: tsx src/profile-summary.ts FILE.cpuprofile [top=25]
import { readFileSync } from 'node:fs'

interface ProfileNode {
  id: number
  callFrame: { functionName: string; url: string; lineNumber: number }
  hitCount?: number
  children?: number[]
}

interface Profile {
  nodes: ProfileNode[]
  samples: number[]
  timeDeltas: number[]
}

/** Self time per function and per package, as shares of all samples. */
export function summarise(profile: Profile, top = 25): string {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]))
  const self = new Map<number, number>()
  profile.samples.forEach((id, i) => {
    // Idle time is left out, so each share is of the time the server was busy.
    if (byId.get(id)!.callFrame.functionName !== '(idle)') self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0))
  })
  const total = [...self.values()].reduce((a, b) => a + b, 0)
  const functions = new Map<string, number>()
  const packages = new Map<string, number>()
  for (const [id, time] of self) {
    const { functionName, url, lineNumber } = byId.get(id)!.callFrame
    const where = url ? `${shorten(url)}:${lineNumber + 1}` : ''
    const name = `${functionName || '(anonymous)'} ${where}`.trim()
    functions.set(name, (functions.get(name) ?? 0) + time)
    packages.set(packageOf(url, functionName), (packages.get(packageOf(url, functionName)) ?? 0) + time)
  }
  const lines = (map: Map<string, number>, n: number) =>
    [...map.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([name, time]) => `  ${((100 * time) / total).toFixed(1).padStart(5)}%  ${name}`)
  return [`busy self time by package (${(total / 1e6).toFixed(1)} s busy):`, ...lines(packages, 15), `top ${top} functions by self time:`, ...lines(functions, top)].join('\n')
}

function shorten(url: string): string {
  return url.replace(/^file:\/\//, '').replace(/^.*\/node_modules\/\.pnpm\/[^/]+\/node_modules\//, '').replace(/^\/work\/main\//, '')
}

function packageOf(url: string, functionName: string): string {
  if (!url) return functionName.startsWith('(') ? functionName : '(native)'
  if (url.startsWith('node:')) return 'node:' + url.slice(5).split('/')[0]
  const dep = /node_modules\/\.pnpm\/[^/]+\/node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url)
  if (dep) return dep[1]!
  const ws = /\/work\/main\/((?:packages|plugins|apps|bench)\/[^/]+(?:\/(?:server|contract))?)/.exec(url)
  return ws ? ws[1]! : shorten(url)
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop()!)) {
  const [file, top] = process.argv.slice(2)
  if (!file) throw new Error('usage: tsx src/profile-summary.ts FILE.cpuprofile [top]')
  process.stdout.write(summarise(JSON.parse(readFileSync(file, 'utf8')) as Profile, Number(top ?? 25)) + '\n')
}
