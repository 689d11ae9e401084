/** A gauge a plugin exposes: read when metrics are scraped, never per request. */
export interface GaugeDefinition {
  /** Prometheus name, `checkpost_{pluginId}_…` by convention. */
  readonly name: string
  readonly help: string
  /** The current value. */
  read(): number
}

/** Where plugins register their figures (e.g. scheduler lag); a no-op without a metrics listener. */
export interface PluginMetrics {
  gauge(definition: GaugeDefinition): void
}

/** The metrics sink of a host without metrics. */
export const NO_METRICS: PluginMetrics = { gauge: () => {} }
