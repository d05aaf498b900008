import { sql, type SQL } from 'drizzle-orm';
import type { Scope } from './actor.js';

/**
 * SQL sub-queries that list the ids a scope may see. Every list and detail query of a scoped
 * entity filters through one of these, so a record outside the scope does not exist for the caller.
 */
const like = (path: string) => `${path}%`;

/** Pairings visible: an office sees those whose recipient, a support unit or the owning office lies in its area; a unit those it takes part in. */
export function visiblePairingIds(scope: Scope): SQL {
  if (scope.kind === 'all') return sql`select id from pairings`;
  if (scope.kind === 'unit') {
    return sql`select p.id from pairings p where p.recipient_org_id = ${scope.orgId}
      or exists (select 1 from pairing_support_units s where s.pairing_id = p.id and s.org_id = ${scope.orgId})`;
  }
  const p = like(scope.regionPath);
  return sql`select p.id from pairings p
    join organisations ro on ro.id = p.recipient_org_id left join regions rr on rr.code = ro.region_code
    join programmes pg on pg.id = p.programme_id join organisations oo on oo.id = pg.owner_org_id left join regions orr on orr.code = oo.region_code
    where rr.path like ${p} or orr.path like ${p}
      or exists (select 1 from pairing_support_units s join organisations so on so.id = s.org_id
                 join regions sr on sr.code = so.region_code where s.pairing_id = p.id and sr.path like ${p})`;
}

/** Organisations visible: those in the area, plus every party to a visible pairing. */
export function visibleOrganisationIds(scope: Scope): SQL {
  if (scope.kind === 'all') return sql`select id from organisations`;
  const vp = visiblePairingIds(scope);
  const own = scope.kind === 'unit'
    ? sql`select ${scope.orgId}::uuid as id`
    : sql`select o.id from organisations o join regions r on r.code = o.region_code where r.path like ${like(scope.regionPath)}`;
  return sql`${own}
    union select vp_p.recipient_org_id from pairings vp_p where vp_p.id in (${vp})
    union select vp_s.org_id from pairing_support_units vp_s where vp_s.pairing_id in (${vp})`;
}

/** Programmes visible: owned by an office in the area, or holding a visible pairing. */
export function visibleProgrammeIds(scope: Scope): SQL {
  if (scope.kind === 'all') return sql`select id from programmes`;
  const vp = visiblePairingIds(scope);
  const viaPairing = sql`select pp.programme_id from pairings pp where pp.id in (${vp})`;
  if (scope.kind === 'unit') return viaPairing;
  return sql`select pg.id from programmes pg join organisations o on o.id = pg.owner_org_id
    join regions r on r.code = o.region_code where r.path like ${like(scope.regionPath)} union ${viaPairing}`;
}

/** Regions visible: an office's region and below; a unit's own region and below. */
export function regionPathCondition(scope: Scope, column: SQL): SQL {
  if (scope.kind === 'all') return sql`true`;
  if (!scope.regionPath) return sql`false`;
  return sql`${column} like ${like(scope.regionPath)}`;
}
