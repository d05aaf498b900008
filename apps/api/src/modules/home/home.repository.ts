import { sql } from 'drizzle-orm';
import { rowsOf, type DbOrTx } from '@duikou/db';
import type { Scope } from '../../core/actor.js';
import { visiblePairingIds, visibleProgrammeIds } from '../../core/scope.sql.js';


/** Figures of the live (not archived) pairings in a scope. */
export async function summarisePairings(db: DbOrTx, scope: Scope) {
  const vp = visiblePairingIds(scope);
  const live = sql`select p.* from pairings p join programmes pg on pg.id = p.programme_id where p.archived_at is null and pg.archived_at is null and p.id in (${vp})`;
  const [totals] = rowsOf<{ pairings: number; recipients: number; supports: number; no_minimum: number; programmes: number }>(await db.execute(sql`
    with live as (${live})
    select cast((select count(*) from live) as integer) as pairings,
           cast((select count(distinct recipient_org_id) from live) as integer) as recipients,
           cast((select count(distinct s.org_id) from pairing_support_units s where s.pairing_id in (select id from live)) as integer) as supports,
           cast((select count(*) from live where min_persons_per_support_unit_per_year is null) as integer) as no_minimum,
           cast((select count(*) from programmes pg where pg.archived_at is null and pg.id in (${visibleProgrammeIds(scope)})) as integer) as programmes`));
  const byCounty = rowsOf<{ region_code: string | null; region_name: string | null; pairings: number; recipients: number; supports: number }>(await db.execute(sql`
    with live as (${live})
    select o.region_code, r.name as region_name, cast(count(distinct l.id) as integer) as pairings,
           cast(count(distinct l.recipient_org_id) as integer) as recipients, cast(count(distinct s.org_id) as integer) as supports
    from live l join organisations o on o.id = l.recipient_org_id left join regions r on r.code = o.region_code
    left join pairing_support_units s on s.pairing_id = l.id
    group by o.region_code, r.name, r.path order by r.path`));
  const byProgramme = rowsOf<{ id: string; name: string; policy_code: string; pairings: number }>(await db.execute(sql`
    with live as (${live})
    select pg.id, pg.name, pg.policy_code, cast(count(*) as integer) as pairings
    from live l join programmes pg on pg.id = l.programme_id group by pg.id, pg.name, pg.policy_code order by pg.name`));
  return { totals: totals!, byCounty, byProgramme };
}
