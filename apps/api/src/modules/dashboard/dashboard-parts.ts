import type { WrittenEntity } from './dashboard-cache.js';

/**
 * The parts a dashboard is computed from, and which writes can change each (DECISIONS 26, 31). A write
 * is known by its audit line's entity type: when the caller's own write comes in, only the parts its
 * kind (and the kinds of the others' writes since) can change are recomputed; the others are kept. A
 * kind this map does not know changes every part, so a new kind of write is never missed, only slower.
 * The parts judged item by item recompute only the items a write names, where its kind can be traced.
 */
export const DASHBOARD_PARTS = ['onSite', 'period', 'pendingLeave', 'staffing', 'consequences', 'agreements', 'visits', 'quarterly', 'calendar'] as const;
export type DashboardPart = (typeof DASHBOARD_PARTS)[number];

/** Writes to what every part reads: the units, the area, the programme and its policy, the calendar. */
const EVERY_PART = new Set(['organisation', 'region', 'programme', 'policy', 'calendar']);

/** Writes no part reads (results, reports, accounts): the dashboard shows none of them. */
const NO_PART = new Set([
  'check_in', 'session', 'notification', 'reminder_run', 'user', 'mentorship', 'activity', 'appraisal', 'outcome', 'statutory_report', 'certificate',
  'recipient_departments',
]);

/** The parts each other kind of write can change. */
const PARTS_OF: Record<string, readonly DashboardPart[]> = {
  // A pairing's units and term (its programme never changes): every part but the calendar.
  pairing: ['onSite', 'period', 'pendingLeave', 'staffing', 'consequences', 'agreements', 'visits', 'quarterly'],
  // An assignment's dates and status: everything judged of persons; not the pairings' agreements and visits, nor the calendar.
  assignment: ['onSite', 'period', 'pendingLeave', 'staffing', 'consequences', 'quarterly'],
  // A person's name and title: the lists that name or count persons; not the attendance counted.
  person: ['onSite', 'pendingLeave', 'staffing', 'consequences', 'quarterly'],
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

/** Parts judged item by item, and the kinds of write whose named entity tells which items (dashboard.repository `traceWrites`). */
const TRACEABLE: Partial<Record<DashboardPart, ReadonlySet<string>>> = {
  // The assignments named are judged today; the others count with their last verdict until the refresh (DECISIONS 34).
  onSite: new Set(['assignment', 'pairing', 'leave']),
  staffing: new Set(['assignment', 'pairing']), // its pairing unit; a pairing's rows, before and after
  consequences: new Set(['assignment', 'spot_check', 'pairing']), // the persons checked or under the pairing, and the checking unit's self-checks
  quarterly: new Set(['assignment', 'pairing']), // the assignment, or the pairing's assignments
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * What to recompute after these writes: 'all', or each part changed, whole or (an item part whose
 * writes all name an entity of a traceable kind) for the writes that name its items.
 */
export function planRecompute(writes: readonly WrittenEntity[]): 'all' | Map<DashboardPart, 'whole' | WrittenEntity[]> {
  const changed = partsChangedBy(writes.map((w) => w.kind));
  if (changed === 'all') return 'all';
  const plan = new Map<DashboardPart, 'whole' | WrittenEntity[]>();
  for (const part of changed) {
    const traceable = TRACEABLE[part];
    const its = writes.filter((w) => PARTS_OF[w.kind]?.includes(part));
    plan.set(part, traceable && its.every((w) => traceable.has(w.kind) && w.id !== null && UUID.test(w.id)) ? its : 'whole');
  }
  return plan;
}
