import { ATTENDANCE_STATUS_LABELS, ATTENDANCE_STATUSES, type AttendanceEntries, type AttendanceMonth, type AttendanceStatus } from '@duikou/contracts';

/** One character per status for the compact month grid, with its colour. */
export const STATUS_MARKS: Record<AttendanceStatus, { mark: string; color: string; bg: string }> = {
  on_duty: { mark: '岗', color: '#237804', bg: '#f6ffed' },
  rest: { mark: '休', color: '#595959', bg: '#f5f5f5' },
  leave: { mark: '假', color: '#0958d9', bg: '#e6f4ff' },
  official_business: { mark: '差', color: '#08979c', bg: '#e6fffb' },
  absent: { mark: '缺', color: '#cf1322', bg: '#fff1f0' },
};

export const STATUS_OPTIONS = ATTENDANCE_STATUSES.map((s) => ({ value: s, label: ATTENDANCE_STATUS_LABELS[s], ...STATUS_MARKS[s] }));

export type Row = AttendanceMonth['rows'][number];
export type Day = AttendanceMonth['days'][number];
export interface Edit { status: AttendanceStatus; note?: string }
/** Unsaved changes, by `assignmentId|date`. */
export type Edits = Record<string, Edit>;

export const cellKey = (assignmentId: string, date: string) => `${assignmentId}|${date}`;

/** Is the day within the person's time on post (from..to)? */
export const onPost = (row: Pick<Row, 'from' | 'to'>, date: string) => date >= row.from && date <= row.to;

/**
 * Fills the blank days of every row with `status` (saved records and unsaved edits are kept):
 * `working` days (as the API counts 未填) or rest days and holidays, on post, up to `until` (today).
 * Returns the new edits and how many days were filled.
 */
export function fillBlanks(month: Pick<AttendanceMonth, 'days' | 'rows'>, edits: Edits, opts: { status: AttendanceStatus; working: boolean; until: string }): { edits: Edits; filled: number } {
  const next: Edits = { ...edits };
  let filled = 0;
  for (const row of month.rows) {
    for (const d of month.days) {
      if (d.workingDay !== opts.working || d.date > opts.until || !onPost(row, d.date)) continue;
      const key = cellKey(row.assignmentId, d.date);
      if (row.cells[d.date] || next[key]) continue;
      next[key] = { status: opts.status };
      filled++;
    }
  }
  return { edits: next, filled };
}

/** Edits that change something, as the PUT body's entries (a status equal to the saved one with the same note is left out). */
export function entriesOf(month: Pick<AttendanceMonth, 'rows'>, edits: Edits): AttendanceEntries['entries'] {
  const rows = new Map(month.rows.map((r) => [r.assignmentId, r]));
  return Object.entries(edits).flatMap(([key, e]) => {
    const [assignmentId = '', date = ''] = key.split('|');
    const saved = rows.get(assignmentId)?.cells[date];
    if (saved && saved.status === e.status && (saved.note ?? '') === (e.note ?? '')) return [];
    return [{ assignmentId, date, status: e.status, ...(e.note?.trim() ? { note: e.note.trim() } : {}) }];
  }).sort((a, b) => (a.assignmentId + a.date).localeCompare(b.assignmentId + b.date));
}

/** Working days on post up to `until` with neither a record nor an edit (what still blocks 确认). */
export function missingAfterEdits(month: Pick<AttendanceMonth, 'days' | 'rows'>, edits: Edits, until: string): number {
  let n = 0;
  for (const row of month.rows) {
    for (const d of month.days) {
      if (d.workingDay && d.date <= until && onPost(row, d.date) && !row.cells[d.date] && !edits[cellKey(row.assignmentId, d.date)]) n++;
    }
  }
  return n;
}

/** 「岗 18 · 假 2」: non-zero counts in the statuses' order. */
export function countsLine(counts: Record<string, number>): { status: AttendanceStatus; n: number }[] {
  return ATTENDANCE_STATUSES.filter((s) => (counts[s] ?? 0) > 0).map((s) => ({ status: s, n: counts[s]! }));
}

/** Where an API error on `entries.3.date` points: that entry's person and day. */
export function describeEntryError(month: Pick<AttendanceMonth, 'rows'>, entries: AttendanceEntries['entries'], field: string | undefined, message: string): string {
  const m = field ? /^entries\.(\d+)\./.exec(field) : null;
  const e = m ? entries[Number(m[1])] : undefined;
  if (!e) return message;
  const name = month.rows.find((r) => r.assignmentId === e.assignmentId)?.personName ?? '';
  return `${name} ${e.date.slice(5)}：${message}`;
}
