import { useState } from 'react';
import { App as AntApp, Button } from 'antd';
import { FileImageOutlined, FileOutlined, FilePdfOutlined, FileWordOutlined } from '@ant-design/icons';
import type { Activity } from '@duikou/contracts';
import { activitiesApi } from '../../api/activities.endpoints';
import { errorMessage } from '../../api/http-client';
import { formatSize } from './activity-parts';

const iconOf = (type: string) =>
  type === 'application/pdf' ? <FilePdfOutlined /> : type.startsWith('image/') ? <FileImageOutlined /> : type.includes('word') ? <FileWordOutlined /> : <FileOutlined />;

/** A record's attachments as download buttons (GET /api/activity-attachments/:id through fetch, so errors show). */
export function AttachmentLinks({ attachments }: { attachments: Activity['attachments'] }) {
  const { message } = AntApp.useApp();
  const [busy, setBusy] = useState<string | null>(null);
  const fetchFile = async (a: Activity['attachments'][number]) => {
    setBusy(a.id);
    try {
      await activitiesApi.downloadAttachment(a.id, a.name);
    } catch (e) {
      message.error(`下载「${a.name}」失败：${errorMessage(e)}`);
    } finally {
      setBusy(null);
    }
  };
  return (
    <div className="dk-act-files">
      {attachments.map((a) => (
        <Button
          key={a.id}
          size="small"
          type="link"
          icon={iconOf(a.type)}
          loading={busy === a.id}
          onClick={(e) => { e.stopPropagation(); void fetchFile(a); }}
          title={`下载 ${a.name}（${formatSize(a.size)}）`}
          className="dk-act-file"
        >
          <span className="dk-act-file-name">{a.name}</span>
        </Button>
      ))}
    </div>
  );
}
