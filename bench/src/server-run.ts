import { cpuMsOf } from './process-cpu.ts'
import { runLoad, type LoadOptions, type LoadResult } from './load.ts'
import type { ServerProcess } from './server-process.ts'

/** A load run with the server CPU it cost. */
export interface ServerRun extends LoadResult {
  /** Server user + system CPU time per answered request, in ms (all `servers` together). */
  readonly cpuMsPerRequest: number
}

/** Runs `load` against one or more servers and charges their CPU time to the answers. */
export async function runAgainst(servers: readonly ServerProcess[], load: LoadOptions): Promise<ServerRun> {
  const cpu = () => servers.reduce((sum, server) => sum + cpuMsOf(server.pid), 0)
  const before = cpu()
  const result = await runLoad(load)
  return { ...result, cpuMsPerRequest: (cpu() - before) / Math.max(1, result.requests) }
}
