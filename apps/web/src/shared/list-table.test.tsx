import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen } from '@testing-library/react';
import { ApiError } from '../api/http-client';
import { ListTable, type ListQueryLike } from './list-table';

interface Row { id: string; name: string }
const columns = [{ title: '姓名', dataIndex: 'name' }];
const phoneColumns = [{ title: '记录', dataIndex: 'name' }];
const base = { state: { page: 1, pageSize: 20 }, update: () => {}, columns, phoneColumns, scrollX: 800, empty: { description: '还没有记录。', action: <button type="button">新建</button> } };
const query = (q: Partial<ListQueryLike<Row>>): ListQueryLike<Row> => ({ isFetching: false, isPending: false, error: null, refetch: () => {}, ...q });

describe('ListTable', () => {
  it('shows the rows and the total', () => {
    render(<ListTable<Row> {...base} isPhone={false} list={query({ data: { items: [{ id: '1', name: '李医生' }], total: 21 } })} />);
    expect(screen.getByText('李医生')).toBeTruthy();
    expect(screen.getByText('共 21 条')).toBeTruthy();
    expect(screen.getAllByText('姓名').length).toBeGreaterThan(0);
  });

  it('says what to do when there is nothing, with the create action', () => {
    render(<ListTable<Row> {...base} isPhone={false} list={query({ data: { items: [], total: 0 } })} />);
    expect(screen.getByText('还没有记录。')).toBeTruthy();
    expect(screen.getByRole('button', { name: '新建' })).toBeTruthy();
  });

  it('shows the error with a retry, and one column on a phone', () => {
    const refetch = vi.fn();
    render(<ListTable<Row> {...base} isPhone list={query({ error: new ApiError(500, { code: 'INTERNAL', message: '服务器开小差了' }), refetch, data: { items: [{ id: '1', name: '王医生' }], total: 1 } })} />);
    expect(screen.getByText('服务器开小差了')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: /重\s*试/ }));
    expect(refetch).toHaveBeenCalled();
    expect(screen.getByText('记录')).toBeTruthy();
    expect(screen.queryByText('姓名')).toBeNull();
  });
});
