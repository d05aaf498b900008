import { Tag } from 'antd';

export const ArchivedTag = ({ archived }: { archived: boolean }) => (archived ? <Tag color="default" style={{ marginInlineStart: 6 }}>已归档</Tag> : null);
