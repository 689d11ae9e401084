import type { BackgroundTask } from './background-task.ts'
import type { Logger } from './logger.ts'

export interface PeriodicTaskOptions {
  readonly name: string
  readonly everyMs: number
  readonly logger: Logger
  /** One round of work; a failure is logged and the next round runs as usual. */
  readonly run: () => Promise<void>
}

/**
 * A background task that runs `run` at start and then every `everyMs`,
 * one round at a time, and waits for the round in flight on stop.
 * @example createPeriodicTask({ name: 'audit-retention', everyMs: 3_600_000, logger, run: purge })
 */
export function createPeriodicTask({ name, everyMs, logger, run }: PeriodicTaskOptions): BackgroundTask {
  let timer: NodeJS.Timeout | undefined
  let running: Promise<void> = Promise.resolve()
  const round = () => {
    running = running.then(run).catch((error: unknown) => logger.warn(`${name} failed`, { error }))
  }
  return {
    name,
    start() {
      if (timer) return
      round()
      timer = setInterval(round, everyMs).unref()
    },
    async stop() {
      clearInterval(timer)
      timer = undefined
      await running
    },
  }
}
