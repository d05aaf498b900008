import type { DeadlineEntry } from '@duikou/contracts';

/** Days from `today` to `date` (both YYYY-MM-DD); negative when past. */
export function daysUntil(date: string, today: string): number {
  return Math.round((Date.parse(`${date}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
}

export type DueState = 'past' | 'today' | 'soon' | 'later';

/** How close a due date is, for its colour: past, today, within a week, later. */
export function dueStateOf(due: string, today: string): { state: DueState; label: string; color: string } {
  const n = daysUntil(due, today);
  if (n < 0) return { state: 'past', label: `已过 ${-n} 天`, color: 'default' };
  if (n === 0) return { state: 'today', label: '今天截止', color: 'red' };
  if (n <= 7) return { state: 'soon', label: `${n} 天后截止`, color: 'orange' };
  return { state: 'later', label: `${n} 天后`, color: 'blue' };
}

/** 原定 2026-10-05（国庆节），节假日顺延 — or null when the date did not move. */
export function movedLabel(d: Pick<DeadlineEntry, 'postponed' | 'nominal' | 'postponedBecause'>): string | null {
  if (!d.postponed) return null;
  return `原定 ${d.nominal}${d.postponedBecause ? `（${d.postponedBecause}）` : ''}，节假日顺延`;
}

/** Entries grouped by the month of their due date, months in order, each sorted by due date. */
export function groupByMonth<T extends Pick<DeadlineEntry, 'due'>>(items: readonly T[]): { month: string; title: string; items: T[] }[] {
  const groups = new Map<string, T[]>();
  for (const item of [...items].sort((a, b) => a.due.localeCompare(b.due))) {
    const month = item.due.slice(0, 7);
    groups.set(month, [...(groups.get(month) ?? []), item]);
  }
  return [...groups.entries()].map(([month, list]) => ({ month, title: `${month.slice(0, 4)} 年 ${Number(month.slice(5, 7))} 月`, items: list }));
}

/** "3 分钟前", "2 小时前", "5 天前", else the date: how long ago a notification came. */
export function ageOf(createdAt: string, now: Date): string {
  const minutes = Math.floor((now.getTime() - Date.parse(createdAt)) / 60_000);
  if (minutes < 1) return '刚刚';
  if (minutes < 60) return `${minutes} 分钟前`;
  if (minutes < 24 * 60) return `${Math.floor(minutes / 60)} 小时前`;
  if (minutes < 30 * 24 * 60) return `${Math.floor(minutes / (24 * 60))} 天前`;
  return new Date(Date.parse(createdAt) + 8 * 3_600_000).toISOString().slice(0, 10);
}
