import type { ReactNode } from 'react';
import { Breadcrumb, Typography } from 'antd';
import { Link } from 'react-router';
import './page-header.css';

export interface Crumb { title: string; to?: string }

/** Title row of a page: breadcrumbs, title, optional subtitle and actions (wrap on phones). */
export function PageHeader({ title, subtitle, extra, crumbs, tags }: { title: ReactNode; subtitle?: ReactNode; extra?: ReactNode; crumbs?: Crumb[]; tags?: ReactNode }) {
  return (
    <div className="dk-page-header">
      {crumbs && crumbs.length > 0 && (
        <Breadcrumb
          className="dk-page-crumbs"
          items={crumbs.map((c) => ({ title: c.to ? <Link to={c.to}>{c.title}</Link> : c.title }))}
        />
      )}
      <div className="dk-page-title-row">
        <div className="dk-page-title-block">
          <Typography.Title level={4} className="dk-page-title">
            {title}
            {tags && <span className="dk-page-tags">{tags}</span>}
          </Typography.Title>
          {subtitle && <Typography.Text type="secondary">{subtitle}</Typography.Text>}
        </div>
        {extra && <div className="dk-page-extra">{extra}</div>}
      </div>
    </div>
  );
}
