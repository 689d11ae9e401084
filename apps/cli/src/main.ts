#!/usr/bin/env -S npx tsx
import { runCli } from './run-cli.ts'

// No top-level await: the bundle is CommonJS (see scripts/app-bundle.mjs); a rejection still ends the process with its stack.
void runCli(process.argv.slice(2), process.env).then((code) => (process.exitCode = code))
