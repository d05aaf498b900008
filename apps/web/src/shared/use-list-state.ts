import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';

export interface ListState {
  page: number;
  pageSize: number;
  q: string;
  includeArchived: boolean;
  filters: Record<string, string | undefined>;
}

/**
 * List state (page, pageSize, q, includeArchived and named filters) kept in the URL,
 * so a list can be bookmarked, shared and survives going back from a detail page.
 */
export function useListState(filterKeys: readonly string[] = [], defaultPageSize = 20) {
  const [params, setParams] = useSearchParams();
  const keys = filterKeys.join(',');

  const state = useMemo<ListState>(() => {
    const page = Math.max(1, Number(params.get('page')) || 1);
    const pageSize = Math.min(200, Math.max(1, Number(params.get('pageSize')) || defaultPageSize));
    const filters: Record<string, string | undefined> = {};
    for (const k of keys ? keys.split(',') : []) filters[k] = params.get(k) ?? undefined;
    return { page, pageSize, q: params.get('q') ?? '', includeArchived: params.get('includeArchived') === 'true', filters };
  }, [params, keys, defaultPageSize]);

  /** Changes values; any change other than page/pageSize goes back to page 1. */
  const update = useCallback(
    (changes: Record<string, string | number | boolean | null | undefined>) => {
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          for (const [k, v] of Object.entries(changes)) {
            if (v === undefined || v === null || v === '' || v === false) next.delete(k);
            else next.set(k, String(v));
          }
          if (!('page' in changes)) next.delete('page');
          if (next.get('pageSize') === String(defaultPageSize)) next.delete('pageSize');
          return next;
        },
        { replace: true },
      );
    },
    [setParams, defaultPageSize],
  );

  /** The query to send: page, pageSize, q, includeArchived and the filters. */
  const query = useMemo(
    () => ({ page: state.page, pageSize: state.pageSize, q: state.q || undefined, includeArchived: state.includeArchived || undefined, ...state.filters }),
    [state],
  );

  return { state, update, query };
}
