import { useEffect, useState, type ReactNode } from 'react';
import { Badge, Button, Input, Switch } from 'antd';
import { FilterOutlined } from '@ant-design/icons';
import { useIsPhone } from './use-is-phone';

/** Search box (q), filters, the 显示已归档 switch and the page's actions, wrapping on phones. */
export function ListToolbar({
  q, onSearch, placeholder = '搜索', includeArchived, onIncludeArchived, filters, actions,
}: {
  q: string;
  onSearch: (q: string) => void;
  placeholder?: string;
  includeArchived?: boolean;
  onIncludeArchived?: (v: boolean) => void;
  filters?: ReactNode;
  actions?: ReactNode;
}) {
  const [value, setValue] = useState(q);
  useEffect(() => setValue(q), [q]);
  return (
    <div className="dk-toolbar">
      <Input.Search
        className="dk-toolbar-search"
        allowClear
        placeholder={placeholder}
        value={value}
        onChange={(e) => {
          setValue(e.target.value);
          if (!e.target.value) onSearch('');
        }}
        onSearch={(v) => onSearch(v.trim())}
        enterButton="搜索"
        aria-label="搜索"
      />
      {filters}
      {onIncludeArchived && (
        <label style={{ display: 'inline-flex', alignItems: 'center', gap: 6, whiteSpace: 'nowrap' }}>
          <Switch size="small" checked={!!includeArchived} onChange={onIncludeArchived} />
          显示已归档
        </label>
      )}
      <span className="dk-toolbar-spacer" />
      {actions}
    </div>
  );
}

/** Standard server-side pagination props of a list. */
export function paginationOf(state: { page: number; pageSize: number }, total: number | undefined, update: (c: Record<string, number>) => void) {
  return {
    current: state.page,
    pageSize: state.pageSize,
    total: total ?? 0,
    showSizeChanger: true,
    pageSizeOptions: [10, 20, 50, 100],
    showTotal: (t: number) => `共 ${t} 条`,
    onChange: (page: number, pageSize: number) => update(pageSize !== state.pageSize ? { page: 1, pageSize } : { page, pageSize }),
  };
}

/**
 * A list's filters: in line on a wide screen; on a phone behind a 筛选 button that shows how many are
 * set, so the list stays on the first screen.
 */
export function CollapsibleFilters({ active, children }: { active: number; children: ReactNode }) {
  const isPhone = useIsPhone();
  const [open, setOpen] = useState(false);
  if (!isPhone) return <>{children}</>;
  return (
    <>
      <Badge count={active} size="small">
        <Button icon={<FilterOutlined />} onClick={() => setOpen((o) => !o)} aria-expanded={open}>{open ? '收起筛选' : '筛选'}</Button>
      </Badge>
      {open && children}
    </>
  );
}
