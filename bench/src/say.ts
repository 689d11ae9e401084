/** Progress and per-run lines go to stdout as they happen; the table comes last. */
export function say(line: string): void {
  process.stdout.write(line + '\n')
}
