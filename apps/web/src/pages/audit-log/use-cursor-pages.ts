import { useState } from 'react'

/** Cursor paging through a newest-first list: one page at a time, back along the cursors taken. */
export interface CursorPages {
  /** The cursor of the page shown; undefined on the first page. */
  readonly cursor: string | undefined
  /** 1 on the first page. */
  readonly pageNumber: number
  /** Goes to the page after this one, given the list's `nextCursor`. */
  older(nextCursor: string): void
  /** Goes back one page; nothing on the first. */
  newer(): void
  /** Back to the first page (e.g. new filters). */
  reset(): void
}

/** Keeps the cursors of the pages visited, so Newer goes back without refetching from the start. */
export function useCursorPages(): CursorPages {
  const [cursors, setCursors] = useState<readonly string[]>([])
  return {
    cursor: cursors.at(-1),
    pageNumber: cursors.length + 1,
    older: (nextCursor) => setCursors((taken) => [...taken, nextCursor]),
    newer: () => setCursors((taken) => taken.slice(0, -1)),
    reset: () => setCursors([]),
  }
}
