import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, testDatabases, type TestApp } from './test-app.js';

type Schema = { type?: string | string[]; properties?: Record<string, Schema>; items?: Schema; anyOf?: Schema[]; required?: string[] };
type Op = { parameters?: { in: string; name: string; schema?: Schema }[]; requestBody?: { content?: Record<string, { schema?: Schema }> } };

/** A value of the wrong type for a schema. */
function wrongValueFor(s: Schema | undefined): unknown {
  const type = s?.type ?? s?.anyOf?.[0]?.type;
  const t = Array.isArray(type) ? type[0] : type;
  if (t === 'string') return 12345;
  if (t === 'number' || t === 'integer') return 'not-a-number';
  if (t === 'array') return 'not-an-array';
  if (t === 'boolean') return 'maybe';
  return [[]];
}

/**
 * Sends every write endpoint of the OpenAPI document wrong types, missing fields, huge strings,
 * malformed and unknown ids: each must answer a 4xx with a code and a Chinese message, never a 500.
 */
describe.each(testDatabases())('bad input on %s', (kind) => {
  let t: TestApp;
  let admin: string;
  let ops: { method: string; path: string; op: Op }[] = [];
  beforeAll(async () => {
    t = await createTestApp(kind);
    admin = await t.login('admin');
    const doc = (await t.request('GET', '/api/openapi.json')).json() as { paths: Record<string, Record<string, Op>> };
    ops = Object.entries(doc.paths).flatMap(([path, m]) => Object.entries(m).map(([method, op]) => ({ method: method.toUpperCase(), path, op })))
      .filter((o) => o.path.startsWith('/api/') && !o.path.startsWith('/api/docs') && o.path !== '/api/auth/logout');
  });
  afterAll(async () => { await t?.close(); });

  const expectClientError = (res: { statusCode: number; json(): unknown }, label: string) => {
    expect(res.statusCode, label).toBeGreaterThanOrEqual(400);
    expect(res.statusCode, label).toBeLessThan(500);
    const body = res.json() as { code: string; message: string };
    expect(body.code, label).toMatch(/^[A-Z_]+$/);
    expect(body.message, label).toMatch(/[\u4e00-\u9fa5]/);
  };
  const withParams = (path: string, value: string) => path.replace(/\{code\}/, value.length === 36 ? '5107ZZ' : value).replace(/\{\w+\}/g, value);

  it('malformed and unknown ids answer 400 and 404', async () => {
    const withId = ops.filter((o) => /\{id\}/.test(o.path));
    expect(withId.length).toBeGreaterThan(10);
    for (const { method, path } of withId) {
      const body = method === 'GET' || method === 'DELETE' ? undefined : {};
      const bad = await t.request(method, withParams(path, 'not-a-uuid'), { cookie: admin, body });
      expectClientError(bad, `${method} ${path} malformed`);
      expect(bad.statusCode, `${method} ${path}`).toBe(400);
      const unknown = await t.request(method, withParams(path, '00000000-0000-4000-8000-000000000000'), { cookie: admin, body });
      // An empty body fails validation before the lookup when the operation requires fields.
      const needsFields = (ops.find((o) => o.method === method && o.path === path)?.op.requestBody?.content?.['application/json']?.schema?.required?.length ?? 0) > 0;
      // The administrator holds no staff permissions (check-in, asking for leave): those answer 403 first.
      expect(unknown.statusCode, `${method} ${path} unknown`).toBe(needsFields ? 400 : unknown.json().code === 'FORBIDDEN' ? 403 : 404);
    }
    expect((await t.request('GET', '/api/regions/ABCDEFG', { cookie: admin })).statusCode).toBe(400);
    expect((await t.request('GET', '/api/regions/999999', { cookie: admin })).statusCode).toBe(404);
  });

  it('bodies with missing fields, wrong types, huge strings and NUL characters answer 4xx', async () => {
    const withBody = ops.filter((o) => o.op.requestBody?.content?.['application/json']);
    expect(withBody.length).toBeGreaterThanOrEqual(8);
    const ids = { id: '00000000-0000-4000-8000-000000000000' };
    for (const { method, path, op } of withBody) {
      const url = withParams(path, ids.id);
      const schema = op.requestBody!.content!['application/json']!.schema!;
      const props = Object.entries(schema.properties ?? {});
      if (!path.includes('{')) expectClientError(await t.request(method, url, { cookie: admin, body: {} }), `${method} ${path} {}`);
      expectClientError(await t.request(method, url, { cookie: admin, body: 'not json', headers: { 'content-type': 'application/json' } }), `${method} ${path} not json`);
      expectClientError(await t.request(method, url, { cookie: admin, body: [] }), `${method} ${path} []`);
      for (const [name, propSchema] of props) {
        const res = await t.request(method, url, { cookie: admin, body: { [name]: wrongValueFor(propSchema) } });
        expectClientError(res, `${method} ${path} ${name} wrong type`);
        const huge = await t.request(method, url, { cookie: admin, body: { [name]: 'x'.repeat(100_000) } });
        expectClientError(huge, `${method} ${path} ${name} huge`);
        const nul = await t.request(method, url, { cookie: admin, body: { [name]: 'a\u0000b' } });
        expectClientError(nul, `${method} ${path} ${name} with a NUL character`);
      }
    }
  });

  it('a NUL character that reaches the database (a login name) answers 400, not 500', async () => {
    const res = await t.request('POST', '/api/auth/login', { body: { username: 'a\u0000b', password: 'x' } });
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json()).toMatchObject({ code: 'VALIDATION_FAILED', message: '输入含有不支持的字符（如空字符）' });
  });

  it('a body over 1 MB answers 413', async () => {
    const res = await t.request('POST', '/api/organisations', { cookie: admin, body: { name: 'x'.repeat(1_100_000) } });
    expect(res.statusCode).toBe(413);
    expect(res.json().code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('bad query parameters answer 400 naming the parameter', async () => {
    for (const url of ['/api/pairings?page=0', '/api/pairings?pageSize=100000', '/api/organisations?kind=castle', '/api/pairings?programmeId=nope', '/api/audit-events?from=2026-13-40', '/api/regions?level=planet']) {
      const res = await t.request('GET', url, { cookie: admin });
      expectClientError(res, url);
      expect(res.json().field, url).toBeTruthy();
    }
  });

  it('an unknown API path answers a JSON 404', async () => {
    const res = await t.request('GET', '/api/nothing-here', { cookie: admin });
    expect(res.statusCode).toBe(404);
    expect(res.json().code).toBe('NOT_FOUND');
  });
});
