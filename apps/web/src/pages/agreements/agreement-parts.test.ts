import { describe, expect, it } from 'vitest';
import type { Agreement, AgreementCoverage, ShownVerdict } from '@duikou/contracts';
import { ApiError } from '../../api/http-client';
import { coverageTotals, noticeLinkOf } from './agreement-coverage.tab';
import { listSummary } from './agreement-list.page';
import {
  agreementErrorTarget, parseYear, sideOfOrg, signaturesText, toAgreementContent, toAgreementCreate, toAgreementForm, withAgreementFigureLabels, yearOptions,
} from './agreement-parts';

const verdict = (status: ShownVerdict['status'], figures: Record<string, unknown> = {}): ShownVerdict => ({
  ruleId: 'annual-agreement', ruleLabel: '年度帮扶协议', status, figures, explanation: '2020 年度帮扶协议尚未起草，该年度已结束', evidence: ['p1', 's1'],
});

const agreement: Agreement = {
  id: 'a1', pairingId: 'p1', programmeName: '2018年三级医院对口帮扶', policyCode: 'CX', year: 2020,
  supportOrg: { id: 's1', name: '云南省第一人民医院' }, recipientOrg: { id: 'r1', name: '武定县人民医院' },
  departments: ['儿科'], technologies: [{ name: '无痛分娩', target: null }], traineeTarget: 5, trainees: [{ name: '李明', department: null }],
  capabilityTargets: [{ item: '胸痛中心', target: '通过验收' }], content: null, draftedBy: 'support_unit',
  supportSignedOn: '2020-02-20', supportSignedBy: 'cx-support', recipientSignedOn: null, recipientSignedBy: null,
  filedOn: null, filedBy: null, filedCopies: null, status: 'draft', createdBy: 'cx-support', createdAt: '', updatedAt: '',
  canEdit: false, canSign: false, canFile: false,
};

describe('agreement form payloads', () => {
  it('drops blank rows, trims texts and leaves empty optional targets out', () => {
    const c = toAgreementContent({
      departments: [' 儿科 ', '儿科', '', '急诊科'],
      technologies: [{ name: ' 无痛分娩 ', target: ' ' }, {}, { name: '腹腔镜', target: '20 例' }],
      trainees: [{ name: '李明', department: '' }, { name: ' ', department: ' ' }],
      capabilityTargets: [{ item: '胸痛中心', target: '通过验收' }],
      traineeTarget: undefined,
      content: '  ',
    });
    expect(c).toEqual({
      departments: ['儿科', '急诊科'],
      technologies: [{ name: '无痛分娩', target: undefined }, { name: '腹腔镜', target: '20 例' }],
      traineeTarget: null,
      trainees: [{ name: '李明', department: undefined }],
      capabilityTargets: [{ item: '胸痛中心', target: '通过验收' }],
      content: '',
    });
  });

  it('builds a create body with pairing, year and only the support unit when chosen', () => {
    const body = toAgreementCreate({ pairingId: 'p1', year: 2020, departments: ['儿科'], content: '约定' });
    expect(body).toMatchObject({ pairingId: 'p1', year: 2020, departments: ['儿科'], content: '约定' });
    expect('supportOrgId' in body).toBe(false);
    expect(toAgreementCreate({ pairingId: 'p1', supportOrgId: 's2', year: 2020 }).supportOrgId).toBe('s2');
  });

  it('turns an agreement back into form values', () => {
    expect(toAgreementForm(agreement)).toMatchObject({ pairingId: 'p1', supportOrgId: 's1', technologies: [{ name: '无痛分娩', target: '' }], content: '' });
  });

  it('puts a row error of a list on that row, other fields stay plain', () => {
    expect(agreementErrorTarget('technologies.2.name')).toEqual(['technologies', 2, 'name']);
    expect(agreementErrorTarget('departments.0')).toBeNull();
    expect(new ApiError(400, { code: 'VALIDATION_FAILED', message: '不能为空', field: 'trainees.0.name' }).field).toBe('trainees.0.name');
  });
});

describe('agreement parts', () => {
  it('offers years from next year back to 2015 and reads only plausible years from the URL', () => {
    const ys = yearOptions(2026);
    expect(ys[0]).toEqual({ value: 2027, label: '2027 年' });
    expect(ys.at(-1)?.value).toBe(2015);
    expect(parseYear('2020')).toBe(2020);
    expect(parseYear('abc')).toBeUndefined();
    expect(parseYear('1999')).toBeUndefined();
  });

  it('writes the signatures and the side of the signed-in unit', () => {
    expect(signaturesText(agreement)).toBe('支援单位 2020-02-20 · 受援单位 未签');
    expect(sideOfOrg(agreement, 'r1')).toBe('受援单位');
    expect(sideOfOrg(agreement, 's1')).toBe('支援单位');
    expect(sideOfOrg(agreement, 'x')).toBeNull();
  });

  it('labels the agreement figures in Chinese, keeping the order', () => {
    const v = withAgreementFigureLabels(verdict('unmet', { year: 2020, supportSignedOn: null, filingRequired: '州（市）卫生健康委', copiesRequired: 2 }));
    expect(Object.keys(v.figures)).toEqual(['year', '支援单位签订日期', '备案机关', '要求备案份数']);
  });

  it('summarises lists and totals, and fills in the notice for a missing agreement', () => {
    expect(listSummary([], '项')).toBe('未填写');
    expect(listSummary(['无痛分娩'], '项')).toBe('无痛分娩');
    expect(listSummary(['无痛分娩', '腹腔镜', '复苏'], '项')).toBe('无痛分娩 等 3 项');
    expect(coverageTotals({ none: 8, draft: 1, signed: 0, filed: 1 }).map((t) => [t.label, t.value])).toEqual([
      ['未起草', 8], ['待双方签订', 1], ['已签订待备案', 0], ['已备案', 1],
    ]);
    const item: AgreementCoverage['items'][number] = {
      pairingId: 'p1', programmeName: 'x', policyCode: 'CX', recipientOrg: { id: 'r1', name: '双柏县人民医院' }, supportOrg: { id: 's1', name: '杨浦区中心医院' },
      agreementId: null, status: null, verdict: verdict('unmet'),
    };
    const url = new URL(noticeLinkOf(item, 2020), 'http://x');
    expect(url.pathname).toBe('/sanctions');
    expect(url.searchParams.get('new')).toBe('notice');
    expect(url.searchParams.get('orgIds')).toBe('s1,r1');
    expect(url.searchParams.get('summary')).toContain('2020 年度帮扶协议（目标责任书）尚未签订');
  });
});
