import type { FastifyBaseLogger } from 'fastify';
import type { NotifyConfig } from '../../config.js';

/** What leaves the system about one notification: enough for an SMS, a WeChat/DingTalk card or an e-mail. */
export interface OutboundMessage {
  notificationId: string;
  kind: string;
  title: string;
  body: string | null;
  /** A path of the web app; gateways prefix it with the public address. */
  link: string | null;
  createdAt: string;
  recipient: { userId: string; username: string; displayName: string; role: string; orgName: string };
}

/**
 * A way out of the system (SMS, WeChat, DingTalk, e-mail…). `send` resolves when the message was
 * handed over and rejects with a reason otherwise; the caller records the delivery either way.
 */
export interface OutboundChannel {
  readonly name: string;
  send(message: OutboundMessage): Promise<void>;
}

/**
 * Development default: the server log records that a message would go out, not its text (titles
 * carry names and leave dates; logs are kept longer and read by more people than the inbox).
 */
export function createLoggingChannel(log: Pick<FastifyBaseLogger, 'info'>): OutboundChannel {
  return {
    name: 'log',
    async send(message) {
      log.info({ notificationId: message.notificationId, kind: message.kind, userId: message.recipient.userId }, `通知 → ${message.recipient.username}（${message.kind}）`);
    },
  };
}

/**
 * Production: POSTs the message as JSON to DUIKOU_NOTIFY_WEBHOOK_URL, where a gateway turns it into
 * an SMS, a WeChat or DingTalk message or an e-mail. Anything but a 2xx within the timeout is a failure.
 */
export function createWebhookChannel(opts: { url: string; token?: string | undefined; timeoutMs: number }): OutboundChannel {
  return {
    name: 'webhook',
    async send(message) {
      let res: Response;
      try {
        res = await fetch(opts.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...(opts.token ? { authorization: `Bearer ${opts.token}` } : {}) },
          body: JSON.stringify({ type: 'duikou.notification', ...message }),
          signal: AbortSignal.timeout(opts.timeoutMs),
        });
      } catch (err) {
        const e = err as Error;
        throw new Error(e.name === 'TimeoutError' ? `网关 ${opts.timeoutMs} 毫秒内未响应` : `无法连接网关：${e.message}`);
      }
      // Drain the body so the connection is released.
      const text = await res.text().catch(() => '');
      if (!res.ok) throw new Error(`网关返回 HTTP ${res.status}${text ? `：${text.slice(0, 200)}` : ''}`);
    },
  };
}

/** The channel the configuration chooses; null when outbound delivery is off. */
export function createOutboundChannel(config: NotifyConfig | undefined, log: Pick<FastifyBaseLogger, 'info'>): OutboundChannel | null {
  const channel = config?.channel ?? 'log';
  if (channel === 'none') return null;
  if (channel === 'webhook' && config?.webhookUrl) {
    return createWebhookChannel({ url: config.webhookUrl, token: config.webhookToken, timeoutMs: config.webhookTimeoutMs });
  }
  return createLoggingChannel(log);
}
