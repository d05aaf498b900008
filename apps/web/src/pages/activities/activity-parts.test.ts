import { describe, expect, it } from 'vitest';
import { attachmentTypeOf, createBodyOf, formatSize, missingMonths, participantsOf, updateBodyOf } from './activity-parts';

describe('attachments', () => {
  it('accepts PDF, images and Word up to 2 MB, by type or extension', () => {
    expect(attachmentTypeOf({ name: 'a.pdf', type: 'application/pdf', size: 10 })).toEqual({ type: 'application/pdf' });
    expect(attachmentTypeOf({ name: '截图.JPG', type: '', size: 10 })).toEqual({ type: 'image/jpeg' });
    expect(attachmentTypeOf({ name: 'x.docx', type: '', size: 10 })).toEqual({ type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' });
    expect(attachmentTypeOf({ name: 'x.doc', type: 'application/msword', size: 10 })).toHaveProperty('error');
    expect(attachmentTypeOf({ name: 'big.png', type: 'image/png', size: 3 * 1024 * 1024 })).toEqual({ error: '「big.png」超过 2 MB' });
    expect(attachmentTypeOf({ name: 'empty.png', type: 'image/png', size: 0 })).toHaveProperty('error');
  });

  it('formats sizes', () => {
    expect(formatSize(500)).toBe('500 B');
    expect(formatSize(2048)).toBe('2 KB');
    expect(formatSize(1.5 * 1024 * 1024)).toBe('1.5 MB');
  });
});

describe('bodies', () => {
  it('splits pasted names and drops repeats', () => {
    expect(participantsOf(['赵一、钱二，孙三', ' 赵一 ', ''])).toEqual(['赵一', '钱二', '孙三']);
  });

  it('sends a channel only for remote guidance, and the count only when given', () => {
    expect(createBodyOf({ kind: 'teaching_rounds', channel: 'wechat', date: '2026-07-08', participants: ['赵一'], participantCount: null, content: ' 查房 ' }, [])).toEqual({
      kind: 'teaching_rounds', date: '2026-07-08', participants: ['赵一'], content: '查房', attachments: [],
    });
    expect(createBodyOf({ assignmentId: 'a1', kind: 'remote_guidance', channel: 'video', date: '2026-08-10', participantCount: 12, content: '点评' }, [])).toEqual({
      assignmentId: 'a1', kind: 'remote_guidance', channel: 'video', date: '2026-08-10', participants: [], participantCount: 12, content: '点评', attachments: [],
    });
    expect(updateBodyOf({ date: '2026-08-11', channel: 'wechat', participants: ['钱二'], content: '改' }, 'case_analysis')).toEqual({
      date: '2026-08-11', participants: ['钱二'], content: '改',
    });
  });

  it('lists the months lacking guidance', () => {
    expect(missingMonths([
      { month: '2026-09', offSiteWorkingDays: 20, guidanceRecords: 1, status: 'ok' },
      { month: '2026-10', offSiteWorkingDays: 18, guidanceRecords: 0, status: 'missing' },
      { month: '2026-11', offSiteWorkingDays: 10, guidanceRecords: 0, status: 'pending' },
    ])).toEqual(['2026-10']);
  });
});
