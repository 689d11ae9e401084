import { readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..')
const SOURCE_ROOTS = ['packages', 'plugins', 'apps']
const RELATIVE_IMPORT = /(?:import|export)\s[^'"]*?from\s+['"](\.{1,2}\/[^'"]+)['"]/g

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    if (name === 'node_modules' || name === 'dist' || name.startsWith('.')) return []
    const path = join(dir, name)
    if (statSync(path).isDirectory()) return sourceFiles(path)
    return /\.tsx?$/.test(name) && path.includes(`${join('/', 'src', '/')}`) ? [path] : []
  })
}

function importGraph(): Map<string, string[]> {
  const files = SOURCE_ROOTS.flatMap((root) => sourceFiles(join(ROOT, root)))
  return new Map(
    files.map((file) => {
      const text = readFileSync(file, 'utf8')
      return [file, [...text.matchAll(RELATIVE_IMPORT)].map((match) => resolve(dirname(file), match[1]!))]
    }),
  )
}

function findCycles(graph: Map<string, string[]>): string[][] {
  const cycles: string[][] = []
  const state = new Map<string, 'open' | 'done'>()
  const stack: string[] = []
  const visit = (file: string) => {
    if (state.get(file) === 'done') return
    if (state.get(file) === 'open') {
      cycles.push(stack.slice(stack.indexOf(file)).map((f) => relative(ROOT, f)))
      return
    }
    state.set(file, 'open')
    stack.push(file)
    for (const next of graph.get(file) ?? []) if (graph.has(next)) visit(next)
    stack.pop()
    state.set(file, 'done')
  }
  for (const file of graph.keys()) visit(file)
  return cycles
}

describe('source layout', () => {
  it('has no import circle between source files (type imports included)', () => {
    const graph = importGraph()
    expect(graph.size).toBeGreaterThan(50)
    expect(findCycles(graph)).toEqual([])
  })

  it('keeps kits free of plugins: no package in packages/ depends on a plugin package', () => {
    for (const kit of readdirSync(join(ROOT, 'packages'))) {
      const manifest = JSON.parse(readFileSync(join(ROOT, 'packages', kit, 'package.json'), 'utf8')) as Record<string, Record<string, string>>
      const deps = Object.keys({ ...manifest.dependencies, ...manifest.devDependencies })
      expect(deps.filter((name) => /^@checkpost\/.+-(server|contract)$/.test(name)), kit).toEqual([])
    }
  })
})
