import { mkdirSync } from 'node:fs';
import path from 'node:path';
import lockfile from 'proper-lockfile';

export class DataDirLockedError extends Error {
  constructor(public readonly dataDir: string) {
    super(
      `数据目录 ${dataDir} 正被另一个 Duikou 进程使用（嵌入式数据库只允许一个进程打开）。` +
        `请先停止那个进程，或用 DATA_DIR 指定另一个目录。 / The data folder ${dataDir} is in use by another Duikou process.`,
    );
    this.name = 'DataDirLockedError';
  }
}

/**
 * Takes the exclusive lock on a PGlite data folder. PGlite has no lock between processes and two
 * of them silently lose writes (STACK.md trap 1), so the server owns the folder while it runs.
 * The lock is refreshed every few seconds; one left by a crashed process goes stale after 15 s.
 */
export async function lockDataDir(dataDir: string): Promise<() => Promise<void>> {
  mkdirSync(dataDir, { recursive: true });
  try {
    return await lockfile.lock(dataDir, {
      lockfilePath: path.join(dataDir, 'duikou.lock'),
      stale: 15_000,
      update: 5_000,
      retries: 0,
      onCompromised: (err) => {
        // Someone removed or took our lock: continuing would risk the silent write loss the lock exists to stop.
        console.error('数据目录锁已失效，服务退出以保护数据：', err.message);
        process.exit(75);
      },
    });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ELOCKED') throw new DataDirLockedError(dataDir);
    throw err;
  }
}
