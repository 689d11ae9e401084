import { readFileSync } from 'node:fs'

/** Linux reports process times in clock ticks; 100 per second on every kernel we run on (`getconf CLK_TCK`). */
const TICKS_PER_SECOND = 100

/**
 * CPU time (user + system, ms) a process has used so far, from /proc/{pid}/stat.
 * Differences between two readings give a run's server CPU, which other load on
 * a shared machine disturbs far less than its requests per second.
 */
export function cpuMsOf(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
  // Fields after the command name (which may hold spaces) start after the last ')'.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  const utime = Number(fields[11])
  const stime = Number(fields[12])
  return ((utime + stime) * 1000) / TICKS_PER_SECOND
}
