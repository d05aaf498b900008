import { Tag, Tooltip } from 'antd';
import {
  ACTIVITY_KIND_LABELS, ACTIVITY_KINDS, ATTACHMENT_MAX_BYTES, ATTACHMENT_TYPES, REMOTE_CHANNEL_LABELS, settingOfActivity, type Activity, type ActivityCreate,
  type ActivityKind, type ActivityUpdate, type AttachmentInput, type OffSiteGuidance, type RemoteChannel,
} from '@duikou/contracts';

export type AttachmentType = AttachmentInput['type'];
type GuidanceMonth = OffSiteGuidance['items'][number]['months'][number];

/** Short names for tags and selects (the contract's remote label carries its explanation). */
export const KIND_SHORT_LABELS: Record<ActivityKind, string> = { ...ACTIVITY_KIND_LABELS, remote_guidance: '远程指导' };

/** Grouped for the select: on site first, then off site. */
export const KIND_OPTIONS = [
  { label: '驻点（线下）', title: '驻点', options: ACTIVITY_KINDS.filter((k) => settingOfActivity(k) === 'on_site').map((k) => ({ value: k, label: ACTIVITY_KIND_LABELS[k] })) },
  { label: '不驻点（线上）', title: '不驻点', options: [{ value: 'remote_guidance', label: ACTIVITY_KIND_LABELS.remote_guidance }] },
];
export const CHANNEL_OPTIONS = (Object.keys(REMOTE_CHANNEL_LABELS) as RemoteChannel[]).map((c) => ({ value: c, label: REMOTE_CHANNEL_LABELS[c] }));

export function KindTag({ activity }: { activity: Pick<Activity, 'kind' | 'channel'> }) {
  const remote = activity.kind === 'remote_guidance';
  return (
    <Tag color={remote ? 'purple' : 'blue'} style={{ marginInlineEnd: 0 }}>
      {KIND_SHORT_LABELS[activity.kind]}{remote && activity.channel ? ` · ${REMOTE_CHANNEL_LABELS[activity.channel]}` : ''}
    </Tag>
  );
}

const MIME_TYPES: Record<string, AttachmentType> = {
  'application/pdf': 'application/pdf', 'image/jpeg': 'image/jpeg', 'image/jpg': 'image/jpeg', 'image/png': 'image/png',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};
const EXT_TYPES: Record<string, AttachmentType> = {
  pdf: 'application/pdf', jpg: 'image/jpeg', jpeg: 'image/jpeg', png: 'image/png', docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};
export const ATTACHMENT_ACCEPT = `.pdf,.jpg,.jpeg,.png,.docx,${ATTACHMENT_TYPES.join(',')}`;

/** PDF, JPG, PNG or Word (.docx) up to 2 MB, or why the server would refuse it. */
export function attachmentTypeOf(file: { name: string; type: string; size: number }): { type: AttachmentType } | { error: string } {
  const type = MIME_TYPES[file.type] ?? EXT_TYPES[file.name.split('.').pop()?.toLowerCase() ?? ''];
  if (!type) return { error: `「${file.name}」不是 PDF、JPG、PNG 或 Word（.docx）文件` };
  if (file.size === 0) return { error: `「${file.name}」内容为空` };
  if (file.size > ATTACHMENT_MAX_BYTES) return { error: `「${file.name}」超过 2 MB` };
  return { type };
}

/** The file's bytes as base64, without the data: prefix. */
export function readBase64(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(new Error('读取附件失败，请重新选择文件'));
    reader.readAsDataURL(file);
  });
}

export const formatSize = (bytes: number): string =>
  bytes < 1024 ? `${bytes} B` : bytes < 1024 * 1024 ? `${(bytes / 1024).toFixed(0)} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** Names typed or pasted as 「赵一、钱二，孙三」: trimmed, split, without repeats. */
export function participantsOf(values: readonly string[] | undefined): string[] {
  const out: string[] = [];
  for (const v of values ?? []) {
    for (const name of v.split(/[,，、;；\s]+/)) {
      const n = name.trim();
      if (n && !out.includes(n)) out.push(n);
    }
  }
  return out;
}

export interface ActivityFormValues {
  assignmentId?: string;
  kind?: ActivityKind;
  channel?: RemoteChannel;
  date?: string;
  participants?: string[];
  participantCount?: number | null;
  content?: string;
}

/** The body of a new record: a channel only for remote guidance; the count only when given. */
export function createBodyOf(v: ActivityFormValues, attachments: AttachmentInput[]): ActivityCreate {
  const remote = v.kind === 'remote_guidance';
  return {
    ...(v.assignmentId ? { assignmentId: v.assignmentId } : {}),
    kind: v.kind!,
    date: v.date!,
    ...(remote && v.channel ? { channel: v.channel } : {}),
    participants: participantsOf(v.participants),
    ...(typeof v.participantCount === 'number' ? { participantCount: v.participantCount } : {}),
    content: (v.content ?? '').trim(),
    attachments,
  };
}

/** The body of a correction: kind and attachments are fixed once recorded. */
export function updateBodyOf(v: ActivityFormValues, kind: ActivityKind): ActivityUpdate {
  return {
    date: v.date,
    ...(kind === 'remote_guidance' && v.channel ? { channel: v.channel } : {}),
    participants: participantsOf(v.participants),
    ...(typeof v.participantCount === 'number' ? { participantCount: v.participantCount } : {}),
    content: (v.content ?? '').trim(),
  };
}

export const MONTH_STATUS: Record<GuidanceMonth['status'], { color: string; label: string }> = {
  ok: { color: 'green', label: '有记录' },
  missing: { color: 'red', label: '缺记录' },
  pending: { color: 'blue', label: '本月进行中' },
};

/** One month of a person's term with working days off site: how many days, how many guidance records. */
export function MonthChip({ m }: { m: GuidanceMonth }) {
  const s = MONTH_STATUS[m.status];
  return (
    <Tooltip title={`${m.month}：不驻点工作日 ${m.offSiteWorkingDays} 天，远程指导记录 ${m.guidanceRecords} 条（${s.label}）`}>
      <Tag color={s.color} className="dk-act-month">
        {m.month} · {m.status === 'missing' ? '缺记录' : `${m.guidanceRecords} 条`}
      </Tag>
    </Tooltip>
  );
}

/** Months without a record, for the summary line: 「2026-10、2026-12」. */
export const missingMonths = (months: readonly GuidanceMonth[]): string[] => months.filter((m) => m.status === 'missing').map((m) => m.month);
