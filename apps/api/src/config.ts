import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

/** Debian's fonts-noto-cjk: the Simplified Chinese face of this collection prints the official forms (PDF). */
export const DEFAULT_CJK_FONT = '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc';

const bool = z.enum(['true', 'false', '1', '0', 'yes', 'no']).transform((v) => ['true', '1', 'yes'].includes(v));

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('127.0.0.1'),
  DATA_DIR: z.string().default('./data'),
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, { error: 'DATABASE_URL 须以 postgres:// 开头' }).optional(),
  DUIKOU_DEMO: bool.default(true),
  DUIKOU_DEMO_PASSWORD: z.string().min(8, { error: 'DUIKOU_DEMO_PASSWORD 至少 8 位' }).optional(),
  DUIKOU_ADMIN_PASSWORD: z.string().min(10, { error: 'DUIKOU_ADMIN_PASSWORD 至少 10 位' }).optional(),
  COOKIE_SECURE: bool.default(false),
  DUIKOU_DATA_KEY: z.string().refine((v) => Buffer.from(v, 'base64').length === 32, { error: 'DUIKOU_DATA_KEY 应为 32 字节密钥的 base64 编码' }).optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  WEB_DIST: z.string().optional(),
  DUIKOU_CJK_FONT: z.string().default(DEFAULT_CJK_FONT),
  // Notifications and reminders (docs/OPERATIONS.md).
  DUIKOU_REMINDER_INTERVAL_MINUTES: z.coerce.number({ error: 'DUIKOU_REMINDER_INTERVAL_MINUTES 应为分钟数' }).int().min(0).max(10080).default(60),
  DUIKOU_REMINDER_LEAD_DAYS: z.coerce.number({ error: 'DUIKOU_REMINDER_LEAD_DAYS 应为天数' }).int().min(0).max(60).default(7),
  DUIKOU_NOTIFY_CHANNEL: z.enum(['log', 'webhook', 'none'], { error: 'DUIKOU_NOTIFY_CHANNEL 须为 log、webhook 或 none' }).optional(),
  DUIKOU_NOTIFY_WEBHOOK_URL: z.url({ protocol: /^https?$/, error: 'DUIKOU_NOTIFY_WEBHOOK_URL 应为 http(s) 地址' }).optional(),
  DUIKOU_NOTIFY_WEBHOOK_TOKEN: z.string().optional(),
  DUIKOU_NOTIFY_WEBHOOK_TIMEOUT_MS: z.coerce.number({ error: 'DUIKOU_NOTIFY_WEBHOOK_TIMEOUT_MS 应为毫秒数' }).int().min(100).max(60000).default(5000),
});

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl?: string;
  demo: boolean;
  demoPassword?: string;
  adminPassword?: string;
  cookieSecure: boolean;
  /** 32-byte key for personal-data encryption; demo installations keep a generated one in the data folder. */
  dataKey?: Buffer;
  logLevel: string;
  webDist?: string;
  /** CJK font file for PDF forms (.ttc/.otc collection, .otf or .ttf); missing → those exports answer 503. */
  cjkFont?: string;
  /** Notifications and reminders; absent (as in tests) means no timer and the log channel. */
  notify?: NotifyConfig;
}

export interface NotifyConfig {
  /** Minutes between runs of the reminder job in this process; 0 turns the timer off. */
  reminderIntervalMinutes: number;
  /** Due dates within this many days are reminded of. */
  reminderLeadDays: number;
  /** Outbound channel: the server log (development), a webhook (SMS / WeChat / DingTalk / e-mail gateway), or none. */
  channel: 'log' | 'webhook' | 'none';
  webhookUrl?: string;
  /** Sent as `Authorization: Bearer …` when set. */
  webhookToken?: string;
  webhookTimeoutMs: number;
}

/** Reads the configuration from the environment; a bad value stops start-up with a message naming it. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // An empty variable (`DUIKOU_DEMO_PASSWORD=`) means unset, as in most tools.
  const set = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = envSchema.safeParse(set);
  if (!parsed.success) {
    const msg = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`配置错误 / invalid configuration: ${msg}`);
  }
  const e = parsed.data;
  if (e.DUIKOU_NOTIFY_CHANNEL === 'webhook' && !e.DUIKOU_NOTIFY_WEBHOOK_URL) {
    throw new Error('配置错误 / invalid configuration: DUIKOU_NOTIFY_WEBHOOK_URL: 选择 webhook 通道时必须设置');
  }
  return {
    port: e.PORT, host: e.HOST, dataDir: path.resolve(e.DATA_DIR), databaseUrl: e.DATABASE_URL,
    demo: e.DUIKOU_DEMO, demoPassword: e.DUIKOU_DEMO_PASSWORD, adminPassword: e.DUIKOU_ADMIN_PASSWORD,
    cookieSecure: e.COOKIE_SECURE, logLevel: e.LOG_LEVEL, webDist: e.WEB_DIST, cjkFont: e.DUIKOU_CJK_FONT,
    dataKey: e.DUIKOU_DATA_KEY ? Buffer.from(e.DUIKOU_DATA_KEY, 'base64') : undefined,
    notify: {
      reminderIntervalMinutes: e.DUIKOU_REMINDER_INTERVAL_MINUTES, reminderLeadDays: e.DUIKOU_REMINDER_LEAD_DAYS,
      // A webhook address alone chooses the webhook; naming a channel overrides.
      channel: e.DUIKOU_NOTIFY_CHANNEL ?? (e.DUIKOU_NOTIFY_WEBHOOK_URL ? 'webhook' : 'log'),
      webhookUrl: e.DUIKOU_NOTIFY_WEBHOOK_URL, webhookToken: e.DUIKOU_NOTIFY_WEBHOOK_TOKEN, webhookTimeoutMs: e.DUIKOU_NOTIFY_WEBHOOK_TIMEOUT_MS,
    },
  };
}

/**
 * The personal-data key: DUIKOU_DATA_KEY, or in demo mode a key generated once into DATA_DIR/data.key
 * (mode 0600). Outside demo mode there is no default: start-up stops and says so.
 */
export function resolveDataKey(config: Config): Buffer {
  if (config.dataKey) return config.dataKey;
  if (!config.demo) throw new Error('DUIKOU_DATA_KEY 未设置：生产环境须提供 32 字节密钥的 base64 编码（如 openssl rand -base64 32）');
  const file = path.join(config.dataDir, 'data.key');
  if (!existsSync(file)) {
    mkdirSync(config.dataDir, { recursive: true });
    writeFileSync(file, randomBytes(32).toString('base64'), { mode: 0o600, flag: 'wx' });
  }
  const key = Buffer.from(readFileSync(file, 'utf8').trim(), 'base64');
  if (key.length !== 32) throw new Error(`${file} 不是有效的 32 字节密钥`);
  return key;
}
