import { useCallback, useEffect, useRef, useState } from 'react';

/** About two screens of rows: each keystroke in a search fetches the first page, so it is kept small. */
export const PAGE_SIZE = 50;

export interface Page<Row> {
  total: number;
  rows: Row[];
}

/**
 * Rows of a server-side list, fetched one page at a time as they scroll into view. Only
 * the pages that were looked at are ever held: a 250,000-row table never crosses the bridge.
 * Changing `queryKey` (search, sort, filter) starts over.
 */
export function usePagedRows<Row>(fetchPage: (offset: number, limit: number) => Promise<Page<Row>>, queryKey: string) {
  const [pages, setPages] = useState<ReadonlyMap<number, Row[]>>(new Map());
  const [total, setTotal] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const requested = useRef(new Set<number>());
  const generation = useRef(0);

  const loadPage = useCallback(
    async (pageIndex: number) => {
      if (requested.current.has(pageIndex)) return;
      requested.current.add(pageIndex);
      const current = generation.current;
      try {
        const page = await fetchPage(pageIndex * PAGE_SIZE, PAGE_SIZE);
        if (current !== generation.current) return;
        setTotal(page.total);
        setPages((previous) => new Map(previous).set(pageIndex, page.rows));
      } catch (caught) {
        requested.current.delete(pageIndex);
        if (current === generation.current) setError(caught instanceof Error ? caught.message : String(caught));
      }
    },
    [fetchPage],
  );

  useEffect(() => {
    generation.current++;
    requested.current = new Set();
    setPages(new Map());
    setTotal(null);
    setError(null);
    void loadPage(0);
  }, [queryKey, loadPage]);

  const ensureRange = useCallback(
    (firstIndex: number, lastIndex: number) => {
      for (let page = Math.floor(firstIndex / PAGE_SIZE); page <= Math.floor(lastIndex / PAGE_SIZE); page++) void loadPage(page);
    },
    [loadPage],
  );

  const rowAt = useCallback((index: number): Row | undefined => pages.get(Math.floor(index / PAGE_SIZE))?.[index % PAGE_SIZE], [pages]);

  return { total, error, rowAt, ensureRange };
}
