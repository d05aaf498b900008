import { describe, expect, it } from 'vitest';
import { formFieldOfError, toDocument, toFormValues } from './policy-edit.form';

const document = {
  id: 'cx-2018', code: 'CX', version: 2, name: '楚雄', effectiveFrom: '2018-06-01',
  notice: { number: '楚卫通〔2018〕43号', title: '通知', issuer: '楚雄州卫生计生委', issuedOn: '2018-06-01' },
  parameters: {
    termMonths: { value: 12, source: { document: '楚卫通〔2018〕43号', clause: '二（一）', quote: '原则上为 1 年' } },
    pairingPeriod: null,
    staffingMinimum: { value: { basis: 'fixed', general: 5, tcmRecipient: 3 }, source: { document: '楚卫通〔2018〕43号', clause: '二（一）' }, note: '按年计' },
    programmeDeadlines: [{ value: { key: 'a', label: 'A', date: '2018-06-07' }, source: { document: 'D', clause: '三' } }],
  },
};
const keys = Object.keys(document.parameters);

describe('policy edit form', () => {
  it('round-trips a document unchanged', () => {
    const values = toFormValues(document, '楚雄', null);
    expect(values.params.termMonths).toMatchObject({ present: true, value: '12', clause: '二（一）', quote: '原则上为 1 年' });
    expect(values.params.pairingPeriod).toMatchObject({ present: false, document: '楚卫通〔2018〕43号' });
    expect(values.params.mentorship?.present).toBe(false);
    const back = toDocument(document, values);
    expect(back).toEqual({ ...document, parameters: { ...document.parameters, ...Object.fromEntries(Object.keys(values.params).filter((k) => !(k in document.parameters)).map((k) => [k, null])) } });
  });

  it('writes edited values, citations and absent parameters', () => {
    const values = toFormValues(document, '楚雄', null);
    values.name = ' 新名称 ';
    values.params.termMonths = { present: true, value: '6', document: '新文件', clause: '一', quote: '', note: ' 半年 ' };
    values.params.staffingMinimum = { present: false };
    const back = toDocument(document, values) as { name: string; parameters: Record<string, unknown> };
    expect(back.name).toBe('新名称');
    expect(back.parameters.termMonths).toEqual({ value: 6, source: { document: '新文件', clause: '一' }, note: '半年' });
    expect(back.parameters.staffingMinimum).toBeNull();
    values.params.termMonths = { present: true, value: '{oops' };
    expect(() => toDocument(document, values)).toThrow();
  });

  it('puts each API error field on the form field it concerns', () => {
    expect(formFieldOfError('document.parameters.termMonths.value', keys)).toEqual({ name: ['params', 'termMonths', 'value'], prefix: '', parameter: 'termMonths' });
    expect(formFieldOfError('document.parameters.staffingMinimum.value.general', keys)).toEqual({ name: ['params', 'staffingMinimum', 'value'], prefix: '一般受援单位', parameter: 'staffingMinimum' });
    expect(formFieldOfError('document.parameters.staffingMinimum.source.clause', keys)).toEqual({ name: ['params', 'staffingMinimum', 'clause'], prefix: '', parameter: 'staffingMinimum' });
    expect(formFieldOfError('document.parameters.programmeDeadlines.0.value.date', keys)).toEqual({ name: ['params', 'programmeDeadlines', 'value'], prefix: '第 1 项 › 日期', parameter: 'programmeDeadlines' });
    expect(formFieldOfError('document.notice.title', keys)).toEqual({ name: ['notice', 'title'], prefix: '' });
    expect(formFieldOfError('name', keys)).toEqual({ name: ['name'], prefix: '' });
    expect(formFieldOfError('document.parameters.somethingElse.value', keys)).toBeNull();
    expect(formFieldOfError('document.code', keys)).toBeNull();
  });
});
