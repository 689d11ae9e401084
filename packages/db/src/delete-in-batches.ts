/**
 * Runs `deleteBatch(batchSize)` until it deletes fewer than `batchSize` rows,
 * yielding to the event loop between batches so requests keep flowing while a
 * retention task clears a large backlog. Returns how many rows were deleted.
 * @example await deleteInBatches((limit) => deleteResultsBefore(db, cutoff, limit), 5_000)
 */
export async function deleteInBatches(deleteBatch: (limit: number) => Promise<number>, batchSize: number): Promise<number> {
  let total = 0
  for (;;) {
    const deleted = await deleteBatch(batchSize)
    total += deleted
    if (deleted < batchSize) return total
    await new Promise((resolve) => setImmediate(resolve))
  }
}
