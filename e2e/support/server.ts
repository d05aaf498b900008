import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { inject } from 'vitest';

export const DEMO_PASSWORD = 'e2e-demo-pass-2026';
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface RunningServer { url: string; stop(opts?: { keepData?: boolean }): Promise<void> }

/**
 * Starts the built product on its own copy of the seeded demo folder (made once by global-setup.ts)
 * and a free port: every journey sees the same fresh demo and none sees another's changes.
 */
export async function startServer(): Promise<RunningServer> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'duikou-e2e-'));
  cpSync(inject('templateDataDir'), dataDir, { recursive: true });
  return launchServerProcess(dataDir);
}

/** Starts `apps/api/dist/main.js` (`npm run build` first) on `dataDir` and waits until it is healthy. */
export async function launchServerProcess(dataDir: string): Promise<RunningServer> {
  const main = path.join(root, 'apps/api/dist/main.js');
  if (!existsSync(main)) throw new Error('apps/api/dist/main.js is missing: run `npm run build` first');
  const port = 20000 + Math.floor(Math.random() * 20000);
  const child: ChildProcess = spawn(process.execPath, [main], {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, DUIKOU_DEMO_PASSWORD: DEMO_PASSWORD, LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d) => { out += d; });
  child.stderr!.on('data', (d) => { out += d; });
  const url = `http://127.0.0.1:${port}`;
  const until = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited: ${out}`);
    try {
      if ((await fetch(`${url}/api/health`)).ok) break;
    } catch { /* not up yet */ }
    if (Date.now() > until) throw new Error(`server did not start: ${out}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    url,
    async stop(opts = {}) {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
      if (!opts.keepData) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
