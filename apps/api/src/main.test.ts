import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const main = path.join(path.dirname(fileURLToPath(import.meta.url)), 'main.ts');

function startServer(env: Record<string, string>): { child: ChildProcess; output: () => string; exited: Promise<number | null> } {
  const child = spawn(process.execPath, ['--import', 'tsx', main], {
    env: { ...process.env, LOG_LEVEL: 'warn', HOST: '127.0.0.1', ...env }, stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d) => { out += d; });
  child.stderr!.on('data', (d) => { out += d; });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => out, exited };
}

async function waitFor(check: () => boolean, ms: number): Promise<void> {
  const until = Date.now() + ms;
  while (!check()) {
    if (Date.now() > until) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('server process on the embedded database', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'duikou-main-'));
  const children: ChildProcess[] = [];
  afterAll(() => {
    for (const c of children) c.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('seeds demo data on first start, prints the generated password once, and locks its data folder', async () => {
    const port = String(30000 + Math.floor(Math.random() * 20000));
    const first = startServer({ DATA_DIR: dataDir, PORT: port, DUIKOU_DEMO_PASSWORD: '' });
    children.push(first.child);
    await waitFor(() => first.output().includes('已启动') || first.child.exitCode !== null, 60_000);
    expect(first.output()).toContain(`http://127.0.0.1:${port}`);
    const password = first.output().match(/演示账号密码（仅显示这一次，请记下）：(\S+)/)?.[1];
    expect(password).toBeTruthy();
    const login = await fetch(`http://127.0.0.1:${port}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'cx-office', password }) });
    expect(login.status).toBe(200);

    const second = startServer({ DATA_DIR: dataDir, PORT: String(Number(port) + 1) });
    children.push(second.child);
    expect(await second.exited).toBe(2);
    expect(second.output()).toContain('正被另一个 Duikou 进程使用');
    // The first server is untouched by the refused second one.
    expect((await (await fetch(`http://127.0.0.1:${port}/api/health`)).json())).toEqual({ status: 'ok', database: 'pglite' });

    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);
    // A restart reuses the data and does not seed or print a password again.
    const again = startServer({ DATA_DIR: dataDir, PORT: port });
    children.push(again.child);
    await waitFor(() => again.output().includes('已启动') || again.child.exitCode !== null, 60_000);
    expect(again.output()).not.toContain('演示账号密码');
    const relogin = await fetch(`http://127.0.0.1:${port}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'cx-office', password }) });
    expect(relogin.status).toBe(200);
    again.child.kill('SIGTERM');
    await again.exited;
  }, 120_000);
});
