import { assertIsoDate } from '../calendar/dates.js';
import { citeParameter, type Policy } from '../policy.schema.js';
import { makeVerdict, notInPolicy, type Verdict } from '../verdict.js';
import { PARTY_LABELS } from '../vocabulary.js';

export interface AnnualAgreementFact {
  id: string;
  /** Dates each side signed; null: not yet signed. */
  supportSignedOn: string | null;
  recipientSignedOn: string | null;
  /** Date the signed copies were filed with the office; null: not filed. */
  filedOn: string | null;
}

export interface AnnualAgreementInput {
  policy: Policy;
  today: string;
  year: number;
  pairingId: string;
  supportUnitId: string;
  /** The year's agreement of this support unit with the recipient, if any was drafted. */
  agreement: AnnualAgreementFact | null;
}

/**
 * 楚卫通〔2018〕43号 三（二）（五）: support and recipient hospitals sign an annual agreement / target
 * responsibility letter naming departments, technologies and persons to train; two signed copies are
 * filed with the prefecture office. 绵阳“传帮带”通知 五: the signing of 对口支援协议 is supervised.
 * The notices set no date within the year: a year under way without a signed (and, where required,
 * filed) agreement is `at_risk`, an ended one `unmet`.
 */
export function evaluateAnnualAgreement({ policy, today, year, pairingId, supportUnitId, agreement }: AnnualAgreementInput): Verdict {
  assertIsoDate(today);
  const param = policy.parameters.annualAgreement;
  if (!param || !param.value.required) return notInPolicy('annual-agreement', policy.name);
  const citation = citeParameter(param);
  const { filedWith, copiesFiled } = param.value;
  const office = filedWith ? PARTY_LABELS[filedWith] : null;
  const figures = {
    year, supportSignedOn: agreement?.supportSignedOn ?? null, recipientSignedOn: agreement?.recipientSignedOn ?? null,
    filedOn: agreement?.filedOn ?? null, filingRequired: office, copiesRequired: copiesFiled,
  };
  const evidence = [pairingId, supportUnitId, ...(agreement ? [agreement.id] : [])];
  if (today < `${year}-01-01`) {
    return makeVerdict('annual-agreement', { status: 'not_applicable', explanation: `${year} 年尚未开始`, figures, evidence, citation });
  }
  const ended = today > `${year}-12-31`;
  const short = (what: string) => makeVerdict('annual-agreement', {
    status: ended ? 'unmet' : 'at_risk', explanation: `${year} 年度帮扶协议${what}${ended ? '，该年度已结束' : ''}`, figures, evidence, citation,
  });
  if (!agreement) return short('尚未起草');
  const unsigned = [agreement.supportSignedOn ? null : '支援医院', agreement.recipientSignedOn ? null : '受援医院'].filter(Boolean);
  if (unsigned.length) return short(`尚待${unsigned.join('、')}签订`);
  const signed = `双方已签订（支援医院 ${agreement.supportSignedOn}，受援医院 ${agreement.recipientSignedOn}）`;
  if (office && !agreement.filedOn) return short(`${signed}，尚未${copiesFiled ? `一式 ${copiesFiled} 份` : ''}报${office}备案`);
  const filed = agreement.filedOn ? `，${agreement.filedOn} 已备案` : '';
  return makeVerdict('annual-agreement', { status: 'met', explanation: `${year} 年度帮扶协议${signed}${filed}`, figures, evidence, citation });
}
