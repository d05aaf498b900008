import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** One line of the bench table: a figure, the baseline measured beside it in the same run, and the target. */
export interface Figure {
  group: string;
  name: string;
  measured: string;
  baseline: string;
  ratio: string;
  target: string;
  /** null: no target (context only). */
  ok: boolean | null;
}

const width = (s: string): number => [...s].reduce((w, ch) => w + (/[\u1100-\uFFFF]/.test(ch) ? 2 : 1), 0);
const padTo = (s: string, w: number): string => s + ' '.repeat(Math.max(0, w - width(s)));
const verdict = (ok: boolean | null): string => (ok === null ? '—' : ok ? '达标' : '未达标');

/** The table for the terminal: aligned columns, CJK counted double width. */
export function formatTable(figures: readonly Figure[]): string {
  const header = ['分组', '指标', '测得', '基线（同次测得）', '比值', '目标', '结论'];
  const rows = figures.map((f) => [f.group, f.name, f.measured, f.baseline, f.ratio, f.target, verdict(f.ok)]);
  const widths = header.map((h, i) => Math.max(width(h), ...rows.map((r) => width(r[i]!))));
  const line = (cells: string[]) => cells.map((c, i) => padTo(c, widths[i]!)).join('  ');
  return [line(header), widths.map((w) => '─'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

/** The same table in Markdown (for bench/results and docs/SCALING.md). */
export function markdownTable(figures: readonly Figure[]): string {
  const esc = (s: string) => s.replace(/\|/g, '\\|');
  return [
    '| 分组 | 指标 | 测得 | 基线（同次测得） | 比值 | 目标 | 结论 |',
    '|---|---|---|---|---|---|---|',
    ...figures.map((f) => `| ${[f.group, f.name, f.measured, f.baseline, f.ratio, f.target, verdict(f.ok)].map(esc).join(' | ')} |`),
  ].join('\n');
}

export const ms = (x: number): string => (x >= 1000 ? `${(x / 1000).toFixed(2)} s` : `${x < 10 ? x.toFixed(1) : Math.round(x)} ms`);
export const int = (x: number): string => Math.round(x).toLocaleString('en-US');

export function writeResults(dir: string, files: Record<string, string>): void {
  mkdirSync(dir, { recursive: true });
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), content);
  }
}
