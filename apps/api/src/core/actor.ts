import type { Permission, Role } from '@duikou/contracts';
import type { Db } from '@duikou/db';
import type { FieldCipher } from './crypto.js';

/**
 * What a caller may see: everything, a region and everything below it (offices), or one unit and
 * the pairings it takes part in (hospitals and their staff).
 */
export type Scope =
  | { kind: 'all' }
  | { kind: 'region'; regionPath: string }
  | { kind: 'unit'; orgId: string; regionPath: string | null };

export interface Actor {
  userId: string;
  username: string;
  displayName: string;
  role: Role;
  orgId: string;
  orgName: string;
  orgKind: string;
  regionCode: string | null;
  regionName: string | null;
  regionPath: string | null;
  /** The dispatched person behind a staff or team-leader account. */
  personId: string | null;
  scope: Scope;
  permissions: ReadonlySet<Permission>;
}

export interface Clock { now(): Date }
export const systemClock: Clock = { now: () => new Date() };

/** Everything a service needs for one request. */
export interface RequestContext {
  db: Db;
  cipher: FieldCipher;
  actor: Actor;
  clock: Clock;
  ip: string | null;
}

const READ_UNIT: Permission[] = [
  'org:read', 'programme:read', 'pairing:read', 'region:read', 'home:read', 'calendar:read', 'policy:read', 'assignment:read', 'attendance:read', 'spotcheck:read',
  'results:read',
];
/** Dispatched staff: their own check-ins, leave, roll calls, teaching and guidance records and mentorships. */
const DISPATCHED: Permission[] = [...READ_UNIT, 'checkin:write', 'leave:request', 'activity:write', 'mentorship:write'];
const OFFICE: Permission[] = [
  'region:read', 'region:write', 'org:read', 'org:write', 'programme:read', 'programme:write', 'pairing:read', 'pairing:write', 'home:read',
  'calendar:read', 'policy:read', 'policy:write', 'person:read', 'person:write', 'person:reveal',
  'assignment:read', 'assignment:write', 'assignment:override',
  'attendance:read', 'leave:approve', 'spotcheck:read', 'spotcheck:write', 'sanction:write',
  'results:read', 'agreement:file', 'mentorship:write', 'appraisal:write', 'certificate:write',
  'dashboard:read', 'report:read',
];
/** The writes of issue 6 the administrator may make for maintenance; the appraisal chain still takes only its parties. */
const RESULTS_ADMIN: Permission[] = ['agreement:write', 'task:write', 'activity:write', 'visit:write', 'outcome:write'];

/** The permissions of each role (SPEC §1). Offices manage their area; units read theirs; the auditor reads the audit log only. */
export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  admin: [...OFFICE, 'audit:read', 'calendar:write', ...RESULTS_ADMIN],
  // Statutory reports: support units send the monthly one to the province, counties the quarterly one to the prefecture.
  province_office: [...OFFICE, 'report:review'],
  prefecture_office: [...OFFICE, 'report:review'],
  county_office: [...OFFICE.filter((p) => p !== 'region:write'), 'outcome:write', 'report:write'],
  support_unit: [
    ...READ_UNIT, 'person:read', 'person:write', 'person:reveal', 'assignment:write', 'spotcheck:write',
    'agreement:write', 'activity:write', 'mentorship:write', 'visit:write', 'certificate:write',
    'dashboard:read', 'report:read', 'report:write',
  ],
  recipient_unit: [
    ...READ_UNIT, 'person:read', 'attendance:write', 'leave:approve',
    'agreement:write', 'task:write', 'activity:write', 'mentorship:write', 'outcome:write', 'appraisal:write',
    'dashboard:read',
  ],
  team_leader: [...DISPATCHED, 'leave:approve'],
  staff: DISPATCHED,
  auditor: ['audit:read'],
};

export function scopeFor(role: Role, orgId: string, regionPath: string | null): Scope {
  if (role === 'admin') return { kind: 'all' };
  if (role === 'auditor' || role === 'province_office' || role === 'prefecture_office' || role === 'county_office') {
    return regionPath ? { kind: 'region', regionPath } : { kind: 'all' };
  }
  return { kind: 'unit', orgId, regionPath };
}

/** Whether a region path lies inside the caller's area (an office's region and below). */
export function regionInScope(scope: Scope, path: string | null | undefined): boolean {
  if (scope.kind === 'all') return true;
  if (!path) return false;
  if (scope.kind === 'region') return path.startsWith(scope.regionPath);
  return false;
}
