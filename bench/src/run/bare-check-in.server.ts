import Fastify from 'fastify';
import { sql } from 'drizzle-orm';
import { checkIns, lockDataDir, openDatabase } from '@duikou/db';

/**
 * The check-in baseline: a bare Fastify route that inserts the same check-in row through the same
 * driver (Drizzle on the node-postgres pool or PGlite), with no session, validation, rules or audit.
 * Bundled and started by the bench like the product (node <file>), on the bench database.
 */
const url = process.env.DATABASE_URL;
const today = process.env.BENCH_TODAY ?? new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
const dataDir = process.env.DATA_DIR;
const unlock = url ? undefined : await lockDataDir(dataDir!);
const database = await openDatabase(url ? { url } : { dataDir: `${dataDir}/pglite` });
// The persons on post today and their assignments, taken in turn by the requests.
const pairs = (await database.db.execute<{ person_id: string; assignment_id: string }>(sql`
  select u.person_id, a.id as assignment_id from users u join assignments a on a.person_id = u.person_id
  where u.username like 'bench-staff-%' and a.status in ('planned', 'on_duty') and a.planned_start <= ${today} and a.planned_end >= ${today}
  order by u.username`) as unknown as { rows: { person_id: string; assignment_id: string }[] }).rows;
if (pairs.length === 0) throw new Error('没有在岗的压测人员：请先生成数据');
let next = 0;

const app = Fastify({ logger: false, bodyLimit: 1_048_576 });
app.get('/health', async () => ({ status: 'ok' }));
app.post('/bare/check-ins', async (req, reply) => {
  const body = req.body as { clientId: string; kind: string; at: string; lat?: number; lng?: number; accuracyM?: number };
  const pair = pairs[next++ % pairs.length]!;
  const at = new Date(body.at);
  const [row] = await database.db.insert(checkIns).values({
    clientId: body.clientId, assignmentId: pair.assignment_id, personId: pair.person_id, kind: body.kind, at,
    date: new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 10), receivedAt: new Date(),
    lat: body.lat ?? null, lng: body.lng ?? null, accuracyM: body.accuracyM ?? null, distanceM: null, fence: 'inside',
  }).returning();
  return reply.status(201).send(row);
});
const shutdown = async () => {
  await app.close();
  await database.close();
  await unlock?.();
  process.exit(0);
};
process.once('SIGTERM', () => void shutdown());
process.once('SIGINT', () => void shutdown());
await app.listen({ port: Number(process.env.PORT ?? 3001), host: process.env.HOST ?? '127.0.0.1' });
