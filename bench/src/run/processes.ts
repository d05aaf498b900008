import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';

export interface RunningProcess {
  url: string;
  pid: number;
  /** Milliseconds from spawn to the first healthy answer. */
  startMs: number;
  output(): string;
  stop(): Promise<void>;
}

/** A free TCP port on the loopback interface. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

/**
 * Starts `node <script>` with `env` on a free port and waits until `healthPath` answers 200, polling
 * every 20 ms: the time returned is what an operator waits for after `npm start`.
 */
export async function startNodeServer(script: string, env: Record<string, string>, healthPath: string, nodeArgs: readonly string[] = [], timeoutMs = 180_000): Promise<RunningProcess> {
  const port = await freePort();
  const started = performance.now();
  const child: ChildProcess = spawn(process.execPath, [...nodeArgs, script], {
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d) => { out += d; });
  child.stderr!.on('data', (d) => { out += d; });
  const url = `http://127.0.0.1:${port}`;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${script} 退出（${child.exitCode}）：${out.slice(-2000)}`);
    try {
      if ((await fetch(`${url}${healthPath}`)).ok) break;
    } catch { /* not listening yet */ }
    if (performance.now() - started > timeoutMs) {
      child.kill('SIGKILL');
      throw new Error(`${script} 在 ${timeoutMs / 1000} 秒内未就绪：${out.slice(-2000)}`);
    }
    await new Promise((r) => setTimeout(r, 20));
  }
  const startMs = performance.now() - started;
  return {
    url, pid: child.pid!, startMs, output: () => out,
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** Resident memory of a process in MB (Linux /proc). */
export function rssMb(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : Number.NaN;
}

/** Samples a process's RSS every 20 ms while `work` runs: before, peak and after, in MB. */
export async function watchMemory<T>(pid: number, work: () => Promise<T>): Promise<{ result: T; beforeMb: number; peakMb: number; afterMb: number }> {
  const beforeMb = rssMb(pid);
  let peakMb = beforeMb;
  const timer = setInterval(() => { peakMb = Math.max(peakMb, rssMb(pid)); }, 20);
  try {
    const result = await work();
    peakMb = Math.max(peakMb, rssMb(pid));
    return { result, beforeMb, peakMb, afterMb: rssMb(pid) };
  } finally {
    clearInterval(timer);
  }
}
