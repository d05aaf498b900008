import { useState } from 'react';
import { App as AntApp, Button, Popconfirm, Space } from 'antd';
import { DeleteOutlined, EditOutlined, UndoOutlined } from '@ant-design/icons';
import type { RemoveResult } from '@duikou/contracts';
import { errorMessage } from '../api/http-client';

export interface RecordActionsProps {
  /** 机构, 项目 … used in the sentences. */
  what: string;
  /** What may refer to this record (shown in the confirmation), e.g. 「对口关系」. */
  referencedBy: string;
  archived: boolean;
  onEdit?: () => void;
  remove: () => Promise<RemoveResult>;
  restore?: () => Promise<unknown>;
  /** Called after a successful remove/restore (refresh lists, leave a detail page …). */
  onDone: (what: 'deleted' | 'archived' | 'restored') => void;
  size?: 'small' | 'middle';
  /** Icon-only buttons (phones). */
  compact?: boolean;
}

/** 编辑 / 归档或删除 / 恢复, with the explanation that a referenced record is archived instead of deleted. */
export function RecordActions({ what, referencedBy, archived, onEdit, remove, restore, onDone, size = 'small', compact = false }: RecordActionsProps) {
  const { message } = AntApp.useApp();
  const [busy, setBusy] = useState<'remove' | 'restore' | null>(null);

  const doRemove = async () => {
    setBusy('remove');
    try {
      const { result } = await remove();
      message.success(result === 'deleted' ? `已删除该${what}` : `该${what}已被${referencedBy}引用，已改为归档（可随时恢复）`);
      onDone(result);
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setBusy(null);
    }
  };

  const doRestore = async () => {
    if (!restore) return;
    setBusy('restore');
    try {
      await restore();
      message.success(`已恢复该${what}`);
      onDone('restored');
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setBusy(null);
    }
  };

  if (archived) {
    if (!restore) return null;
    return (
      <Button size={size} type="link" icon={<UndoOutlined />} loading={busy === 'restore'} onClick={() => void doRestore()} style={{ paddingInline: 4 }} aria-label="恢复">
        {!compact && '恢复'}
      </Button>
    );
  }
  return (
    <Space size={0} wrap={false}>
      {onEdit && (
        <Button size={size} type="link" icon={<EditOutlined />} onClick={onEdit} style={{ paddingInline: 4 }} aria-label="编辑">
          {!compact && '编辑'}
        </Button>
      )}
      <Popconfirm
        title={`归档或删除该${what}？`}
        description={
          <div style={{ maxWidth: 280 }}>
            若该{what}已被{referencedBy}引用，将改为<b>归档</b>（不再出现在列表中，可随时恢复）；否则将<b>永久删除</b>。
          </div>
        }
        okText="确定"
        cancelText="取消"
        okButtonProps={{ danger: true }}
        onConfirm={() => doRemove()}
      >
        <Button size={size} type="link" danger icon={<DeleteOutlined />} loading={busy === 'remove'} style={{ paddingInline: 4 }} aria-label="归档或删除">
          {!compact && '归档或删除'}
        </Button>
      </Popconfirm>
    </Space>
  );
}
