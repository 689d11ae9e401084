/** Work a plugin runs inside the server process, started and stopped with it. */
export interface BackgroundTask {
  readonly name: string
  start(): void
  /** Resolves once in-flight work is done. */
  stop(): Promise<void>
}
