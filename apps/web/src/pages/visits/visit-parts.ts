import dayjs, { type Dayjs } from 'dayjs';
import type { Visit, VisitCreate, VisitUpdate } from '@duikou/contracts';

export interface VisitFormValues {
  pairingId?: string;
  supportOrgId?: string;
  date?: Dayjs;
  leaderName?: string;
  leaderPost?: string;
  ledByLeadership?: boolean;
  participants?: string;
  content?: string;
}

const trimmed = (s: string | undefined | null): string => (s ?? '').trim();

/** A new visit as the API takes it; empty optional texts are left out. */
export function toVisitCreate(v: VisitFormValues, withSupportOrg: boolean): VisitCreate {
  const leaderPost = trimmed(v.leaderPost);
  const participants = trimmed(v.participants);
  return {
    pairingId: v.pairingId ?? '',
    ...(withSupportOrg && v.supportOrgId ? { supportOrgId: v.supportOrgId } : {}),
    date: (v.date ?? dayjs()).format('YYYY-MM-DD'),
    leaderName: trimmed(v.leaderName),
    ...(leaderPost ? { leaderPost } : {}),
    ledByLeadership: v.ledByLeadership ?? false,
    ...(participants ? { participants } : {}),
    content: trimmed(v.content),
  };
}

/** Every field of an edit; an emptied optional text goes as '' so the API clears it. */
export function toVisitUpdate(v: VisitFormValues): VisitUpdate {
  return {
    date: (v.date ?? dayjs()).format('YYYY-MM-DD'),
    leaderName: trimmed(v.leaderName),
    leaderPost: trimmed(v.leaderPost),
    ledByLeadership: v.ledByLeadership ?? false,
    participants: trimmed(v.participants),
    content: trimmed(v.content),
  };
}

export function toVisitForm(v: Visit): VisitFormValues {
  return {
    pairingId: v.pairingId, supportOrgId: v.supportOrg.id, date: dayjs(v.date), leaderName: v.leaderName, leaderPost: v.leaderPost ?? '',
    ledByLeadership: v.ledByLeadership, participants: v.participants ?? '', content: v.content,
  };
}

/** 「1 / 2 次」 and whether it reaches the requirement (no requirement known: just the count). */
export function progressOf(done: number, required: unknown): { text: string; reached: boolean | null } {
  if (typeof required !== 'number') return { text: `${done} 次`, reached: null };
  return { text: `${done} / ${required} 次`, reached: done >= required };
}

/** 「张院长（院长）」 */
export const leaderText = (v: Pick<Visit, 'leaderName' | 'leaderPost'>): string => (v.leaderPost ? `${v.leaderName}（${v.leaderPost}）` : v.leaderName);
