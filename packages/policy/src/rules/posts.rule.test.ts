import { describe, expect, it } from 'vitest';
import { CX_2018_POLICY, MY_2018_POLICY } from '../policies/index.js';
import type { PairingForm, Post, TeamRole, TitleLevel } from '../vocabulary.js';
import { evaluatePosts } from './posts.rule.js';

const run = (role: TeamRole | null, title: TitleLevel | null, heldPost: Post | null = null, form: PairingForm | null = 'standard', policy = CX_2018_POLICY) =>
  evaluatePosts({ policy, person: { id: 'p-1', role, title }, pairing: { id: 'pr-1', form }, heldPost });
const posts = (r: ReturnType<typeof run>) => r.allowed.map((o) => o.post);

describe('posts at the recipient (CX 二（五）)', () => {
  it.each([
    ['leader', 'intermediate', ['vice_president', 'department_head', 'deputy_department_head']],
    ['leader', 'junior', ['vice_president']],
    ['member', 'intermediate', ['department_head', 'deputy_department_head']],
    ['member', 'senior', ['department_head', 'deputy_department_head']],
    ['member', 'junior', []],
  ] as const)('a %s with a %s title may hold %j', (role, title, expected) => {
    expect(posts(run(role, title))).toEqual(expected);
  });

  it.each([
    ['leader', 'junior', 'vice_president', 'met'],
    ['member', 'associate_senior', 'vice_president', 'unmet'],
    ['member', 'junior', 'deputy_department_head', 'unmet'],
    ['member', null, 'department_head', 'unknown'],
    ['leader', 'senior', 'president', 'unmet'],
    ['member', 'junior', null, 'not_applicable'],
  ] as const)('a %s (%s) holding %s: %s', (role, title, held, status) => {
    expect(run(role, title, held).verdicts[0]).toMatchObject({ ruleId: 'posts', status });
  });

  it('explains the condition', () => {
    expect(run('member', 'junior', 'department_head').verdicts[0]!.explanation).toBe('任科主任，科主任须为中级及以上职称，不符合');
    expect(run('member', null).undetermined.map((o) => o.label)).toEqual(['科主任', '科副主任']);
  });
});

describe('posts under trusteeship (MY 二（四）)', () => {
  it.each([
    ['trusteeship', ['president', 'vice_president']], ['standard', []], ['medical_alliance', []],
  ] as const)('a %s pairing allows %j', (form, expected) => {
    expect(posts(run('member', 'intermediate', null, form, MY_2018_POLICY))).toEqual(expected);
  });

  it('does not guess the pairing form', () => {
    const r = run('member', 'intermediate', 'president', null, MY_2018_POLICY);
    expect(r.undetermined.map((o) => o.post)).toEqual(['president', 'vice_president']);
    expect(r.verdicts[0]!.status).toBe('unknown');
  });
});
