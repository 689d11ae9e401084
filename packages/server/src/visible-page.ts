/** One page of a keyset-paged list as a procedure answers it. */
export interface RawPage {
  readonly items: readonly unknown[]
  readonly nextCursor: string | null
}

/** What `collectVisiblePage` needs to read further pages and judge items. */
export interface VisiblePageSource {
  /** The page the caller's own input produced. */
  readonly first: RawPage
  readonly limit: number
  readonly cursor: string | undefined
  /** The unfiltered page after `cursor` (undefined: from the start), at most `limit` items. */
  readonly fetch: (cursor: string | undefined, limit: number) => Promise<RawPage>
  /** Which of `items` the caller may see, in order. */
  readonly keep: (items: readonly unknown[]) => Promise<readonly boolean[]>
}

interface Position {
  readonly from: string | undefined
  readonly page: RawPage
  readonly index: number
}

/** Pages past the caller's own are read this many rows at a time. */
const SCAN_LIMIT = 500

/**
 * Filtering before paging, over a procedure that pages after: reads raw pages
 * until `limit` visible items and one more are found (or the list ends). The
 * cursor returned sits right after the last visible item returned, so it
 * encodes nothing the caller cannot see, and no visible item is ever skipped.
 */
export async function collectVisiblePage(source: VisiblePageSource): Promise<RawPage> {
  const kept: unknown[] = []
  let last: Position | undefined
  let from = source.cursor
  let page = source.first
  for (;;) {
    const flags = await source.keep(page.items)
    for (let index = 0; index < page.items.length; index++) {
      if (!flags[index]) continue
      if (kept.length === source.limit) return { items: kept, nextCursor: await cursorAfter(source, last!) }
      kept.push(page.items[index])
      last = { from, page, index }
    }
    if (page.nextCursor === null) return { items: kept, nextCursor: null }
    from = page.nextCursor
    page = await source.fetch(from, SCAN_LIMIT)
  }
}

/** The cursor of the position right after one item: the page's own when it is the last item, else a shorter re-read. */
async function cursorAfter(source: VisiblePageSource, position: Position): Promise<string | null> {
  if (position.index === position.page.items.length - 1) return position.page.nextCursor
  return (await source.fetch(position.from, position.index + 1)).nextCursor
}
