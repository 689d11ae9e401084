import fc from 'fast-check'
import { replayHint, seedFor } from './fuzz-settings.ts'

/** Where and how often a property runs. */
export interface FuzzRun {
  /** Names the property; its seed derives from the base seed and this. */
  readonly name: string
  readonly numRuns: number
  /** The test file, for the replay hint. */
  readonly file: string
}

/**
 * Runs an async property with a seed derived from the run's base seed; a
 * failure reports fast-check's counterexample (shrunk), its seed and path,
 * and the command that replays it.
 */
export async function assertProperty<T>(run: FuzzRun, arbitrary: fc.Arbitrary<T>, check: (value: T) => Promise<void>): Promise<void> {
  const property = fc.asyncProperty(arbitrary, check)
  const details = await fc.check(property, { seed: seedFor(run.name), numRuns: run.numRuns })
  if (!details.failed) return
  const cause = details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance)
  throw new Error(`${run.name}: ${fc.defaultReportMessage(details)}\nGot: ${cause}\n${replayHint(run.file)}`)
}
