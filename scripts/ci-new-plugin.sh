#!/usr/bin/env bash
# CI: `pnpm new-plugin` in a temporary copy of the repository, then the new
# plugin typechecks, passes its tests, and answers over HTTP on the real server
# (403 to a key without rules, 200 to an admin) and appears in /api/openapi.json.
# Then every command and edit of docs/plugin-authoring.md runs, in order, in the same copy.
set -euo pipefail
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
server=""
killtree() { for child in $(ps -o pid= --ppid "$1"); do killtree "$child"; done; kill "$1" 2>/dev/null || true; }
cleanup() {
  if [ -n "$server" ]; then killtree "$server"; fi
  rm -rf "$tmp"
}
trap cleanup EXIT

git ls-files -co --exclude-standard | while read -r f; do [ -e "$f" ] && printf '%s\n' "$f"; done | tar -cf - -T - | tar -xf - -C "$tmp"
cd "$tmp"
pnpm install --prefer-offline --frozen-lockfile >/dev/null

pnpm new-plugin ci-widgets --resource widget
pnpm --filter @checkpost/ci-widgets-contract --filter @checkpost/ci-widgets-server --filter @checkpost/server-app typecheck
pnpm --filter @checkpost/ci-widgets-server test
pnpm exec eslint plugins/ci-widgets apps/server/src

export CHECKPOST_DATABASE_URL="sqlite:$tmp/data/ci.db"
secret() { node -pe 'JSON.parse(require("fs").readFileSync(0, "utf8")).secret'; }
admin=$(pnpm -s checkpost applications create --name ci-admin --role admin --json | secret)
plain=$(pnpm -s checkpost applications create --name ci-plain --json | secret)
port=$(node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')
HOST=127.0.0.1 PORT=$port CHECKPOST_LOG_LEVEL=warn pnpm -s start &
server=$!
for _ in $(seq 1 120); do
  curl -sf "http://127.0.0.1:$port/api/health" >/dev/null && break
  sleep 0.5
done

call() { curl -s -o /dev/null -w '%{http_code}' -X POST "http://127.0.0.1:$port/api/ci-widgets/" \
  -H "Authorization: Bearer $1" -H 'Content-Type: application/json' -d '{"getWidgets": {}}'; }
[ "$(call "$plain")" = 403 ] || { echo "CI new-plugin: a key without rules was not refused"; exit 1; }
[ "$(call "$admin")" = 200 ] || { echo "CI new-plugin: the admin key was not answered 200"; exit 1; }
curl -sf "http://127.0.0.1:$port/api/openapi.json" | grep -q '"/api/ci-widgets/getWidgets"' \
  || { echo "CI new-plugin: the new plugin is missing from /api/openapi.json"; exit 1; }
echo "CI new-plugin: scaffolded, typechecked, tested, 403 without rules, 200 as admin, in the OpenAPI document"
killtree "$server"
server=""

node scripts/doc-to-script.mjs docs/plugin-authoring.md > "$tmp/plugin-authoring.sh"
env -u CHECKPOST_DATABASE_URL HOST=127.0.0.1 CHECKPOST_LOG_LEVEL=warn bash "$tmp/plugin-authoring.sh"
echo "CI plugin-authoring: every command and edit of docs/plugin-authoring.md ran"
