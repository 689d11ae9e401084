// Turns a walk-through (docs/*.md) into one bash script, so that CI runs every
// block of it in order: ```bash blocks as written (one after a
// `<!-- ci: background -->` line runs in the background until the server
// answers), ```diff blocks through `git apply`. Other blocks are only shown.
import { readFileSync } from 'node:fs'

const markdown = readFileSync(process.argv[2], 'utf8')
const BLOCK = /(<!-- ci: background -->\n)?```(bash|diff)\n([\s\S]*?)```/g
const lines = [
  'set -euo pipefail',
  'killtree() { for child in $(ps -o pid= --ppid "$1"); do killtree "$child"; done; kill "$1" 2>/dev/null || true; }',
  'background=()',
  'trap \'for pid in "${background[@]}"; do killtree "$pid"; done\' EXIT',
]
for (const [, inBackground, language, body] of markdown.matchAll(BLOCK)) {
  if (language === 'diff') lines.push(`git apply --whitespace=nowarn <<'CHECKPOST_DOC_PATCH'\n${body}CHECKPOST_DOC_PATCH`)
  else if (inBackground) {
    lines.push(`${body.trim()} &`, 'background+=($!)')
    lines.push('for _ in $(seq 1 240); do curl -sf http://localhost:3000/api/health >/dev/null && break; sleep 0.5; done')
  } else lines.push(body)
}
process.stdout.write(`${lines.join('\n')}\n`)
