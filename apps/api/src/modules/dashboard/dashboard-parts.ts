/**
 * The parts a dashboard is computed from, and which writes can change each (DECISIONS 26). A write is
 * known by its audit line's entity type: when the caller's own write comes in, only the parts its kind
 * (and the kinds of the others' writes since) can change are recomputed; the others are kept. A kind
 * this map does not know changes every part, so a new kind of write is never missed, only slower.
 */
export const DASHBOARD_PARTS = ['onSite', 'period', 'pendingLeave', 'staffing', 'consequences', 'agreements', 'visits', 'quarterly', 'calendar'] as const;
export type DashboardPart = (typeof DASHBOARD_PARTS)[number];

/** Writes to what every part reads: who is dispatched where, under which policy, on which calendar, named how. */
const EVERY_PART = new Set(['assignment', 'pairing', 'organisation', 'region', 'programme', 'policy', 'person', 'calendar']);

/** Writes no part reads (results, reports, accounts): the dashboard shows none of them. */
const NO_PART = new Set([
  'check_in', 'session', 'notification', 'reminder_run', 'user', 'mentorship', 'activity', 'appraisal', 'outcome', 'statutory_report', 'certificate',
  'recipient_departments',
]);

/** The parts each other kind of write can change. */
const PARTS_OF: Record<string, readonly DashboardPart[]> = {
  // Attendance days: entered by the unit, corrected on appeal, filled by approved leave and reported trips.
  attendance: ['onSite', 'period'],
  attendance_appeal: ['onSite', 'period'],
  trip: ['onSite', 'period'],
  leave: ['onSite', 'period', 'pendingLeave'],
  // Spot checks: their consequences, and the absences of the trend.
  spot_check: ['consequences', 'period'],
  sanction: ['consequences'],
  agreement: ['agreements'],
  leadership_visit: ['visits'],
  annual_task: ['quarterly'],
  quarterly_report: ['quarterly'],
};

/** The parts the writes of these kinds can change: 'all', or a set (empty when none). */
export function partsChangedBy(entityTypes: Iterable<string>): 'all' | Set<DashboardPart> {
  const parts = new Set<DashboardPart>();
  for (const type of entityTypes) {
    if (NO_PART.has(type)) continue;
    const some = PARTS_OF[type];
    if (EVERY_PART.has(type) || !some) return 'all';
    for (const p of some) parts.add(p);
  }
  return parts.size === DASHBOARD_PARTS.length ? 'all' : parts;
}
