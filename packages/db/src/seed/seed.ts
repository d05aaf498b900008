import { eq } from 'drizzle-orm';
import type { Db, DbOrTx } from '../client.js';
import { appMeta, organisations, pairingSupportUnits, pairings, programmes, regions, users } from '../schema.js';
import cxFixture from '../../seed-data/cx-2018-pairings.json' with { type: 'json' };
import myFixture from '../../seed-data/my-2018-pairings.json' with { type: 'json' };
import orgMeta from '../../seed-data/organisations.json' with { type: 'json' };

interface FixtureRegion { code: string; name: string; level: string; parent?: string }
interface FixturePairing {
  recipient: string; recipientRegion?: string; recipientKind?: string; county?: string;
  support: string[]; needs?: string[]; minPersonsPerSupportUnitPerYear?: number | null; note?: string;
}
interface Fixture {
  programme: string; policy: string; document?: string; validFrom?: string; validTo?: string;
  office: { name: string; region: string }; regions: FixtureRegion[]; pairings: FixturePairing[]; remarks?: string[]; note?: string;
}

export interface SeedOptions {
  /** Hashes a password (argon2id in the API); injected so this package holds no crypto policy. */
  hashPassword(plain: string): Promise<string>;
  demoPassword: string;
}
export interface SeedResult { usernames: string[] }

const DEMO_KEY = 'demo_seeded_at';

export async function isDemoSeeded(db: DbOrTx): Promise<boolean> {
  const rows = await db.select().from(appMeta).where(eq(appMeta.key, DEMO_KEY));
  return rows.length > 0;
}

/** Classifies a recipient named in a notice's table by the words of its name. */
export function classifyRecipientByName(name: string, hint?: string): { kind: string; grade: string } {
  if (hint === 'tcm' || /中医|中羌医|民族医/.test(name)) return { kind: 'tcm_hospital', grade: '2A' };
  if (/妇幼/.test(name)) return { kind: 'maternal_child', grade: 'ungraded' };
  if (/疾病预防控制/.test(name)) return { kind: 'cdc', grade: 'ungraded' };
  if (/卫生院/.test(name)) return { kind: 'township_centre', grade: 'ungraded' };
  if (/人民医院/.test(name)) return { kind: 'general_hospital', grade: '2A' };
  return { kind: 'general_hospital', grade: 'ungraded' };
}

/** "530000/532300/532329/" for a region, from its parents. */
export function regionPath(code: string, parentOf: Map<string, string | undefined>): string {
  const chain: string[] = [];
  let cur: string | undefined = code;
  while (cur) {
    if (chain.includes(cur)) throw new Error(`区划 ${code} 的上级形成了环`);
    chain.unshift(cur);
    cur = parentOf.get(cur);
  }
  return chain.map((c) => `${c}/`).join('');
}

/**
 * Loads the demo data of both notices (regions, organisations, programmes, pairings, one user per
 * role) in one transaction, once per database.
 */
export async function seedDemoData(db: Db, opts: SeedOptions): Promise<SeedResult> {
  const fixtures = [cxFixture as Fixture, myFixture as Fixture];
  const passwordHash = await opts.hashPassword(opts.demoPassword);
  return db.transaction(async (tx) => {
    if (await isDemoSeeded(tx)) return { usernames: [] };

    // Regions: both fixtures plus the functional zones the notices name.
    const allRegions = new Map<string, FixtureRegion & { isLocal: boolean }>();
    for (const f of fixtures) for (const r of f.regions) allRegions.set(r.code, { ...r, isLocal: !/^\d{6}$/.test(r.code) });
    for (const r of orgMeta.extraRegions) allRegions.set(r.code, { ...r, isLocal: true });
    const parentOf = new Map([...allRegions.values()].map((r) => [r.code, r.parent]));
    await tx.insert(regions).values([...allRegions.values()].map((r) => ({
      code: r.code, name: r.name, level: r.level, parentCode: r.parent ?? null,
      path: regionPath(r.code, parentOf), isLocalCode: r.isLocal,
    })));
    const regionByName = new Map([...allRegions.values()].map((r) => [r.name, r.code]));
    const aliases = orgMeta.countyAliases as Record<string, string>;
    const countyCode = (county: string): string => {
      const code = regionByName.get(aliases[county] ?? county);
      if (!code) throw new Error(`演示数据中的县市区「${county}」没有区划编码`);
      return code;
    };

    // Organisations.
    const orgIds = new Map<string, string>();
    const addOrg = async (o: { name: string; kind: string; grade?: string; region: string | null; adminLevel?: string | null }) => {
      const existing = orgIds.get(o.name);
      if (existing) return existing;
      const [row] = await tx.insert(organisations).values({
        name: o.name, kind: o.kind, grade: o.grade ?? 'ungraded', regionCode: o.region, adminLevel: o.adminLevel ?? null,
      }).returning({ id: organisations.id });
      orgIds.set(o.name, row!.id);
      return row!.id;
    };
    const platformId = await addOrg({ name: orgMeta.platform.name, kind: 'platform', region: null });
    const officeIds = new Map<string, string>();
    for (const o of orgMeta.offices) officeIds.set(o.key, await addOrg({ name: o.name, kind: 'health_office', region: o.region, adminLevel: null }));
    for (const s of orgMeta.supportUnits) await addOrg(s);

    // Programmes and pairings.
    for (const f of fixtures) {
      const meta = (orgMeta.programmes as Record<string, { validFrom?: string; validTo?: string; documentNo?: string; description?: string }>)[f.policy] ?? {};
      const ownerId = orgIds.get(f.office.name) ?? (await addOrg({ name: f.office.name, kind: 'health_office', region: f.office.region }));
      const [prog] = await tx.insert(programmes).values({
        name: f.programme, ownerOrgId: ownerId, policyCode: f.policy,
        documentNo: f.document ?? meta.documentNo ?? null,
        validFrom: f.validFrom ?? meta.validFrom ?? null, validTo: f.validTo ?? meta.validTo ?? null,
        description: [meta.description, ...(f.remarks ?? [])].filter(Boolean).join('\n') || null,
      }).returning({ id: programmes.id });
      for (const p of f.pairings) {
        const region = p.recipientRegion ?? countyCode(p.county!);
        const cls = classifyRecipientByName(p.recipient, p.recipientKind);
        const recipientId = await addOrg({ name: p.recipient, kind: cls.kind, grade: cls.grade, region, adminLevel: 'county' });
        // CX sets the staffing minimum for the whole programme (≥5 a year, TCM recipients ≥3): 楚卫通〔2018〕43号 二（一）.
        const min = f.policy === 'CX' ? (cls.kind === 'tcm_hospital' ? 3 : 5) : (p.minPersonsPerSupportUnitPerYear ?? null);
        const remarks = [p.note ? `来源说明：${p.note}` : null, f.policy === 'CX' ? '人员要求依楚卫通〔2018〕43号二（一）' : null].filter(Boolean).join('；') || null;
        const [pairing] = await tx.insert(pairings).values({
          programmeId: prog!.id, recipientOrgId: recipientId, needs: p.needs ?? [], minPersonsPerSupportUnitPerYear: min,
          validFrom: f.validFrom ?? meta.validFrom ?? null, validTo: f.validTo ?? meta.validTo ?? null, remarks,
        }).returning({ id: pairings.id });
        let position = 0;
        for (const s of p.support) {
          const supportId = orgIds.get(s) ?? (await addOrg({ name: s, kind: 'general_hospital', region: f.office.region, adminLevel: 'other' }));
          await tx.insert(pairingSupportUnits).values({ pairingId: pairing!.id, orgId: supportId, position: position++ });
        }
      }
    }

    // One demo user per role.
    const usernames: string[] = [];
    for (const u of orgMeta.users) {
      const orgId = u.org === 'platform' ? platformId : officeIds.get(u.org) ?? orgIds.get(u.org);
      if (!orgId) throw new Error(`演示用户 ${u.username} 的机构「${u.org}」不存在`);
      await tx.insert(users).values({ username: u.username, displayName: u.displayName, role: u.role, orgId, passwordHash });
      usernames.push(u.username);
    }
    await tx.insert(appMeta).values({ key: DEMO_KEY, value: new Date().toISOString() });
    return { usernames };
  });
}

/** Creates the first administrator of a non-demo installation. */
export async function ensureAdmin(db: Db, opts: { hashPassword(p: string): Promise<string>; password: string }): Promise<boolean> {
  return db.transaction(async (tx) => {
    const any = await tx.select({ id: users.id }).from(users).limit(1);
    if (any.length > 0) return false;
    const [platform] = await tx.insert(organisations).values({ name: orgMeta.platform.name, kind: 'platform', regionCode: null })
      .onConflictDoNothing().returning({ id: organisations.id });
    const platformId = platform?.id ?? (await tx.select({ id: organisations.id }).from(organisations).where(eq(organisations.name, orgMeta.platform.name)))[0]!.id;
    await tx.insert(users).values({ username: 'admin', displayName: '系统管理员', role: 'admin', orgId: platformId, passwordHash: await opts.hashPassword(opts.password) });
    return true;
  });
}
