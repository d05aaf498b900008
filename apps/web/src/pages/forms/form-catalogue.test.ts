import { describe, expect, it } from 'vitest';
import { MENTORSHIP_TABLE_HEADERS, PAIRING_TABLE_HEADERS, STAFF_TABLE_HEADERS, type Permission } from '@duikou/contracts';
import { FORM_CATALOGUE, formsAllowed, groupByNotice, normaliseSearch, permissionsOf, searchForms, shortLabelOf } from './form-catalogue';
import { defaultProgrammes, orderNotices, staffExportFilters, yearOptions } from './form-filters';

/** The permissions of apps/api/src/core/actor.ts that decide what the forms centre shows (web cannot import the API). */
const READ_UNIT: Permission[] = ['org:read', 'programme:read', 'pairing:read', 'region:read', 'home:read', 'calendar:read', 'policy:read', 'assignment:read', 'attendance:read', 'spotcheck:read', 'results:read'];
const ROLE_PERMISSIONS = {
  prefecture_office: [
    'region:read', 'org:read', 'programme:read', 'pairing:read', 'pairing:write', 'calendar:read', 'person:read', 'person:write', 'person:reveal',
    'assignment:read', 'assignment:write', 'results:read', 'mentorship:write', 'appraisal:write', 'certificate:write', 'dashboard:read', 'report:read', 'report:review',
  ],
  support_unit: [...READ_UNIT, 'person:read', 'person:write', 'person:reveal', 'assignment:write', 'mentorship:write', 'certificate:write', 'dashboard:read', 'report:read', 'report:write'],
  recipient_unit: [...READ_UNIT, 'person:read', 'attendance:write', 'mentorship:write', 'appraisal:write', 'dashboard:read'],
} satisfies Record<string, Permission[]>;

const byId = (id: string) => FORM_CATALOGUE.find((f) => f.id === id);
const canOf = (perms: readonly Permission[]) => (p: Permission) => perms.includes(p);
const ids = (forms: { id: string }[]) => forms.map((f) => f.id);

describe('the catalogue', () => {
  it('lists every official form of SPEC §5 under its notice and attachment number', () => {
    const official = FORM_CATALOGUE.filter((f) => f.official).map((f) => shortLabelOf(f));
    expect(official.sort()).toEqual(['楚雄附件1', '楚雄附件2', '绵阳附件1', '绵阳附件2', '绵阳附件3', '绵阳附件4'].sort());
  });

  it('lists the other documents the product prints or files', () => {
    for (const id of ['cx-monthly', 'cx-quarterly', 'cx-appraisal', 'my-mentorship-certificate', 'person-template', 'service-certificate']) expect(byId(id)).toBeDefined();
  });

  it('gives each form its columns from the contracts, a filler, a deadline and at least one action or link', () => {
    expect(byId('cx-1')?.columns).toEqual(PAIRING_TABLE_HEADERS.cx);
    expect(byId('my-1')?.columns).toEqual(PAIRING_TABLE_HEADERS.my);
    expect(byId('cx-2')?.columns).toEqual(STAFF_TABLE_HEADERS.cx);
    expect(byId('my-3')?.columns).toEqual(STAFF_TABLE_HEADERS.my);
    expect(byId('my-4')?.columns).toHaveLength(MENTORSHIP_TABLE_HEADERS.columns.length);
    for (const f of FORM_CATALOGUE) {
      expect(f.actions.length, f.id).toBeGreaterThan(0);
      expect(f.filledBy, f.id).not.toBe('');
      expect(f.due, f.id).not.toBe('');
      expect(f.columns.length > 0 || !!f.contentNote, f.id).toBe(true);
    }
  });

  it('quotes the notices\' deadlines', () => {
    expect(byId('cx-2')?.due).toContain('6 月 7 日');
    expect(byId('cx-monthly')?.due).toContain('每月 5 日');
    expect(byId('cx-quarterly')?.due).toContain('1 月、4 月、7 月、10 月 5 日');
    expect(byId('my-2')?.due).toContain('5 月 20 日');
    expect(byId('my-3')?.due).toContain('5 月 20 日');
    expect(byId('my-4')?.due).toContain('5 月 28 日');
  });

  it('uses ids that are unique', () => {
    expect(new Set(ids([...FORM_CATALOGUE])).size).toBe(FORM_CATALOGUE.length);
  });
});

describe('permissions', () => {
  it('names the permission the API checks for each action', () => {
    expect(permissionsOf({ kind: 'pairing-import', layout: 'cx' })).toEqual(['pairing:write']);
    expect(permissionsOf({ kind: 'registration-form' })).toContain('person:reveal');
    expect(permissionsOf({ kind: 'link', to: '/x', label: 'x', permissions: ['report:read'] })).toEqual(['report:read']);
  });

  it('shows an office everything, with imports', () => {
    const forms = formsAllowed(FORM_CATALOGUE, canOf(ROLE_PERMISSIONS.prefecture_office));
    expect(forms).toHaveLength(FORM_CATALOGUE.length);
    expect(forms.find((f) => f.id === 'cx-1')?.actions.map((a) => a.kind)).toEqual(['pairing-export', 'pairing-import']);
  });

  it('shows a support unit exports and its reports but not the pairing import', () => {
    const forms = formsAllowed(FORM_CATALOGUE, canOf(ROLE_PERMISSIONS.support_unit));
    expect(forms.find((f) => f.id === 'cx-1')?.actions.map((a) => a.kind)).toEqual(['pairing-export']);
    expect(ids(forms)).toEqual(expect.arrayContaining(['cx-monthly', 'my-2', 'person-template']));
  });

  it('leaves out of a recipient unit what it cannot do: registration forms, person import, statutory reports', () => {
    const forms = formsAllowed(FORM_CATALOGUE, canOf(ROLE_PERMISSIONS.recipient_unit));
    expect(ids(forms)).not.toContain('my-2');
    expect(ids(forms)).not.toContain('person-template');
    expect(ids(forms)).not.toContain('cx-monthly');
    expect(ids(forms)).toEqual(expect.arrayContaining(['cx-1', 'cx-2', 'my-3', 'my-4', 'cx-appraisal']));
    for (const f of forms) for (const a of f.actions) expect(permissionsOf(a).every((p) => (ROLE_PERMISSIONS.recipient_unit as Permission[]).includes(p))).toBe(true);
  });

  it('shows nothing without permissions', () => {
    expect(formsAllowed(FORM_CATALOGUE, () => false)).toEqual([]);
  });
});

describe('search', () => {
  it('ignores spaces and full-width digits', () => {
    expect(normaliseSearch(' 附件 ２ ')).toBe('附件2');
  });

  it('finds an attachment of either notice by how a clerk names it', () => {
    expect(ids(searchForms(FORM_CATALOGUE, '楚雄附件2'))).toEqual(['cx-2']);
    expect(ids(searchForms(FORM_CATALOGUE, '绵阳 附件4'))[0]).toBe('my-4');
    expect(ids(searchForms(FORM_CATALOGUE, '附件 2')).slice(0, 2)).toEqual(['cx-2', 'my-2']);
    expect(ids(searchForms(FORM_CATALOGUE, '师带徒'))).toEqual(expect.arrayContaining(['my-4', 'my-mentorship-certificate']));
    expect(ids(searchForms(FORM_CATALOGUE, '月报'))).toEqual(['cx-monthly']);
    expect(ids(searchForms(FORM_CATALOGUE, 'PDF'))).toEqual(expect.arrayContaining(['my-2', 'cx-appraisal', 'service-certificate']));
  });

  it('searches the columns too, and returns all for blank text', () => {
    expect(ids(searchForms(FORM_CATALOGUE, '学习目标'))).toContain('my-4');
    expect(searchForms(FORM_CATALOGUE, '  ')).toHaveLength(FORM_CATALOGUE.length);
    expect(searchForms(FORM_CATALOGUE, '不存在的表格')).toEqual([]);
  });

  it('groups by notice in order', () => {
    expect(groupByNotice(FORM_CATALOGUE).map((g) => g.notice.code)).toEqual(['cx', 'my', 'common']);
  });
});

describe('filters', () => {
  it('drops filters not chosen', () => {
    expect(staffExportFilters({ programmeId: 'p1', supportOrgId: undefined, status: 'on_duty' })).toEqual({ programmeId: 'p1', status: 'on_duty' });
  });

  it('offers years from 2018 to this year, newest first', () => {
    const years = yearOptions(new Date('2026-11-23T02:00:00Z'));
    expect(years[0]).toEqual({ value: 2026, label: '2026 年' });
    expect(years.at(-1)?.value).toBe(2018);
  });

  it('preselects the only programme of a notice', () => {
    expect(defaultProgrammes([{ id: 'a', policyCode: 'CX' }, { id: 'b', policyCode: 'MY' }, { id: 'c', policyCode: 'MY' }])).toEqual({ cx: 'a' });
  });

  it('puts the caller\'s notices first', () => {
    expect(orderNotices([{ policyCode: 'MY' }]).map((n) => [n.code, n.inScope])).toEqual([['my', true], ['common', null], ['cx', false]]);
    expect(orderNotices(undefined).map((n) => n.code)).toEqual(['cx', 'my', 'common']);
  });
});
