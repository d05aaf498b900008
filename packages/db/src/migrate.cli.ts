// Applies pending migrations to DATABASE_URL (a PostgreSQL server) and exits.
// The server applies them itself at start-up; this is for CI and for operators who migrate ahead.
import { openDatabase } from './client.js';

const url = process.env.DATABASE_URL;
if (!url) {
  console.error('DATABASE_URL 未设置：嵌入式数据库在服务启动时自动迁移，无需单独执行。');
  process.exit(2);
}
const database = await openDatabase({ url });
await database.close();
console.log('数据库迁移完成 / migrations applied');
