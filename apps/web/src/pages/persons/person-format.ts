import { TITLE_LEVEL_LABELS, type Person } from '@duikou/contracts';

/** 职称 as written (主治医师), else its level (中级, 无职称). */
export const titleText = (p: Pick<Person, 'title' | 'titleLevel'>): string => p.title?.trim() || TITLE_LEVEL_LABELS[p.titleLevel];

/** 1985-06 → 1985年06月 */
export const formatMonth = (m: string | null | undefined): string => (m ? `${m.slice(0, 4)}年${m.slice(5, 7)}月` : '—');
