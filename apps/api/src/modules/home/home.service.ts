import type { HomeSummary } from '@duikou/contracts';
import type { RequestContext } from '../../core/actor.js';
import { countRecentAuditEvents } from '../audit/audit.repository.js';
import { summarisePairings } from './home.repository.js';

/** The home page figures of the caller's scope, straight from the records. */
export async function summariseHome(ctx: RequestContext): Promise<HomeSummary> {
  const { actor } = ctx;
  const { totals, byCounty, byProgramme } = await summarisePairings(ctx.db, actor.scope);
  const weekAgo = new Date(ctx.clock.now().getTime() - 7 * 86_400_000);
  return {
    scopeName: actor.scope.kind === 'all' ? '全部地区' : actor.scope.kind === 'region' ? (actor.regionName ?? actor.orgName) : actor.orgName,
    programmes: totals.programmes,
    pairings: totals.pairings,
    recipientUnits: totals.recipients,
    supportUnits: totals.supports,
    pairingsWithoutStaffingMinimum: totals.no_minimum,
    byCounty: byCounty.map((r) => ({ regionCode: r.region_code, regionName: r.region_name ?? '未设区划', pairings: r.pairings, recipients: r.recipients, supportUnits: r.supports })),
    byProgramme: byProgramme.map((r) => ({ programmeId: r.id, name: r.name, policyCode: r.policy_code, pairings: r.pairings })),
    recentAudit: actor.permissions.has('audit:read') ? await countRecentAuditEvents(ctx.db, actor.scope, weekAgo) : null,
  };
}
