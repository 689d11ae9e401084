/** Log levels, lowest first. */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error'

/** Structured fields attached to a log line. */
export type LogFields = Record<string, unknown>

/** The logger every part of the host and plugins receive; never `console.*`. */
export interface Logger {
  debug(message: string, fields?: LogFields): void
  info(message: string, fields?: LogFields): void
  warn(message: string, fields?: LogFields): void
  error(message: string, fields?: LogFields): void
  /** A logger that adds `fields` to every line. */
  child(fields: LogFields): Logger
}

export interface LoggerOptions {
  readonly level?: LogLevel
  /** Where finished lines go (default: stdout). */
  readonly write?: (line: string) => void
}

const LEVELS: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 }

/**
 * A JSON-lines logger. Errors are reduced to name and message: stacks stay out
 * of the log stream's hot path and secrets never ride along in error payloads.
 * @example createLogger({ level: 'info' }).child({ requestId }).info('done')
 */
export function createLogger(options: LoggerOptions = {}): Logger {
  const threshold = LEVELS[options.level ?? 'info']
  if (threshold === undefined) throw new Error(`Unknown log level "${options.level}"`)
  const write = options.write ?? ((line: string) => process.stdout.write(line + '\n'))
  const make = (bound: LogFields): Logger => {
    const log = (level: LogLevel) => (message: string, fields?: LogFields) => {
      if (LEVELS[level] < threshold) return
      write(JSON.stringify({ time: new Date().toISOString(), level, message, ...bound, ...serialize(fields) }))
    }
    return {
      debug: log('debug'),
      info: log('info'),
      warn: log('warn'),
      error: log('error'),
      child: (fields) => make({ ...bound, ...fields }),
    }
  }
  return make({})
}

function serialize(fields: LogFields | undefined): LogFields | undefined {
  if (!fields) return undefined
  const out: LogFields = {}
  for (const [key, value] of Object.entries(fields)) {
    out[key] = value instanceof Error ? { name: value.name, message: value.message } : value
  }
  return out
}
