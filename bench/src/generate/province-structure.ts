import type { Rng } from './rng.js';
import type { Preset } from './presets.js';
import { DEPARTMENTS, PREFECTURES, PROVINCE, placeNames } from './names.js';

export interface RegionRow { code: string; name: string; level: 'province' | 'prefecture' | 'county'; parentCode: string | null; path: string }
export interface OrgRow {
  id: string; name: string; shortName: string | null; kind: string; grade: string; regionCode: string; adminLevel: string | null;
  geoLat: number | null; geoLng: number | null; geoRadiusM: number | null;
}
export interface County { region: RegionRow; office: OrgRow; recipients: OrgRow[] }
export interface Prefecture { region: RegionRow; short: string; office: OrgRow; counties: County[]; supportUnits: OrgRow[] }
export interface ProgrammeRow { id: string; name: string; ownerOrgId: string; policyCode: 'CX' | 'MY'; documentNo: string; validFrom: string; validTo: string; description: string }
export interface PairingRow {
  id: string; programme: ProgrammeRow; recipient: OrgRow; prefecture: Prefecture; needs: string[]; min: number | null; supports: OrgRow[];
}
export interface Structure {
  province: RegionRow;
  provinceOffice: OrgRow;
  prefectures: Prefecture[];
  /** Provincial hospitals (in the capital), support units of the province's programme. */
  provincialUnits: OrgRow[];
  supportUnits: OrgRow[];
  recipients: OrgRow[];
  programmes: ProgrammeRow[];
  pairings: PairingRow[];
  regions: RegionRow[];
  organisations: OrgRow[];
}

const CN_NUMBERS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
const cn = (n: number): string => (n <= 10 ? CN_NUMBERS[n - 1]! : n < 20 ? `十${CN_NUMBERS[n - 11]}` : `${CN_NUMBERS[Math.floor(n / 10) - 1]}十${n % 10 ? CN_NUMBERS[(n % 10) - 1] : ''}`);
/** Hospitals of a prefecture seat, in the order a prefecture would have them. */
const SEAT_HOSPITALS: readonly [string, string, string][] = [
  ['人民医院', 'general_hospital', '3A'], ['中医医院', 'tcm_hospital', '3A'], ['第一人民医院', 'general_hospital', '3A'], ['第二人民医院', 'general_hospital', '3B'],
  ['妇幼保健院', 'maternal_child', '3A'], ['第三人民医院', 'general_hospital', '3B'], ['中心医院', 'general_hospital', '3A'], ['第四人民医院', 'general_hospital', '2A'],
  ['肿瘤医院', 'specialty_hospital', '3B'], ['骨科医院', 'specialty_hospital', '2A'], ['口腔医院', 'stomatology', '2A'], ['儿童医院', 'specialty_hospital', '3B'],
  ['第五人民医院', 'general_hospital', '2A'], ['康复医院', 'specialty_hospital', '2A'], ['眼科医院', 'specialty_hospital', '2A'], ['传染病医院', 'specialty_hospital', '2A'],
  ['第六人民医院', 'general_hospital', '2A'], ['精神卫生中心', 'specialty_hospital', '2A'], ['第七人民医院', 'general_hospital', '2A'], ['第八人民医院', 'general_hospital', '2A'],
];
const PROVINCIAL_HOSPITALS = ['肿瘤医院', '中医医院', '妇幼保健院', '传染病医院', '精神卫生中心', '口腔医院', '儿童医院', '康复医院', '老年病医院', '中西医结合医院'];

/**
 * The province's units and programmes: regions, offices, support hospitals (a tenth provincial, the
 * rest in the prefecture seats), county hospitals and township centres, a programme per prefecture
 * (CX rules) and one of the province (MY rules), and two pairings per recipient unit.
 */
export function planStructure(preset: Preset, rng: Rng, year: number): Structure {
  const regions: RegionRow[] = [];
  const organisations: OrgRow[] = [];
  const org = (o: Omit<OrgRow, 'id' | 'geoLat' | 'geoLng' | 'geoRadiusM' | 'shortName'> & Partial<Pick<OrgRow, 'geoLat' | 'geoLng' | 'geoRadiusM' | 'shortName'>>): OrgRow => {
    const row: OrgRow = { id: rng.uuid(), shortName: null, geoLat: null, geoLng: null, geoRadiusM: null, ...o };
    organisations.push(row);
    return row;
  };
  const province: RegionRow = { code: PROVINCE.code, name: PROVINCE.name, level: 'province', parentCode: null, path: `${PROVINCE.code}/` };
  regions.push(province);
  const provinceOffice = org({ name: PROVINCE.office, kind: 'health_office', grade: 'ungraded', regionCode: province.code, adminLevel: null });

  const prefectureCount = Math.min(preset.prefectures, PREFECTURES.length);
  const countyNames = placeNames(preset.counties);
  const prefectures: Prefecture[] = PREFECTURES.slice(0, prefectureCount).map((p) => {
    const region: RegionRow = { code: p.code, name: p.name, level: 'prefecture', parentCode: province.code, path: `${province.path}${p.code}/` };
    regions.push(region);
    return { region, short: p.short, office: org({ name: `${p.name}卫生健康委员会`, kind: 'health_office', grade: 'ungraded', regionCode: p.code, adminLevel: null }), counties: [], supportUnits: [] };
  });
  // Counties round-robin over the prefectures; the first county of each is its seat.
  for (let i = 0; i < preset.counties; i++) {
    const pref = prefectures[i % prefectures.length]!;
    const k = pref.counties.length;
    const code = `${pref.region.code.slice(0, 4)}${String(k + 2).padStart(2, '0')}`;
    const name = `${countyNames[i]!}${k === 0 ? '市' : '县'}`;
    const region: RegionRow = { code, name, level: 'county', parentCode: pref.region.code, path: `${pref.region.path}${code}/` };
    regions.push(region);
    pref.counties.push({ region, office: org({ name: `${name}卫生健康局`, kind: 'health_office', grade: 'ungraded', regionCode: code, adminLevel: null }), recipients: [] });
  }

  // Support units: a tenth provincial (capital seat), the rest spread over the prefecture seats.
  const provincialCount = Math.max(1, Math.round(preset.supportUnits / 10));
  const capital = prefectures[0]!;
  const capitalSeat = capital.counties[0]!.region.code;
  const provincialUnits: OrgRow[] = [];
  for (let i = 0; i < provincialCount; i++) {
    const name = i < 10 ? `${PROVINCE.short}省第${cn(i + 1)}人民医院` : i - 10 < PROVINCIAL_HOSPITALS.length ? `${PROVINCE.short}省${PROVINCIAL_HOSPITALS[i - 10]}` : `${PROVINCE.short}省第${cn(i - PROVINCIAL_HOSPITALS.length + 1)}医院`;
    const unit = org({ name, kind: name.includes('中医') ? 'tcm_hospital' : 'general_hospital', grade: '3A', regionCode: capitalSeat, adminLevel: 'provincial' });
    provincialUnits.push(unit);
  }
  const supportUnits = [...provincialUnits];
  for (let i = 0; i < preset.supportUnits - provincialCount; i++) {
    const pref = prefectures[i % prefectures.length]!;
    const k = pref.supportUnits.length;
    const [suffix, kind, grade] = SEAT_HOSPITALS[k % SEAT_HOSPITALS.length]!;
    const name = k < SEAT_HOSPITALS.length ? `${pref.short}${suffix}` : `${pref.short}第${cn(k - SEAT_HOSPITALS.length + 9)}人民医院`;
    const unit = org({ name, kind, grade, regionCode: pref.counties[0]!.region.code, adminLevel: 'municipal' });
    pref.supportUnits.push(unit);
    supportUnits.push(unit);
  }
  // A prefecture with no hospital of its own is helped by the provincial ones.
  for (const pref of prefectures) if (pref.supportUnits.length === 0) pref.supportUnits.push(...provincialUnits);

  // Recipients round-robin over the counties: three county hospitals, then township centres.
  const counties = prefectures.flatMap((p) => p.counties.map((c) => ({ pref: p, county: c })));
  const townNames = placeNames(Math.ceil(preset.recipients / Math.max(1, counties.length)) + 3, 700);
  const recipients: OrgRow[] = [];
  for (let i = 0; i < preset.recipients; i++) {
    const { county } = counties[i % counties.length]!;
    const k = county.recipients.length;
    const [name, kind, grade] = k === 0 ? [`${county.region.name}人民医院`, 'general_hospital', '2A'] : k === 1 ? [`${county.region.name}中医医院`, 'tcm_hospital', '2A']
      : k === 2 ? [`${county.region.name}妇幼保健院`, 'maternal_child', 'ungraded'] : [`${county.region.name}${townNames[k - 3]!}镇卫生院`, 'township_centre', 'ungraded'];
    // Geofence: a point of the province (21–29°N, 97–106°E), 500 m.
    const unit = org({ name, kind, grade, regionCode: county.region.code, adminLevel: 'county', geoLat: 21 + rng.next() * 8, geoLng: 97.5 + rng.next() * 8, geoRadiusM: 500 });
    county.recipients.push(unit);
    recipients.push(unit);
  }

  const validFrom = `${year}-01-01`;
  const validTo = `${year + 2}-12-31`;
  const programmes: ProgrammeRow[] = prefectures.map((p, i) => ({
    id: rng.uuid(), name: `${p.region.name}三级医院对口帮扶县级医院（${year}—${year + 2} 年）`, ownerOrgId: p.office.id, policyCode: 'CX',
    documentNo: `${p.short.slice(0, 2)}卫通〔${year}〕${10 + i}号`, validFrom, validTo, description: `${p.region.name}辖区三级医院对口帮扶县乡医疗卫生机构。`,
  }));
  const provinceProgramme: ProgrammeRow = {
    id: rng.uuid(), name: `${PROVINCE.name}城乡医院对口支援“传帮带”（${year}—${year + 2} 年）`, ownerOrgId: provinceOffice.id, policyCode: 'MY',
    documentNo: `${PROVINCE.short}卫医发〔${year}〕8号`, validFrom, validTo, description: '省级及州市医院对口支援县乡医疗卫生机构，分段驻点与定期指导。',
  };
  programmes.push(provinceProgramme);

  // Two pairings per recipient: its prefecture's programme (a hospital of the seat) and the province's
  // (a provincial hospital or another prefecture's), support units taken in turn so each has a fair share.
  const pairings: PairingRow[] = [];
  const turn = new Map<string, number>();
  const next = (key: string, list: readonly OrgRow[], skip?: (o: OrgRow) => boolean): OrgRow => {
    let i = turn.get(key) ?? 0;
    for (let tries = 0; tries < list.length; tries++, i++) {
      const o = list[i % list.length]!;
      if (!skip?.(o) || tries === list.length - 1) { turn.set(key, i + 1); return o; }
    }
    return list[0]!;
  };
  const needsOf = (): string[] => {
    const n = rng.int(1, 3);
    const out = new Set<string>();
    while (out.size < n) out.add(rng.pick(DEPARTMENTS));
    return [...out];
  };
  for (const pref of prefectures) {
    const programme = programmes[prefectures.indexOf(pref)]!;
    for (const county of pref.counties) {
      for (const recipient of county.recipients) {
        const supports = [next(pref.region.code, pref.supportUnits)];
        if (rng.chance(10) && pref.supportUnits.length > 1) {
          const second = next(pref.region.code, pref.supportUnits);
          if (second !== supports[0]) supports.push(second);
        }
        pairings.push({ id: rng.uuid(), programme, recipient, prefecture: pref, needs: needsOf(), min: recipient.kind === 'tcm_hospital' ? 3 : 5, supports });
        const own = new Set(pref.supportUnits.map((o) => o.id));
        const helper = next('province', supportUnits, (o) => own.has(o.id));
        pairings.push({ id: rng.uuid(), programme: provinceProgramme, recipient, prefecture: pref, needs: needsOf(), min: 2, supports: [helper] });
      }
    }
  }
  return { province, provinceOffice, prefectures, provincialUnits, supportUnits, recipients, programmes, pairings, regions, organisations };
}
