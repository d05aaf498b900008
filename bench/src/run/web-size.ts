import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

export interface PageWeight { page: string; files: number; rawKb: number; gzipKb: number; lazyFiles: number; lazyGzipKb: number }

const staticImports = (code: string): string[] => [...code.matchAll(/(?:\bfrom\s*|\bimport\s*)["'`]\.\/([^"'`]+\.js)["'`]/g)].map((m) => m[1]!);
const dynamicImports = (code: string): string[] => [...code.matchAll(/\bimport\(\s*["'`]\.\/([^"'`]+\.js)["'`]\s*\)/g)].map((m) => m[1]!);

/**
 * The JavaScript a browser loads for a page of the built web app (apps/web/dist): the entry script of
 * index.html and everything it imports statically, plus the page's route chunk and its static
 * imports; `lazy*` adds what the page itself loads lazily when it renders (ECharts on the home page).
 * Sizes gzipped at level 6, as a web server sends them.
 */
export function pageWeight(dist: string, page: string): PageWeight {
  const assets = path.join(dist, 'assets');
  const html = readFileSync(path.join(dist, 'index.html'), 'utf8');
  const entry = /<script type="module"[^>]*src="\/assets\/([^"]+\.js)"/.exec(html)?.[1];
  if (!entry) throw new Error(`${dist}/index.html 中没有入口脚本`);
  const chunk = readdirSync(assets).find((f) => f.startsWith(`${page}-`) && f.endsWith('.js') && /^[\w-]+$/.test(f.slice(page.length + 1, -3)));
  if (!chunk) throw new Error(`没有找到页面 ${page} 的代码块（${assets}）`);
  const code = new Map<string, string>();
  const read = (f: string) => code.get(f) ?? code.set(f, readFileSync(path.join(assets, f), 'utf8')).get(f)!;
  const closure = (roots: string[], follow: (c: string) => string[], seen = new Set<string>()) => {
    const stack = [...roots];
    while (stack.length) {
      const f = stack.pop()!;
      if (seen.has(f)) continue;
      seen.add(f);
      stack.push(...follow(read(f)));
    }
    return seen;
  };
  const first = closure([entry, chunk], staticImports);
  // What the page chunk itself imports lazily (not the router's other routes, which the entry imports lazily).
  const lazy = new Set([...closure(dynamicImports(read(chunk)), staticImports)].filter((f) => !first.has(f)));
  const gz = (files: Iterable<string>) => [...files].reduce((s, f) => s + gzipSync(read(f), { level: 6 }).length, 0) / 1024;
  const raw = [...first].reduce((s, f) => s + Buffer.byteLength(read(f)), 0) / 1024;
  return { page, files: first.size, rawKb: raw, gzipKb: gz(first), lazyFiles: lazy.size, lazyGzipKb: gz(lazy) };
}

/** What every page loads: the entry script and its static imports (React, the router, antd's core…). */
export function entryWeight(dist: string): { files: number; gzipKb: number } {
  const html = readFileSync(path.join(dist, 'index.html'), 'utf8');
  const entry = /<script type="module"[^>]*src="\/assets\/([^"]+\.js)"/.exec(html)?.[1];
  if (!entry) throw new Error(`${dist}/index.html 中没有入口脚本`);
  const seen = new Set<string>();
  const stack = [entry];
  let gz = 0;
  while (stack.length) {
    const f = stack.pop()!;
    if (seen.has(f)) continue;
    seen.add(f);
    const code = readFileSync(path.join(dist, 'assets', f), 'utf8');
    gz += gzipSync(code, { level: 6 }).length;
    stack.push(...staticImports(code));
  }
  return { files: seen.size, gzipKb: gz / 1024 };
}

export const webDistOf = (root: string): string | null => (existsSync(path.join(root, 'apps/web/dist/index.html')) ? path.join(root, 'apps/web/dist') : null);
