import { CliError } from './cli-error.ts'

/**
 * Reads one line from `input` (stdin) as a password: its trailing newline is
 * not part of it. Never echoed or logged; errors do not repeat it.
 */
export async function readPasswordLine(input: AsyncIterable<Buffer | string>): Promise<string> {
  let text = ''
  for await (const chunk of input) {
    text += typeof chunk === 'string' ? chunk : chunk.toString('utf8')
    if (text.includes('\n') || text.length > 4096) break
  }
  const newline = text.indexOf('\n')
  const line = newline < 0 ? text : text.slice(0, newline)
  const password = line.endsWith('\r') ? line.slice(0, -1) : line
  if (password === '') throw new CliError('--password-stdin read no password (send it as one line on stdin)')
  return password
}
