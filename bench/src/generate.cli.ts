import { parseArgs } from 'node:util';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chinaToday } from '../../apps/api/src/modules/policies/policies.service.js';
import { generateProvince } from './generate/province.generator.js';
import { presetOf } from './generate/presets.js';
import { prepareProduct } from './generate/product.js';
import { DEFAULT_DB_NAME, DEFAULT_SERVER_URL, pgliteTarget, postgresTarget, recreate } from './run/target-db.js';

/** Generates the province into a fresh bench database and prints what it wrote (no measurements). */
const { values } = parseArgs({
  options: {
    preset: { type: 'string' }, db: { type: 'string', default: 'postgres' }, 'db-url': { type: 'string', default: DEFAULT_SERVER_URL },
    'db-name': { type: 'string', default: DEFAULT_DB_NAME }, 'data-dir': { type: 'string' }, today: { type: 'string' },
  },
});
const here = path.dirname(fileURLToPath(import.meta.url));
const db = values.db === 'pglite' ? 'pglite' : 'postgres';
const preset = presetOf(values.preset ?? (db === 'pglite' ? 'pglite' : 'province'));
const target = db === 'pglite' ? pgliteTarget(values['data-dir'] ?? path.join(here, '../results/pglite-data')) : postgresTarget(values['db-url'], values['db-name']);
const started = Date.now();
const database = await recreate(target);
const { deps } = await prepareProduct(database);
const result = await generateProvince(database, deps, { preset, today: values.today ?? chinaToday(new Date()), log: (m) => console.log(`  ${m}`) });
await database.close();
console.log(JSON.stringify(result.counts, null, 2));
console.log(`生成完成（${preset.name}，${db}）：${((Date.now() - started) / 1000).toFixed(1)} 秒`);
