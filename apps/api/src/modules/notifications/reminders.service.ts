import { inArray } from 'drizzle-orm';
import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import { ROLES, type Role, type ReminderRun } from '@duikou/contracts';
import { assignments, type Db, type DbOrTx } from '@duikou/db';
import type { Party } from '@duikou/policy';
import { ROLE_PERMISSIONS, type Actor, type Clock, type RequestContext } from '../../core/actor.js';
import { recordAudit } from '../../core/audit.js';
import type { FieldCipher } from '../../core/crypto.js';
import { loadCalendar } from '../calendar/calendar.service.js';
import { chinaToday } from '../policies/policies.service.js';
import { beijingTime, computeConsequences } from '../spot-checks/spot-checks.service.js';
import { computeDeadlines, type ProgrammeDeadline } from './deadlines.service.js';
import * as repo from './notifications.repository.js';
import { createOutboundChannel, type OutboundChannel, type OutboundMessage } from './outbound-channel.js';

/** Due dates this many days ahead are reminded of unless the configuration says otherwise (DUIKOU_REMINDER_LEAD_DAYS). */
export const DEFAULT_LEAD_DAYS = 7;
/** Tries per outbound message before the delivery is recorded as failed. */
export const DELIVERY_ATTEMPTS = 3;

export interface ReminderDeps {
  db: Db;
  clock: Clock;
  cipher: FieldCipher;
  log: Pick<FastifyBaseLogger, 'info' | 'warn' | 'error'>;
  channel: OutboundChannel | null;
  leadDays: number;
  /** Pause between delivery attempts (ms × attempt); tests set 0. */
  retryDelayMs?: number;
}

const addDays = (date: string, n: number): string => new Date(Date.parse(`${date}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/** Where the web app takes the user to act on each kind of due date. */
const DUE_LINKS: Record<ProgrammeDeadline['kind'], string> = {
  monthly: '/statutory-reports', quarterly: '/statutory-reports', progress: '/tasks', programme: '/deadlines',
};

/** The account role that acts for a party of the notices. */
const ROLE_OF_PARTY: Partial<Record<Party, Role>> = {
  support_unit: 'support_unit', recipient_unit: 'recipient_unit', recipient_director: 'recipient_unit', county_office: 'county_office',
  prefecture_office: 'prefecture_office', prefecture_project_office: 'prefecture_office', provincial_office: 'province_office',
  provincial_project_office: 'province_office', team_leader: 'team_leader',
};

/** A reader of everything, for the services the job reuses (it writes nothing in its name). */
function systemContext(db: DbOrTx, clock: Clock, cipher: FieldCipher): RequestContext {
  const actor: Actor = {
    userId: '00000000-0000-0000-0000-000000000000', username: 'system', displayName: '提醒任务', role: 'admin', orgId: '00000000-0000-0000-0000-000000000000',
    orgName: '系统', orgKind: 'health_office', regionCode: null, regionName: null, regionPath: null, personId: null, scope: { kind: 'all' },
    permissions: new Set(ROLE_PERMISSIONS.admin),
  };
  return { db: db as Db, cipher, actor, clock, ip: null };
}

class Recipients {
  private readonly byOrgRole = new Map<string, repo.ReminderUser[]>();
  private readonly byPerson = new Map<string, repo.ReminderUser[]>();
  readonly byId = new Map<string, repo.ReminderUser>();
  private readonly offices: repo.ReminderUser[] = [];

  constructor(users: readonly repo.ReminderUser[]) {
    for (const u of users) {
      if (!(ROLES as readonly string[]).includes(u.role)) continue;
      this.byId.set(u.id, u);
      const k = `${u.orgId}|${u.role}`;
      this.byOrgRole.set(k, [...(this.byOrgRole.get(k) ?? []), u]);
      if (u.personId) this.byPerson.set(u.personId, [...(this.byPerson.get(u.personId) ?? []), u]);
      if (u.role.endsWith('_office') && u.regionPath) this.offices.push(u);
    }
  }

  ofOrg(orgId: string, role: Role): repo.ReminderUser[] { return this.byOrgRole.get(`${orgId}|${role}`) ?? []; }
  ofPerson(personId: string): repo.ReminderUser[] { return this.byPerson.get(personId) ?? []; }
  /** Office accounts of a role whose area holds any of these region paths. */
  officesOver(role: Role, paths: readonly (string | null)[]): repo.ReminderUser[] {
    return this.offices.filter((u) => u.role === role && paths.some((p) => !!p && p.startsWith(u.regionPath!)));
  }
}

type Candidate = Omit<repo.NewNotification, 'createdAt'>;

/** Who must act on a due date: the reporting party's accounts among the programme's parties, minus those who already sent it. */
async function dueDateReminders(db: DbOrTx, who: Recipients, today: string, horizon: string, warnings: string[]): Promise<Candidate[]> {
  const programmes = await repo.listProgrammesMeeting(db, today, horizon);
  if (programmes.length === 0) return [];
  const calendar = await loadCalendar(db as Db);
  // A nominal date up to a fortnight back may have moved into the window (a long holiday).
  const computed = await computeDeadlines(db, calendar, programmes, addDays(today, -15), horizon);
  warnings.push(...computed.warnings);
  const due = computed.items.filter((d) => d.due >= today && d.due <= horizon);
  if (due.length === 0) return [];
  const ids = [...new Set(due.map((d) => d.programme.id))];
  // One statement at a time: a transaction holds one connection.
  const parties = await repo.listProgrammeParties(db, ids, today);
  const sent = await repo.listSentReports(db, [...new Set(due.filter((d) => d.kind === 'monthly' || d.kind === 'quarterly').map((d) => d.period))]);
  const sentKey = new Set(sent.map((s) => `${s.kind}|${s.period}|${s.orgId}`));
  const out: Candidate[] = [];
  for (const d of due) {
    const supportOrgs = parties.support.filter((s) => s.programmeId === d.programme.id).map((s) => s.orgId);
    const recipients = parties.recipients.filter((r) => r.programmeId === d.programme.id);
    let users: repo.ReminderUser[];
    if (d.kind === 'progress') {
      const { from, to } = quarterRange(d.period);
      const owing = await repo.listRecipientsOwingProgress(db, [d.programme.id], d.period, from, to);
      users = owing.flatMap((o) => who.ofOrg(o.orgId, 'recipient_unit'));
    } else if (d.reporter === null || d.reporter === 'support_unit') {
      // 到岗 has no reporting party: the support units send the staff.
      users = supportOrgs.flatMap((o) => who.ofOrg(o, 'support_unit'));
    } else if (d.reporter === 'recipient_unit' || d.reporter === 'recipient_director') {
      users = recipients.flatMap((r) => who.ofOrg(r.orgId, 'recipient_unit'));
    } else {
      const role = ROLE_OF_PARTY[d.reporter];
      users = role ? who.officesOver(role, recipients.map((r) => r.regionPath)) : [];
    }
    const moved = d.postponed ? `（原定 ${d.nominal}，节假日顺延）` : '';
    for (const u of new Map(users.map((x) => [x.id, x])).values()) {
      if ((d.kind === 'monthly' || d.kind === 'quarterly') && sentKey.has(`${d.kind}|${d.period}|${u.orgId}`)) continue;
      out.push({
        userId: u.id, kind: 'due_date',
        title: `${d.label}将于 ${d.due} 截止${moved}`,
        body: `${d.programme.name}：${d.label}${d.recipient ? `，报送${partyName(d.recipient)}` : ''}；依据 ${d.citation}。`,
        link: DUE_LINKS[d.kind],
        // Recurring reports are one per reporter and period whichever programme asks; one-off deadlines belong to their programme.
        dedupeKey: d.kind === 'programme' ? `due:programme:${d.programme.id}:${d.period}:${d.nominal}` : `due:${d.kind}:${d.period}`,
      });
    }
  }
  return out;
}

const quarterRange = (quarter: string) => {
  const [y, q] = [Number(quarter.slice(0, 4)), Number(quarter.slice(6))];
  const end = new Date(Date.UTC(y, q * 3, 0)).toISOString().slice(0, 10);
  return { from: `${y}-${String(q * 3 - 2).padStart(2, '0')}-01`, to: end };
};

const PARTY_NAMES: Partial<Record<Party, string>> = {
  support_unit: '支援单位', recipient_unit: '受援单位', county_office: '县市区卫生健康局', prefecture_office: '州（市）卫生健康委',
  prefecture_project_office: '州（市）级项目管理办公室', provincial_office: '省卫生健康委', provincial_project_office: '省级项目管理办公室',
};
const partyName = (p: Party): string => PARTY_NAMES[p] ?? p;

/** Leave waiting on a step: the accounts that decide that step (as the leave module decides who may). */
async function approvalReminders(db: DbOrTx, who: Recipients): Promise<Candidate[]> {
  const { rows, decisions } = await repo.listPendingLeave(db);
  const out: Candidate[] = [];
  for (const l of rows) {
    const decided = new Set(decisions.filter((d) => d.leaveId === l.id).map((d) => d.party));
    const step = (l.steps as { party: string; label: string }[]).find((s) => !decided.has(s.party));
    if (!step) continue;
    let users: repo.ReminderUser[] = [];
    if (step.party === 'recipient_director') users = who.ofOrg(l.recipientOrgId, 'recipient_unit');
    else if (step.party === 'team_leader') users = who.ofOrg(l.supportOrgId, 'team_leader');
    else if (step.party === 'county_office' || step.party === 'prefecture_office' || step.party === 'provincial_office') {
      users = who.officesOver(ROLE_OF_PARTY[step.party]!, [l.regionPath]);
    }
    for (const u of users) {
      out.push({
        userId: u.id, kind: 'approval', title: `待审批：${l.personName} 请假 ${l.startDate} 至 ${l.endDate}（${l.workingDays} 个工作日）`,
        body: `${l.recipientOrgName}，待「${step.label}」审批。`, link: '/leave', dedupeKey: `leave:${l.id}:${step.party}`,
      });
    }
  }
  return out;
}

/** Roll calls not yet answered: the dispatched person's own account. */
async function rollCallReminders(db: DbOrTx, who: Recipients, now: Date): Promise<Candidate[]> {
  return (await repo.listOpenRollCalls(db, now)).flatMap((r) => who.ofPerson(r.personId).map((u) => ({
    userId: u.id, kind: 'roll_call', title: `点名：请于 ${beijingTime(r.deadline!)} 前应答`,
    body: `${r.byOrgName}发起点名，请在打卡页应答；逾时未应答记为不在岗。`, link: '/check-in', dedupeKey: `rollcall:${r.spotCheckId}`,
  })));
}

/**
 * Spot-check consequences the engine finds due for persons still on post (replacement, promotion bar):
 * the dispatching support unit acts on them.
 */
async function consequenceReminders(ctx: RequestContext, who: Recipients): Promise<Candidate[]> {
  const { persons } = await computeConsequences(ctx, {});
  const ids = [...new Set(persons.flatMap((p) => p.assignmentIds))];
  const rows = ids.length === 0 ? [] : await ctx.db.select({ id: assignments.id, status: assignments.status }).from(assignments).where(inArray(assignments.id, ids));
  const onPost = new Set(rows.filter((r) => r.status === 'planned' || r.status === 'on_duty').map((r) => r.id));
  const out: Candidate[] = [];
  for (const p of persons) {
    if (!p.assignmentIds.some((id) => onPost.has(id))) continue;
    for (const v of p.verdicts) {
      if (v.status !== 'unmet' || (v.ruleId !== 'spot-checks.replacement' && v.ruleId !== 'spot-checks.promotion-bar')) continue;
      const what = v.ruleId === 'spot-checks.replacement' ? '应另派人员接替' : '不得申报高一级职称';
      for (const u of who.ofOrg(p.supportOrgId, 'support_unit')) {
        out.push({
          userId: u.id, kind: 'consequence', title: `抽查后果：${p.personName}${what}`, body: v.explanation,
          link: '/spot-checks/consequences', dedupeKey: `consequence:${v.ruleId}:${p.personId}`,
        });
      }
    }
  }
  return out;
}

async function deliver(deps: ReminderDeps, created: repo.NotificationRow[], who: Recipients): Promise<{ sent: number; failed: number }> {
  const result = { sent: 0, failed: 0 };
  const channel = deps.channel;
  if (!channel) return result;
  for (const n of created) {
    const u = who.byId.get(n.userId);
    if (!u) continue;
    const message: OutboundMessage = {
      notificationId: n.id, kind: n.kind, title: n.title, body: n.body, link: n.link, createdAt: n.createdAt.toISOString(),
      recipient: { userId: u.id, username: u.username, displayName: u.displayName, role: u.role, orgName: u.orgName },
    };
    let attempts = 0;
    let lastError: string | null = null;
    while (attempts < DELIVERY_ATTEMPTS) {
      attempts++;
      try {
        await channel.send(message);
        lastError = null;
        break;
      } catch (err) {
        lastError = (err as Error).message;
        if (attempts < DELIVERY_ATTEMPTS && (deps.retryDelayMs ?? 500) > 0) await new Promise((r) => setTimeout(r, (deps.retryDelayMs ?? 500) * attempts));
      }
    }
    await repo.insertDelivery(deps.db, {
      notificationId: n.id, channel: channel.name, status: lastError ? 'failed' : 'sent', attempts, lastError, at: deps.clock.now(),
    });
    if (lastError) {
      result.failed++;
      deps.log.warn(`通知 ${n.id} 经 ${channel.name} 发送失败（${attempts} 次）：${lastError}`);
    } else result.sent++;
  }
  return result;
}

/**
 * 提醒任务: creates each reminder once per user (unique (user, dedupe key), insert … on conflict do
 * nothing) for due dates within the lead days, leave waiting on the user, open roll calls and
 * spot-check consequences; then hands the new ones to the outbound channel. A PostgreSQL advisory
 * lock held for the run's transaction keeps two nodes of a cluster from running it together.
 * `by` is the administrator who asked for the run (audited); the timer runs as the system.
 */
export async function runReminders(deps: ReminderDeps, by: RequestContext | null = null): Promise<ReminderRun> {
  const now = deps.clock.now();
  const today = chinaToday(now);
  const horizon = addDays(today, deps.leadDays);
  const warnings: string[] = [];
  const outcome = await deps.db.transaction(async (tx) => {
    if (!(await repo.tryReminderLock(tx))) return null;
    const who = new Recipients(await repo.listActiveUsers(tx));
    const parts = [
      await dueDateReminders(tx, who, today, horizon, warnings),
      await approvalReminders(tx, who),
      await rollCallReminders(tx, who, now),
      await consequenceReminders(systemContext(tx, deps.clock, deps.cipher), who),
    ];
    const candidates = parts.flat();
    const created = await repo.insertNotifications(tx, candidates.map((c) => ({ ...c, createdAt: now })));
    const byKind: Record<string, number> = {};
    for (const n of created) byKind[n.kind] = (byKind[n.kind] ?? 0) + 1;
    const summary = `运行提醒任务：新建 ${created.length} 条消息（截至 ${today}，提前 ${deps.leadDays} 天）`;
    if (by) await recordAudit(tx, by, { action: 'create', entityType: 'reminder_run', summary, after: { created: created.length, byKind, warnings } });
    else if (created.length > 0) await recordAudit(tx, null, { action: 'create', entityType: 'reminder_run', summary, after: { created: created.length, byKind, warnings } }, { username: 'system' });
    return { created, byKind, who };
  });
  if (!outcome) return { ran: false, asOf: today, created: 0, byKind: {}, deliveries: { sent: 0, failed: 0 }, warnings: ['另一节点正在运行提醒任务，本次跳过'] };
  const deliveries = await deliver(deps, outcome.created, outcome.who);
  return { ran: true, asOf: today, created: outcome.created.length, byKind: outcome.byKind, deliveries, warnings };
}

/** The job's dependencies as the app holds them. */
export function reminderDepsOf(app: FastifyInstance): ReminderDeps {
  const { database, clock, cipher, config } = app.deps;
  return {
    db: database.db, clock, cipher, log: app.log, leadDays: config.notify?.reminderLeadDays ?? DEFAULT_LEAD_DAYS,
    channel: createOutboundChannel(config.notify, app.log),
  };
}

interface Scheduler { timer: NodeJS.Timeout; first: NodeJS.Timeout; running: Promise<unknown> | null }
const schedulers = new WeakMap<FastifyInstance, Scheduler>();

/**
 * Starts the reminder timer (onReady): every DUIKOU_REMINDER_INTERVAL_MINUTES, first a minute after
 * start-up. Off when the interval is 0 or the configuration has no notify section (tests).
 */
export function startReminderScheduler(app: FastifyInstance): void {
  const minutes = app.deps.config.notify?.reminderIntervalMinutes ?? 0;
  if (minutes <= 0 || schedulers.has(app)) return;
  const deps = reminderDepsOf(app);
  const s: Scheduler = { running: null } as Scheduler;
  const tick = () => {
    if (s.running) return;
    s.running = runReminders(deps)
      .then((r) => { if (r.created > 0 || r.warnings.length > 0) app.log.info({ reminders: r }, `提醒任务：新建 ${r.created} 条消息`); })
      .catch((err: unknown) => app.log.error({ err }, '提醒任务运行失败'))
      .finally(() => { s.running = null; });
  };
  s.first = setTimeout(tick, Math.min(60_000, minutes * 60_000)).unref();
  s.timer = setInterval(tick, minutes * 60_000).unref();
  schedulers.set(app, s);
  app.log.info(`提醒任务已启动：每 ${minutes} 分钟运行一次`);
}

/** Stops the timer (onClose) and waits for a run in progress, so the database closes after it. */
export async function stopReminderScheduler(app: FastifyInstance): Promise<void> {
  const s = schedulers.get(app);
  if (!s) return;
  clearTimeout(s.first);
  clearInterval(s.timer);
  schedulers.delete(app);
  await s.running;
}
