import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { DataDirLockedError, ensureAdmin, isDemoSeeded, lockDataDir, openDatabase, seedCalendar, seedDemoData, seedShippedPolicies } from '@duikou/db';
import { shippedPolicySeeds } from './modules/policies/policies.seed.js';
import { seedDemoActivity } from './demo/demo-activity.js';
import { buildApp } from './app.js';
import { loadConfig, resolveDataKey } from './config.js';
import { createFieldCipher } from './core/crypto.js';
import { hashPassword } from './core/password.js';

/** Starts Duikou: lock the data folder, open and migrate the database, seed demo data once, serve. */
async function start(): Promise<void> {
  const config = loadConfig();
  let unlock: (() => Promise<void>) | undefined;
  if (!config.databaseUrl) unlock = await lockDataDir(config.dataDir);
  const database = await openDatabase(config.databaseUrl ? { url: config.databaseUrl } : { dataDir: path.join(config.dataDir, 'pglite') });
  const notes: string[] = [];
  const calendarYears = await seedCalendar(database.db);
  if (calendarYears.length) notes.push(`已载入节假日日历：${calendarYears[0]}–${calendarYears[calendarYears.length - 1]} 年`);
  const policies = await seedShippedPolicies(database.db, shippedPolicySeeds());
  if (policies.length) notes.push(`已载入预置政策：${policies.join('、')}`);
  const cipher = createFieldCipher(resolveDataKey(config));
  if (config.demo) {
    if (!(await isDemoSeeded(database.db))) {
      const password = config.demoPassword ?? randomBytes(9).toString('base64url');
      const { usernames } = await seedDemoData(database.db, { hashPassword, demoPassword: password });
      const activity = await seedDemoActivity(database.db, cipher, new Date());
      notes.push(`已载入演示数据（楚雄、绵阳两份通知的区划、机构、项目与对口关系；2018—2020 年 ${activity.persons} 名派驻人员、${activity.assignments} 条派驻、${activity.attendanceDays} 条考勤）。演示账号：${usernames.join(', ')}`);
      notes.push(config.demoPassword ? '演示账号密码：DUIKOU_DEMO_PASSWORD 的值' : `演示账号密码（仅显示这一次，请记下）：${password}`);
    }
  } else if (config.adminPassword && (await ensureAdmin(database.db, { hashPassword, password: config.adminPassword }))) {
    notes.push('已创建管理员账号 admin（密码为 DUIKOU_ADMIN_PASSWORD 的值）。');
  }
  const app = await buildApp({ database, config, cipher });
  const shutdown = async (signal: string) => {
    app.log.info(`${signal}：正在停止`);
    await app.close();
    await database.close();
    await unlock?.();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  await app.listen({ port: config.port, host: config.host });
  const shownHost = config.host === '0.0.0.0' ? '127.0.0.1' : config.host;
  const url = `http://${shownHost}:${config.port}`;
  console.log([
    '',
    'Duikou 对口支援帮扶管理平台 已启动',
    `  打开 / open:  ${url}`,
    `  API 文档:     ${url}/api/docs   (OpenAPI: ${url}/api/openapi.json)`,
    `  数据库:       ${database.kind === 'pglite' ? `嵌入式 PGlite（${path.join(config.dataDir, 'pglite')}）` : 'PostgreSQL（DATABASE_URL）'}`,
    ...notes.map((n) => `  ${n}`),
    '',
  ].join('\n'));
}

start().catch((err: unknown) => {
  if (err instanceof DataDirLockedError) {
    console.error(err.message);
    process.exit(2);
  }
  console.error('启动失败 / start-up failed:', err instanceof Error ? err.message : err);
  process.exit(1);
});
