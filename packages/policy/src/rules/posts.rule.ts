import { citeParameter, type Policy } from '../policy.schema.js';
import { makeVerdict, notInPolicy, type Verdict } from '../verdict.js';
import {
  PAIRING_FORM_LABELS, POST_LABELS, TEAM_ROLE_LABELS, TITLE_LEVEL_LABELS, isTitleAtLeast,
  type PairingForm, type Post, type TeamRole, type TitleLevel,
} from '../vocabulary.js';

export interface PostsInput {
  policy: Policy;
  person: { id: string; title: TitleLevel | null; role: TeamRole | null };
  pairing: { id: string; form: PairingForm | null };
  /** The post the person holds or is proposed for, if any. */
  heldPost: Post | null;
}

export interface PostOption { post: Post; label: string }

export interface PostsEvaluation {
  /** Posts the person may hold at the recipient. */
  allowed: PostOption[];
  /** Posts whose conditions cannot be checked because a fact is missing. */
  undetermined: PostOption[];
  verdicts: Verdict[];
}

/**
 * Posts a dispatched person may hold at the recipient.
 * - 楚卫通〔2018〕43号 二（五）: the team leader may be appointed 副院长; members with an intermediate
 *   title or above may head or deputy-head a department (科主任、科副主任).
 * - 绵阳“传帮带”通知 二（四）: under trusteeship (托管) support staff may be 院长 or 副院长.
 */
export function evaluatePosts({ policy, person, pairing, heldPost }: PostsInput): PostsEvaluation {
  const param = policy.parameters.postAppointments;
  if (!param) return { allowed: [], undetermined: [], verdicts: [notInPolicy('posts', policy.name)] };
  const allowed: PostOption[] = [];
  const undetermined: PostOption[] = [];
  const reasons = new Map<Post, string>();
  for (const { post, requires } of param.value) {
    const option = { post, label: POST_LABELS[post] };
    const conditions: (boolean | null)[] = [];
    const words: string[] = [];
    if (requires.role) {
      conditions.push(person.role === null ? null : person.role === requires.role);
      words.push(TEAM_ROLE_LABELS[requires.role]);
    }
    if (requires.minTitle) {
      conditions.push(person.title === null ? null : isTitleAtLeast(person.title, requires.minTitle));
      words.push(`${TITLE_LEVEL_LABELS[requires.minTitle]}及以上职称`);
    }
    if (requires.pairingForms) {
      conditions.push(pairing.form === null ? null : requires.pairingForms.includes(pairing.form));
      words.push(`${requires.pairingForms.map((f) => PAIRING_FORM_LABELS[f]).join('或')}关系`);
    }
    reasons.set(post, words.join('、'));
    if (conditions.includes(false)) continue;
    (conditions.includes(null) ? undetermined : allowed).push(option);
  }
  const citation = citeParameter(param);
  const evidence = [person.id, pairing.id];
  const figures = { allowed: allowed.map((o) => o.label).join('、') || null, heldPost: heldPost ? POST_LABELS[heldPost] : null };
  const list = allowed.length ? `可任${figures.allowed}` : '不具备任职条件';
  let verdict: Verdict;
  if (heldPost === null) {
    verdict = makeVerdict('posts', { status: 'not_applicable', explanation: `未在受援单位任职；${list}`, figures, evidence, citation });
  } else if (!reasons.has(heldPost)) {
    verdict = makeVerdict('posts', { status: 'unmet', explanation: `任${POST_LABELS[heldPost]}，${policy.name}未规定可聘任该职务`, figures, evidence, citation });
  } else {
    const held = POST_LABELS[heldPost];
    const need = `${held}须为${reasons.get(heldPost)}`;
    verdict = allowed.some((o) => o.post === heldPost)
      ? makeVerdict('posts', { status: 'met', explanation: `任${held}，${need}，符合`, figures, evidence, citation })
      : undetermined.some((o) => o.post === heldPost)
        ? makeVerdict('posts', { status: 'unknown', explanation: `任${held}，${need}，相关信息未登记`, figures, evidence, citation })
        : makeVerdict('posts', { status: 'unmet', explanation: `任${held}，${need}，不符合`, figures, evidence, citation });
  }
  return { allowed, undetermined, verdicts: [verdict] };
}
