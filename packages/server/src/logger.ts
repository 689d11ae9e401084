import { pino, stdSerializers, stdTimeFunctions, type DestinationStream, type Logger as PinoLogger } from 'pino'
import pretty from 'pino-pretty'

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
  /** Where finished JSON lines go, without their newline (default: stdout). */
  readonly write?: (line: string) => void
  /** Human-readable lines (pino-pretty) instead of JSON; default: when stdout is a terminal. */
  readonly pretty?: boolean
}

const SECRET_FIELDS = ['authorization', 'cookie', 'secret', 'secretHash', 'secret_hash', 'password', 'currentPassword', 'newPassword', 'apiKey']
/** Objects whose credential fields are censored too (explicit paths: pino's `*` wildcards cost ~10x per line). */
const CONTAINERS = ['headers', 'application', 'user', 'key', 'body', 'input', 'session']

/**
 * Paths pino censors: credentials and their hashes at the top of a line's
 * fields and inside the usual containers never reach a log line.
 */
export const REDACTED_PATHS: readonly string[] = [
  ...SECRET_FIELDS,
  ...CONTAINERS.flatMap((container) => SECRET_FIELDS.map((name) => `${container}.${name}`)),
  'headers["set-cookie"]',
]

const LEVELS: ReadonlySet<string> = new Set<LogLevel>(['debug', 'info', 'warn', 'error'])

/**
 * A pino logger behind the `Logger` seam: JSON lines (`time`, `level`, `message`,
 * fields), redaction of credentials, errors under `error` with stack and cause.
 * @example createLogger({ level: 'info' }).child({ requestId }).info('done')
 */
export function createLogger(options: LoggerOptions = {}): Logger {
  const level = options.level ?? 'info'
  if (!LEVELS.has(level)) throw new Error(`Unknown log level "${level}"`)
  const instance = pino(
    {
      level,
      messageKey: 'message',
      base: undefined,
      timestamp: stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      serializers: { error: stdSerializers.errWithCause, err: stdSerializers.errWithCause },
      redact: { paths: [...REDACTED_PATHS], censor: '[redacted]' },
    },
    destinationOf(options),
  )
  return wrap(() => instance)
}

function destinationOf(options: LoggerOptions): DestinationStream {
  if (options.write) {
    const write = options.write
    return { write: (line: string) => write(line.endsWith('\n') ? line.slice(0, -1) : line) }
  }
  const usePretty = options.pretty ?? process.stdout.isTTY === true
  if (usePretty) return pretty({ colorize: true, messageKey: 'message', translateTime: 'SYS:HH:MM:ss.l', sync: true })
  return pino.destination({ dest: 1, sync: false })
}

/**
 * The seam over a pino logger made on first use: the host makes a child per
 * request (with its request id), and most requests never log through it.
 */
function wrap(create: () => PinoLogger): Logger {
  let instance: PinoLogger | undefined
  const pinoLogger = () => (instance ??= create())
  return {
    debug: (message, fields) => pinoLogger().debug(fields, message),
    info: (message, fields) => pinoLogger().info(fields, message),
    warn: (message, fields) => pinoLogger().warn(fields, message),
    error: (message, fields) => pinoLogger().error(fields, message),
    child: (fields) => {
      const bindings = { ...fields } // as pino would: later changes to `fields` do not reach the child
      return wrap(() => pinoLogger().child(bindings))
    },
  }
}
