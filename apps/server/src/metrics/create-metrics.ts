import type { Database } from '@checkpost/db'
import type { PluginMetrics, RequestObserver } from '@checkpost/server'
import { collectDefaultMetrics, Gauge, Registry } from 'prom-client'
import { createHttpMetrics } from './http-metrics.ts'

/** Everything the server exposes on its metrics listener. */
export interface ServerMetrics {
  readonly registry: Registry
  /** Counts requests, latency and auth failures. */
  readonly observer: RequestObserver
  /** Where plugins register their gauges. */
  readonly plugins: PluginMetrics
}

/**
 * A Prometheus registry with Node's process metrics, the HTTP figures, the
 * database pool's and whatever plugins register.
 * @example const metrics = createServerMetrics(database); createHost({ …, observer: metrics.observer, metrics: metrics.plugins })
 */
export function createServerMetrics(database: Database): ServerMetrics {
  const registry = new Registry()
  collectDefaultMetrics({ register: registry })
  registerPoolGauges(registry, database)
  return {
    registry,
    observer: createHttpMetrics(registry),
    plugins: {
      gauge({ name, help, read }) {
        new Gauge({ name, help, registers: [registry], collect: readInto(read) })
      },
    },
  }
}

function registerPoolGauges(registry: Registry, database: Database): void {
  const stats = database.poolStats?.bind(database)
  if (!stats) return
  new Gauge({
    name: 'checkpost_db_pool_connections',
    help: 'Database pool connections by state (total, idle, waiting = queries queued for one)',
    labelNames: ['state'] as const,
    registers: [registry],
    collect() {
      const { total, idle, waiting } = stats()
      this.labels('total').set(total)
      this.labels('idle').set(idle)
      this.labels('waiting').set(waiting)
    },
  })
  new Gauge({ name: 'checkpost_db_pool_max', help: 'Database pool size limit', registers: [registry], collect: readInto(() => stats().max) })
}

function readInto(read: () => number) {
  return function collect(this: Gauge) {
    this.set(read())
  }
}
