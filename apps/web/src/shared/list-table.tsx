import type { ReactNode } from 'react';
import { Table, type TableProps } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { paginationOf } from './list-toolbar';
import { CardSkeleton, EmptyState, ErrorAlert } from './page-state';

/** What a list query hands a page: a page of rows and the total (TanStack Query's result). */
export interface ListQueryLike<T> {
  data?: { items: T[]; total: number };
  isFetching: boolean;
  isPending: boolean;
  error: unknown;
  refetch: () => unknown;
}

export interface ListTableProps<T> extends Omit<TableProps<T>, 'dataSource' | 'columns' | 'pagination' | 'loading' | 'locale' | 'scroll' | 'size'> {
  list: ListQueryLike<T>;
  /** Page and page size as in the URL (use-list-state). */
  state: { page: number; pageSize: number };
  update: (change: Record<string, number>) => void;
  columns: ColumnsType<T>;
  /** One-column rows for a phone; the desktop columns scroll sideways at `scrollX`. */
  phoneColumns: ColumnsType<T>;
  isPhone: boolean;
  scrollX: number;
  /** The empty state's sentence and, when the user may create one, its button. */
  empty: { description: ReactNode; action?: ReactNode };
}

/** A paged list of a page: error with retry, loading skeleton, empty state, phone layout, pagination. */
export function ListTable<T extends object>({ list, state, update, columns, phoneColumns, isPhone, scrollX, empty, rowKey = 'id', ...rest }: ListTableProps<T>) {
  return (
    <>
      {list.error ? <ErrorAlert error={list.error} onRetry={() => void list.refetch()} /> : null}
      <Table<T>
        {...rest}
        rowKey={rowKey}
        size={isPhone ? 'small' : 'middle'}
        loading={list.isFetching && !list.data}
        dataSource={list.data?.items ?? []}
        columns={isPhone ? phoneColumns : columns}
        pagination={paginationOf(state, list.data?.total, update)}
        scroll={isPhone ? undefined : { x: scrollX }}
        locale={{
          emptyText: list.isPending ? <CardSkeleton rows={4} /> : <EmptyState description={empty.description}>{empty.action}</EmptyState>,
        }}
      />
    </>
  );
}
