import path from 'node:path';
import { build } from 'esbuild';

/**
 * Bundles a bench server the way apps/api/build.mjs bundles the product (workspace packages inlined,
 * npm packages external), so baseline and product start the same way: `node <bundle>`.
 */
export async function bundleServer(entry: string, outfile: string): Promise<string> {
  await build({
    entryPoints: [entry], outfile, bundle: true, platform: 'node', target: 'node20', format: 'esm', logLevel: 'warning',
    // Resolve npm packages from the repository, as the product's bundle does from apps/api/dist.
    absWorkingDir: path.dirname(entry),
    plugins: [{
      name: 'externals',
      setup(b) {
        b.onResolve({ filter: /^[^./]/ }, (args) => (args.path.startsWith('@duikou/') ? undefined : { path: args.path, external: true }));
      },
    }],
  });
  return outfile;
}
