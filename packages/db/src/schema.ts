import { sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import {
  bigserial, boolean, date, doublePrecision, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid, varchar,
} from 'drizzle-orm/pg-core';

const timestamps = {
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  archivedAt: timestamp('archived_at', { withTimezone: true }),
};

/** GB/T 2260 regions; `path` ("530000/532300/532329/") makes "region and below" one indexed prefix match. */
export const regions = pgTable('regions', {
  code: varchar('code', { length: 12 }).primaryKey(),
  name: text('name').notNull(),
  level: text('level').notNull(),
  parentCode: varchar('parent_code', { length: 12 }).references((): AnyPgColumn => regions.code),
  path: text('path').notNull(),
  isLocalCode: boolean('is_local_code').notNull().default(false),
  ...timestamps,
}, (t) => [
  index('regions_path_idx').using('btree', sql`${t.path} text_pattern_ops`),
  index('regions_parent_idx').on(t.parentCode),
]);

export const organisations = pgTable('organisations', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  shortName: text('short_name'),
  kind: text('kind').notNull(),
  grade: text('grade').notNull().default('ungraded'),
  regionCode: varchar('region_code', { length: 12 }).references(() => regions.code),
  adminLevel: text('admin_level'),
  /** Geofence for check-in (recipient units): centre and radius in metres. */
  geoLat: doublePrecision('geo_lat'),
  geoLng: doublePrecision('geo_lng'),
  geoRadiusM: integer('geo_radius_m'),
  ...timestamps,
}, (t) => [
  uniqueIndex('organisations_name_uq').on(t.name),
  index('organisations_region_idx').on(t.regionCode),
]);

export const programmes = pgTable('programmes', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  ownerOrgId: uuid('owner_org_id').notNull().references(() => organisations.id),
  policyCode: text('policy_code').notNull(),
  /** The policy (CX, MY…) it runs under; each verdict uses the version of that policy in force on its date. */
  documentNo: text('document_no'),
  validFrom: date('valid_from', { mode: 'string' }),
  validTo: date('valid_to', { mode: 'string' }),
  description: text('description'),
  ...timestamps,
}, (t) => [index('programmes_owner_idx').on(t.ownerOrgId)]);

export const pairings = pgTable('pairings', {
  id: uuid('id').primaryKey().defaultRandom(),
  programmeId: uuid('programme_id').notNull().references(() => programmes.id),
  recipientOrgId: uuid('recipient_org_id').notNull().references(() => organisations.id),
  needs: jsonb('needs').$type<string[]>().notNull().default([]),
  minPersonsPerSupportUnitPerYear: integer('min_persons_per_support_unit_per_year'),
  validFrom: date('valid_from', { mode: 'string' }),
  validTo: date('valid_to', { mode: 'string' }),
  remarks: text('remarks'),
  ...timestamps,
}, (t) => [
  index('pairings_programme_idx').on(t.programmeId),
  index('pairings_recipient_idx').on(t.recipientOrgId),
]);

export const pairingSupportUnits = pgTable('pairing_support_units', {
  pairingId: uuid('pairing_id').notNull().references(() => pairings.id, { onDelete: 'cascade' }),
  orgId: uuid('org_id').notNull().references(() => organisations.id),
  position: integer('position').notNull().default(0),
}, (t) => [
  primaryKey({ columns: [t.pairingId, t.orgId] }),
  index('pairing_support_units_org_idx').on(t.orgId),
]);

export const users = pgTable('users', {
  id: uuid('id').primaryKey().defaultRandom(),
  username: text('username').notNull(),
  displayName: text('display_name').notNull(),
  passwordHash: text('password_hash').notNull(),
  role: text('role').notNull(),
  orgId: uuid('org_id').notNull().references(() => organisations.id),
  /** The dispatched person this account belongs to (staff, team leaders): their check-ins and leave. */
  personId: uuid('person_id').references((): AnyPgColumn => persons.id),
  failedLogins: integer('failed_logins').notNull().default(0),
  lockedUntil: timestamp('locked_until', { withTimezone: true }),
  passwordChangedAt: timestamp('password_changed_at', { withTimezone: true }),
  disabledAt: timestamp('disabled_at', { withTimezone: true }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [uniqueIndex('users_username_uq').on(t.username)]);

/** Server-side sessions: the cookie holds a random token, the table its SHA-256 only. */
export const sessions = pgTable('sessions', {
  tokenHash: text('token_hash').primaryKey(),
  userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
  ip: text('ip'),
  userAgent: text('user_agent'),
}, (t) => [index('sessions_user_idx').on(t.userId)]);

/** Append-only audit trail; `regionPath` is the scope of the record touched (null: platform-wide). */
export const auditEvents = pgTable('audit_events', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  actorUserId: uuid('actor_user_id'),
  actorUsername: text('actor_username'),
  action: text('action').notNull(),
  entityType: text('entity_type').notNull(),
  entityId: text('entity_id'),
  summary: text('summary'),
  regionPath: text('region_path'),
  before: jsonb('before'),
  after: jsonb('after'),
  ip: text('ip'),
}, (t) => [
  index('audit_events_at_idx').on(t.at),
  index('audit_events_entity_idx').on(t.entityType, t.entityId),
  index('audit_events_region_idx').using('btree', sql`${t.regionPath} text_pattern_ops`),
  // The last write that can change a dashboard's verdicts, and the caller's own last one (DECISIONS 24):
  // check-ins, sign-ins and notifications are left out, so the dashboard cache reads each in one probe.
  index('audit_events_verdict_writes_idx').on(t.id).where(sql`${t.entityType} not in ('check_in', 'session', 'notification', 'reminder_run')`),
  index('audit_events_verdict_writes_actor_idx').on(t.actorUserId, t.id).where(sql`${t.entityType} not in ('check_in', 'session', 'notification', 'reminder_run')`),
]);

/** Key/value facts about this installation (seed state). */
export const appMeta = pgTable('app_meta', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** Years whose official holiday arrangement (国务院办公厅 notice) is loaded; a year absent here has no calendar. */
export const calendarYears = pgTable('calendar_years', {
  year: integer('year').primaryKey(),
  source: text('source').notNull(),
  note: text('note'),
  loadedAt: timestamp('loaded_at', { withTimezone: true }).notNull().defaultNow(),
  loadedBy: text('loaded_by'),
});

/** Days that differ from the weekday/weekend default: public holidays and adjusted working days (调休上班). */
export const calendarDays = pgTable('calendar_days', {
  date: date('date', { mode: 'string' }).primaryKey(),
  year: integer('year').notNull().references(() => calendarYears.year, { onDelete: 'cascade' }),
  kind: text('kind').notNull(),
  name: text('name'),
}, (t) => [index('calendar_days_year_idx').on(t.year)]);

/**
 * Versions of a region's policy (the rules of its notice) as data. A published version is never
 * changed in place: offices clone it into a draft, edit, and publish with an effective date.
 */
export const policyVersions = pgTable('policy_versions', {
  id: uuid('id').primaryKey().defaultRandom(),
  code: text('code').notNull(),
  version: integer('version').notNull(),
  name: text('name').notNull(),
  status: text('status').notNull(),
  effectiveFrom: date('effective_from', { mode: 'string' }),
  document: jsonb('document').notNull(),
  ownerOrgId: uuid('owner_org_id').references(() => organisations.id),
  /** The area the version governs: offices there and above read it; no FK so a bare install can ship it before regions exist. */
  regionCode: text('region_code'),
  basedOnId: uuid('based_on_id'),
  createdBy: text('created_by'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  publishedAt: timestamp('published_at', { withTimezone: true }),
  publishedBy: text('published_by'),
}, (t) => [
  uniqueIndex('policy_versions_code_version_uq').on(t.code, t.version),
  index('policy_versions_owner_idx').on(t.ownerOrgId),
  index('policy_versions_region_idx').on(t.regionCode),
]);

/**
 * People who may be dispatched (MY attachment 2). ID numbers and phones are personal information:
 * stored encrypted (AES-256-GCM), with an HMAC blind index for uniqueness and a masked form for lists.
 */
export const persons = pgTable('persons', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  gender: text('gender').notNull(),
  birthMonth: text('birth_month').notNull(),
  ethnicity: text('ethnicity'),
  party: text('party'),
  education: text('education').notNull(),
  degree: text('degree'),
  workStartDate: date('work_start_date', { mode: 'string' }).notNull(),
  school: text('school'),
  graduationDate: date('graduation_date', { mode: 'string' }),
  employerOrgId: uuid('employer_org_id').notNull().references(() => organisations.id),
  post: text('post'),
  title: text('title'),
  titleLevel: text('title_level').notNull(),
  specialty: text('specialty'),
  specialtySince: date('specialty_since', { mode: 'string' }),
  idNumberCipher: text('id_number_cipher').notNull(),
  idNumberIndex: text('id_number_index').notNull(),
  idNumberMasked: text('id_number_masked').notNull(),
  mobileCipher: text('mobile_cipher').notNull(),
  mobileMasked: text('mobile_masked').notNull(),
  officePhoneCipher: text('office_phone_cipher'),
  officePhoneMasked: text('office_phone_masked'),
  qqWechat: text('qq_wechat'),
  resume: text('resume'),
  recommendedForLeadership: boolean('recommended_for_leadership').notNull().default(false),
  recommendedPost: text('recommended_post'),
  employerOpinion: text('employer_opinion'),
  ...timestamps,
}, (t) => [
  uniqueIndex('persons_id_number_uq').on(t.idNumberIndex),
  index('persons_employer_idx').on(t.employerOrgId),
]);

/**
 * One person sent under one pairing (SPEC §2 Assignment). Eligibility verdicts are kept as checked at
 * dispatch, with the office's override reason when it sent an ineligible person anyway.
 */
export const assignments = pgTable('assignments', {
  id: uuid('id').primaryKey().defaultRandom(),
  pairingId: uuid('pairing_id').notNull().references(() => pairings.id),
  personId: uuid('person_id').notNull().references(() => persons.id),
  supportOrgId: uuid('support_org_id').notNull().references(() => organisations.id),
  mode: text('mode').notNull(),
  department: text('department').notNull(),
  plannedStart: date('planned_start', { mode: 'string' }).notNull(),
  plannedEnd: date('planned_end', { mode: 'string' }).notNull(),
  actualStart: date('actual_start', { mode: 'string' }),
  actualEnd: date('actual_end', { mode: 'string' }),
  batch: text('batch'),
  role: text('role').notNull().default('member'),
  post: text('post'),
  insurer: text('insurer'),
  insurancePolicyNo: text('insurance_policy_no'),
  insuranceFrom: date('insurance_from', { mode: 'string' }),
  insuranceTo: date('insurance_to', { mode: 'string' }),
  safetyEducationDate: date('safety_education_date', { mode: 'string' }),
  status: text('status').notNull().default('planned'),
  statusReason: text('status_reason'),
  eligibility: jsonb('eligibility').notNull().default([]),
  overrideReason: text('override_reason'),
  overrideBy: text('override_by'),
  overrideAt: timestamp('override_at', { withTimezone: true }),
  replacesId: uuid('replaces_id').references((): AnyPgColumn => assignments.id),
  ...timestamps,
}, (t) => [
  index('assignments_pairing_idx').on(t.pairingId),
  index('assignments_person_idx').on(t.personId),
  index('assignments_support_idx').on(t.supportOrgId),
  index('assignments_period_idx').on(t.plannedStart, t.plannedEnd),
  uniqueIndex('assignments_replaces_uq').on(t.replacesId),
]);

/**
 * A tap of the check-in page. `clientId` is generated on the phone, so a retry or a queued
 * resend never counts twice; `at` is the phone's time, `receivedAt` the server's (late when queued).
 */
export const checkIns = pgTable('check_ins', {
  id: uuid('id').primaryKey().defaultRandom(),
  clientId: text('client_id').notNull(),
  assignmentId: uuid('assignment_id').notNull().references(() => assignments.id),
  personId: uuid('person_id').notNull().references(() => persons.id),
  kind: text('kind').notNull(),
  at: timestamp('at', { withTimezone: true }).notNull(),
  date: date('date', { mode: 'string' }).notNull(),
  receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
  lat: doublePrecision('lat'),
  lng: doublePrecision('lng'),
  accuracyM: doublePrecision('accuracy_m'),
  distanceM: doublePrecision('distance_m'),
  /** inside | outside (外勤) | unknown (no location or no fence). */
  fence: text('fence').notNull(),
  fieldReason: text('field_reason'),
  sentLate: boolean('sent_late').notNull().default(false),
  rollCallId: uuid('roll_call_id'),
}, (t) => [
  uniqueIndex('check_ins_client_uq').on(t.personId, t.clientId),
  index('check_ins_assignment_date_idx').on(t.assignmentId, t.date),
]);

/**
 * The on-site verdicts of an assignment as the engine judged them on `asOf`: the at-risk list reads
 * these instead of re-judging every assignment's whole attendance on each request (DECISIONS 21).
 * Triggers (migrations 0002, 0007) mark a row stale (`asOf` 1970-01-01, kept as the last known
 * verdict) when its assignment or attendance changes, and delete every row when a policy version or
 * the holiday calendar changes; a row of another day is not today's verdict. `token` marks a row
 * being computed: a change meanwhile gives it a new token, and the result is not stored.
 */
export const assignmentProgress = pgTable('assignment_progress', {
  assignmentId: uuid('assignment_id').primaryKey().references(() => assignments.id, { onDelete: 'cascade' }),
  asOf: date('as_of', { mode: 'string' }).notNull(),
  token: uuid('token').notNull(),
  /** Worst verdict status, or 'skipped' when the engine could not judge (progress holds the reason); null while computing. */
  status: text('status'),
  progress: jsonb('progress'),
  computedAt: timestamp('computed_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [index('assignment_progress_as_of_status_idx').on(t.asOf, t.status)]);

/** One assignment's status on one day; filled from check-ins, leave and the unit's edits. */
export const attendanceDays = pgTable('attendance_days', {
  assignmentId: uuid('assignment_id').notNull().references(() => assignments.id),
  date: date('date', { mode: 'string' }).notNull(),
  status: text('status').notNull(),
  source: text('source').notNull(),
  note: text('note'),
  updatedBy: text('updated_by'),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [
  primaryKey({ columns: [t.assignmentId, t.date] }),
  index('attendance_days_date_idx').on(t.date),
]);

/**
 * Attendance days per assignment and month, kept by a trigger on `attendance_days` (migration 0004):
 * the dashboard's 12-month trend reads 15,000 × 12 rows here instead of 4 million days (DECISIONS 22).
 */
export const attendanceMonthTotals = pgTable('attendance_month_totals', {
  assignmentId: uuid('assignment_id').notNull().references(() => assignments.id, { onDelete: 'cascade' }),
  /** First day of the month. */
  month: date('month', { mode: 'string' }).notNull(),
  /** Days on duty or on official business (on site, as the policies count them). */
  onSite: integer('on_site').notNull().default(0),
  leave: integer('leave').notNull().default(0),
}, (t) => [primaryKey({ columns: [t.assignmentId, t.month] }), index('attendance_month_totals_month_idx').on(t.month)]);

/** A recipient unit's confirmation of a month: it locks the month's attendance. */
export const attendanceMonths = pgTable('attendance_months', {
  recipientOrgId: uuid('recipient_org_id').notNull().references(() => organisations.id),
  month: text('month').notNull(),
  confirmedAt: timestamp('confirmed_at', { withTimezone: true }).notNull(),
  confirmedBy: text('confirmed_by').notNull(),
}, (t) => [primaryKey({ columns: [t.recipientOrgId, t.month] })]);

/** 考勤申诉: a correction of a locked day, approved or rejected by the recipient unit. */
export const attendanceAppeals = pgTable('attendance_appeals', {
  id: uuid('id').primaryKey().defaultRandom(),
  assignmentId: uuid('assignment_id').notNull().references(() => assignments.id),
  date: date('date', { mode: 'string' }).notNull(),
  requestedStatus: text('requested_status').notNull(),
  reason: text('reason').notNull(),
  status: text('status').notNull().default('pending'),
  requestedBy: text('requested_by').notNull(),
  decidedBy: text('decided_by'),
  decidedAt: timestamp('decided_at', { withTimezone: true }),
  decisionComment: text('decision_comment'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [index('attendance_appeals_assignment_idx').on(t.assignmentId)]);

/** 请假: the engine fixes the working days lost and the approvals and filings owed at submission. */
export const leaveRequests = pgTable('leave_requests', {
  id: uuid('id').primaryKey().defaultRandom(),
  assignmentId: uuid('assignment_id').notNull().references(() => assignments.id),
  startDate: date('start_date', { mode: 'string' }).notNull(),
  endDate: date('end_date', { mode: 'string' }).notNull(),
  kind: text('kind').notNull(),
  reason: text('reason').notNull(),
  emergencyRecall: boolean('emergency_recall').notNull().default(false),
  workingDays: integer('working_days').notNull(),
  /** Approval steps in order: [{ party, label }]. */
  approvalsRequired: jsonb('approvals_required').notNull().default([]),
  filingsRequired: jsonb('filings_required').notNull().default([]),
  status: text('status').notNull().default('pending'),
  attachmentName: text('attachment_name'),
  attachmentType: text('attachment_type'),
  attachment: text('attachment_base64'),
  returnedOn: date('returned_on', { mode: 'string' }),
  requestedBy: text('requested_by').notNull(),
  ...timestamps,
}, (t) => [
  index('leave_requests_assignment_idx').on(t.assignmentId),
  index('leave_requests_status_idx').on(t.status),
]);

export const leaveDecisions = pgTable('leave_decisions', {
  id: uuid('id').primaryKey().defaultRandom(),
  leaveId: uuid('leave_id').notNull().references(() => leaveRequests.id, { onDelete: 'cascade' }),
  party: text('party').notNull(),
  decision: text('decision').notNull(),
  comment: text('comment'),
  decidedBy: text('decided_by').notNull(),
  decidedAt: timestamp('decided_at', { withTimezone: true }).notNull(),
}, (t) => [uniqueIndex('leave_decisions_step_uq').on(t.leaveId, t.party)]);

/** 外出报备: trips on rest days and holidays, told to the team leader and the recipient unit. */
export const tripReports = pgTable('trip_reports', {
  id: uuid('id').primaryKey().defaultRandom(),
  assignmentId: uuid('assignment_id').notNull().references(() => assignments.id),
  startDate: date('start_date', { mode: 'string' }).notNull(),
  endDate: date('end_date', { mode: 'string' }).notNull(),
  destination: text('destination').notNull(),
  reason: text('reason'),
  reportedBy: text('reported_by').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [index('trip_reports_assignment_idx').on(t.assignmentId)]);

/**
 * 抽查/点名 by an office or a support unit. A random sample is drawn with a recorded seed so anyone
 * can re-draw it; a roll call asks the sampled staff to answer from the check-in page by `deadline`.
 */
export const spotChecks = pgTable('spot_checks', {
  id: uuid('id').primaryKey().defaultRandom(),
  byOrgId: uuid('by_org_id').notNull().references(() => organisations.id),
  regionPath: text('region_path'),
  method: text('method').notNull(),
  date: date('date', { mode: 'string' }).notNull(),
  seed: text('seed'),
  sampleSize: integer('sample_size'),
  /** The filter the sample was drawn from (programme, units, date), to re-draw it. */
  population: jsonb('population').notNull().default({}),
  rollCallDeadline: timestamp('roll_call_deadline', { withTimezone: true }),
  createdBy: text('created_by').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [index('spot_checks_date_idx').on(t.date)]);

export const spotCheckResults = pgTable('spot_check_results', {
  spotCheckId: uuid('spot_check_id').notNull().references(() => spotChecks.id, { onDelete: 'cascade' }),
  assignmentId: uuid('assignment_id').notNull().references(() => assignments.id),
  personId: uuid('person_id').notNull().references(() => persons.id),
  /** pending (roll call not yet answered) | present | absent | on_leave. */
  result: text('result').notNull().default('pending'),
  reason: text('reason'),
  evidence: text('evidence'),
  reviewed: boolean('reviewed').notNull().default(false),
  answeredAt: timestamp('answered_at', { withTimezone: true }),
  recordedBy: text('recorded_by'),
}, (t) => [
  primaryKey({ columns: [t.spotCheckId, t.assignmentId] }),
  index('spot_check_results_person_idx').on(t.personId),
]);

/** 通报 and 约谈 against units and persons, with documents. */
export const sanctions = pgTable('sanctions', {
  id: uuid('id').primaryKey().defaultRandom(),
  kind: text('kind').notNull(),
  date: date('date', { mode: 'string' }).notNull(),
  byOrgId: uuid('by_org_id').notNull().references(() => organisations.id),
  orgIds: jsonb('org_ids').$type<string[]>().notNull().default([]),
  personIds: jsonb('person_ids').$type<string[]>().notNull().default([]),
  spotCheckId: uuid('spot_check_id').references(() => spotChecks.id),
  summary: text('summary').notNull(),
  documentName: text('document_name'),
  documentType: text('document_type'),
  document: text('document_base64'),
  regionPath: text('region_path'),
  createdBy: text('created_by').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [index('sanctions_date_idx').on(t.date)]);

// ── What the assistance achieves (issue 6) ────────────────────────────────────

/**
 * 年度帮扶协议 / 目标责任书: one per support unit, recipient (pairing) and year, drafted by either side,
 * signed by both and filed with the office. Content lists are JSON: they are read and printed whole.
 */
export const agreements = pgTable('agreements', {
  id: uuid('id').primaryKey().defaultRandom(),
  pairingId: uuid('pairing_id').notNull().references(() => pairings.id),
  supportOrgId: uuid('support_org_id').notNull().references(() => organisations.id),
  year: integer('year').notNull(),
  departments: jsonb('departments').$type<string[]>().notNull().default([]),
  technologies: jsonb('technologies').$type<{ name: string; target: string | null }[]>().notNull().default([]),
  traineeTarget: integer('trainee_target'),
  trainees: jsonb('trainees').$type<{ name: string; department: string | null }[]>().notNull().default([]),
  capabilityTargets: jsonb('capability_targets').$type<{ item: string; target: string | null }[]>().notNull().default([]),
  content: text('content'),
  draftedBy: text('drafted_by').notNull(),
  supportSignedOn: date('support_signed_on', { mode: 'string' }),
  supportSignedBy: text('support_signed_by'),
  recipientSignedOn: date('recipient_signed_on', { mode: 'string' }),
  recipientSignedBy: text('recipient_signed_by'),
  filedOn: date('filed_on', { mode: 'string' }),
  filedBy: text('filed_by'),
  filedCopies: integer('filed_copies'),
  createdBy: text('created_by').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [
  uniqueIndex('agreements_pairing_support_year_uq').on(t.pairingId, t.supportOrgId, t.year),
  index('agreements_year_idx').on(t.year),
  index('agreements_support_idx').on(t.supportOrgId),
]);

/** 年度任务 the recipient sets for one dispatched person. */
export const annualTasks = pgTable('annual_tasks', {
  id: uuid('id').primaryKey().defaultRandom(),
  assignmentId: uuid('assignment_id').notNull().references(() => assignments.id),
  year: integer('year').notNull(),
  title: text('title').notNull(),
  description: text('description'),
  target: text('target'),
  createdBy: text('created_by').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [index('annual_tasks_assignment_year_idx').on(t.assignmentId, t.year)]);

/** 季度进展: the recipient's feedback on one person's quarter to the support unit; `submittedOn` is the server's date. */
export const quarterlyReports = pgTable('quarterly_reports', {
  id: uuid('id').primaryKey().defaultRandom(),
  assignmentId: uuid('assignment_id').notNull().references(() => assignments.id),
  quarter: text('quarter').notNull(),
  summary: text('summary').notNull(),
  taskProgress: jsonb('task_progress').$type<{ taskId: string; status: string; progress: string | null }[]>().notNull().default([]),
  submittedOn: date('submitted_on', { mode: 'string' }).notNull(),
  submittedBy: text('submitted_by').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [
  uniqueIndex('quarterly_reports_assignment_quarter_uq').on(t.assignmentId, t.quarter),
  index('quarterly_reports_submitted_idx').on(t.submittedOn),
]);

/** 带教/指导记录: on-site teaching and off-site remote guidance of one dispatched person. */
export const activities = pgTable('activities', {
  id: uuid('id').primaryKey().defaultRandom(),
  assignmentId: uuid('assignment_id').notNull().references(() => assignments.id),
  kind: text('kind').notNull(),
  /** on_site | off_site, fixed by the kind; kept for filtering. */
  setting: text('setting').notNull(),
  channel: text('channel'),
  date: date('date', { mode: 'string' }).notNull(),
  participants: jsonb('participants').$type<string[]>().notNull().default([]),
  participantCount: integer('participant_count').notNull(),
  content: text('content').notNull(),
  recordedBy: text('recorded_by').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [
  index('activities_assignment_date_idx').on(t.assignmentId, t.date),
  index('activities_date_idx').on(t.date),
  index('activities_kind_idx').on(t.kind),
]);

export const activityAttachments = pgTable('activity_attachments', {
  id: uuid('id').primaryKey().defaultRandom(),
  activityId: uuid('activity_id').notNull().references(() => activities.id, { onDelete: 'cascade' }),
  name: text('name').notNull(),
  type: text('type').notNull(),
  size: integer('size').notNull(),
  content: text('content_base64').notNull(),
}, (t) => [index('activity_attachments_activity_idx').on(t.activityId)]);

/** 师带徒协议 of one support person (assignment) for one year. */
export const mentorships = pgTable('mentorships', {
  id: uuid('id').primaryKey().defaultRandom(),
  assignmentId: uuid('assignment_id').notNull().references(() => assignments.id),
  year: integer('year').notNull(),
  signedOn: date('signed_on', { mode: 'string' }),
  plan: text('plan'),
  createdBy: text('created_by').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [
  uniqueIndex('mentorships_assignment_year_uq').on(t.assignmentId, t.year),
  index('mentorships_year_idx').on(t.year),
]);

/** 跟学人员: an apprentice of the recipient under a mentorship agreement, with assessment and certificate. */
export const mentorshipApprentices = pgTable('mentorship_apprentices', {
  id: uuid('id').primaryKey().defaultRandom(),
  mentorshipId: uuid('mentorship_id').notNull().references(() => mentorships.id, { onDelete: 'cascade' }),
  name: text('name').notNull(),
  specialtyTitle: text('specialty_title').notNull(),
  department: text('department'),
  learningSpecialty: text('learning_specialty').notNull(),
  learningGoal: text('learning_goal').notNull(),
  position: integer('position').notNull().default(0),
  assessmentResult: text('assessment_result'),
  assessedOn: date('assessed_on', { mode: 'string' }),
  assessmentComments: text('assessment_comments'),
  assessedBy: text('assessed_by'),
  certificateNo: text('certificate_no'),
  certificateIssuedOn: date('certificate_issued_on', { mode: 'string' }),
}, (t) => [
  index('mentorship_apprentices_mentorship_idx').on(t.mentorshipId),
  uniqueIndex('mentorship_apprentices_certificate_uq').on(t.certificateNo),
]);

/** 受援单位主要科室（专业）: what the apprentices must cover within three years (MY 二（三）). */
export const recipientDepartments = pgTable('recipient_departments', {
  orgId: uuid('org_id').primaryKey().references(() => organisations.id),
  departments: jsonb('departments').$type<string[]>().notNull().default([]),
  updatedBy: text('updated_by').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** 院领导带队赴受援医院指导、座谈、交流. */
export const leadershipVisits = pgTable('leadership_visits', {
  id: uuid('id').primaryKey().defaultRandom(),
  pairingId: uuid('pairing_id').notNull().references(() => pairings.id),
  supportOrgId: uuid('support_org_id').notNull().references(() => organisations.id),
  date: date('date', { mode: 'string' }).notNull(),
  leaderName: text('leader_name').notNull(),
  leaderPost: text('leader_post'),
  ledByLeadership: boolean('led_by_leadership').notNull(),
  participants: text('participants'),
  content: text('content').notNull(),
  recordedBy: text('recorded_by').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [
  index('leadership_visits_pairing_date_idx').on(t.pairingId, t.date),
  index('leadership_visits_support_idx').on(t.supportOrgId),
  index('leadership_visits_date_idx').on(t.date),
]);

/** 成效指标 of a recipient for a year (2019) or quarter (2019-Q3). */
export const outcomeRecords = pgTable('outcome_records', {
  id: uuid('id').primaryKey().defaultRandom(),
  recipientOrgId: uuid('recipient_org_id').notNull().references(() => organisations.id),
  period: text('period').notNull(),
  technologiesIntroduced: integer('technologies_introduced'),
  personsTrained: integer('persons_trained'),
  referralsUp: integer('referrals_up'),
  referralsDown: integer('referrals_down'),
  inCountyTreatmentRate: doublePrecision('in_county_treatment_rate'),
  capabilityItemsMet: integer('capability_items_met'),
  capabilityItemsTotal: integer('capability_items_total'),
  note: text('note'),
  enteredBy: text('entered_by').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [uniqueIndex('outcome_records_recipient_period_uq').on(t.recipientOrgId, t.period)]);

/**
 * 年度鉴定 of one help year of an assignment. `chain` is the policy's appraisal chain when it was
 * started; `stage` the index of the party awaited (chain length once filed).
 */
export const appraisals = pgTable('appraisals', {
  id: uuid('id').primaryKey().defaultRandom(),
  assignmentId: uuid('assignment_id').notNull().references(() => assignments.id),
  periodFrom: date('period_from', { mode: 'string' }).notNull(),
  periodTo: date('period_to', { mode: 'string' }).notNull(),
  year: integer('year').notNull(),
  chain: jsonb('chain').$type<string[]>().notNull(),
  stage: integer('stage').notNull().default(0),
  grade: text('grade'),
  comments: text('comments'),
  /** The record figures as the recipient saw them when it submitted. */
  prefill: jsonb('prefill'),
  completedOn: date('completed_on', { mode: 'string' }),
  createdBy: text('created_by').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [
  uniqueIndex('appraisals_assignment_period_uq').on(t.assignmentId, t.periodFrom),
  index('appraisals_year_idx').on(t.year),
  index('appraisals_stage_idx').on(t.stage),
]);

/** Each act on an appraisal: submit, approve (opinion, review, filing) or send back for correction. */
export const appraisalSteps = pgTable('appraisal_steps', {
  /** A serial id: the steps' order, even within the same instant. */
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  appraisalId: uuid('appraisal_id').notNull().references(() => appraisals.id, { onDelete: 'cascade' }),
  party: text('party').notNull(),
  action: text('action').notNull(),
  comment: text('comment'),
  actedBy: text('acted_by').notNull(),
  actedAt: timestamp('acted_at', { withTimezone: true }).notNull(),
}, (t) => [index('appraisal_steps_appraisal_idx').on(t.appraisalId)]);

/** 职称晋升经历证明: a numbered certificate of a completed assignment; `snapshot` is what it prints. */
export const serviceCertificates = pgTable('service_certificates', {
  id: uuid('id').primaryKey().defaultRandom(),
  number: text('number').notNull(),
  assignmentId: uuid('assignment_id').notNull().references(() => assignments.id),
  issuedOn: date('issued_on', { mode: 'string' }).notNull(),
  issuerOrgId: uuid('issuer_org_id').notNull().references(() => organisations.id),
  issuedBy: text('issued_by').notNull(),
  snapshot: jsonb('snapshot').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [
  uniqueIndex('service_certificates_number_uq').on(t.number),
  uniqueIndex('service_certificates_assignment_uq').on(t.assignmentId),
]);

/** Running numbers of printed documents per kind and year (certificates). */
export const documentNumbers = pgTable('document_numbers', {
  kind: text('kind').notNull(),
  year: integer('year').notNull(),
  last: integer('last').notNull(),
}, (t) => [primaryKey({ columns: [t.kind, t.year] })]);

// ——— Oversight (issue 7): statutory reports, notifications ———

/**
 * 统计报表: the monthly statistics a support unit sends the provincial office (due the 5th) and the
 * quarterly statistics a county office sends the prefecture office (due 5 Jan/Apr/Jul/Oct), generated
 * from the records of the period. `figures` is what was generated (and, once submitted, what was sent);
 * the due date is the engine's, moved past holidays.
 */
export const statutoryReports = pgTable('statutory_reports', {
  id: uuid('id').primaryKey().defaultRandom(),
  /** monthly | quarterly */
  kind: text('kind').notNull(),
  /** 2026-10 (monthly) or 2026-Q3 (quarterly). */
  period: text('period').notNull(),
  submitterOrgId: uuid('submitter_org_id').notNull().references(() => organisations.id),
  receiverOrgId: uuid('receiver_org_id').notNull().references(() => organisations.id),
  /** The submitter's region path, for the receiver's scope. */
  regionPath: text('region_path'),
  dueDate: date('due_date', { mode: 'string' }).notNull(),
  /** draft | submitted | sent_back | accepted */
  status: text('status').notNull().default('draft'),
  figures: jsonb('figures').notNull(),
  note: text('note'),
  generatedAt: timestamp('generated_at', { withTimezone: true }).notNull(),
  submittedAt: timestamp('submitted_at', { withTimezone: true }),
  submittedBy: text('submitted_by'),
  decidedAt: timestamp('decided_at', { withTimezone: true }),
  decidedBy: text('decided_by'),
  sendBackReason: text('send_back_reason'),
  ...timestamps,
}, (t) => [
  uniqueIndex('statutory_reports_uq').on(t.kind, t.period, t.submitterOrgId),
  index('statutory_reports_receiver_idx').on(t.receiverOrgId, t.kind, t.period),
]);

/**
 * 消息中心: one in-app notification for one user. `dedupeKey` makes a reminder fire once: the
 * reminder job inserts with ON CONFLICT DO NOTHING on (user, key).
 */
export const notifications = pgTable('notifications', {
  id: uuid('id').primaryKey().defaultRandom(),
  userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
  /** due_date | approval | roll_call | consequence | report */
  kind: text('kind').notNull(),
  title: text('title').notNull(),
  body: text('body'),
  /** Where the web app takes the user to act (a path of the app). */
  link: text('link'),
  dedupeKey: text('dedupe_key').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  readAt: timestamp('read_at', { withTimezone: true }),
}, (t) => [
  uniqueIndex('notifications_user_key_uq').on(t.userId, t.dedupeKey),
  index('notifications_user_unread_idx').on(t.userId, t.readAt, t.createdAt),
]);

/** What each outbound channel (SMS / WeChat / DingTalk / e-mail via webhook, or the log in development) did with a notification. */
export const notificationDeliveries = pgTable('notification_deliveries', {
  id: uuid('id').primaryKey().defaultRandom(),
  notificationId: uuid('notification_id').notNull().references(() => notifications.id, { onDelete: 'cascade' }),
  channel: text('channel').notNull(),
  /** sent | failed */
  status: text('status').notNull(),
  attempts: integer('attempts').notNull().default(1),
  lastError: text('last_error'),
  at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [index('notification_deliveries_notification_idx').on(t.notificationId)]);
