import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PAIRING_TABLE_HEADERS } from '@duikou/contracts';
import { createTestApp, testDatabases, type TestApp } from '../../test/test-app.js';

async function xlsx(rows: (string | number | null)[][], merges: [number, number, number, number][] = []): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('附件1');
  rows.forEach((r, i) => { ws.getRow(i + 1).values = r; });
  for (const m of merges) ws.mergeCells(...m);
  return Buffer.from(await wb.xlsx.writeBuffer() as ArrayBuffer);
}

function multipart(buffer: Buffer, filename = 'pairings.xlsx') {
  const boundary = '----duikou-test-boundary';
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n`);
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return { body: Buffer.concat([head, buffer, tail]), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

async function readSheet(raw: Buffer): Promise<string[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(raw as unknown as ArrayBuffer);
  const out: string[][] = [];
  wb.worksheets[0]!.eachRow((row, n) => { out[n - 1] = (row.values as unknown[]).slice(1).map((v) => (v === null || v === undefined ? '' : String(v))); });
  return out;
}

describe.each(testDatabases())('pairings on %s', (kind) => {
  let t: TestApp;
  let my: string;
  let myProgramme: string;
  const orgId: Record<string, string> = {};
  const count = async () => (await t.request('GET', `/api/pairings?programmeId=${myProgramme}`, { cookie: my })).json().total as number;
  const upload = (buffer: Buffer, layout = 'my') => {
    const mp = multipart(buffer);
    return t.request('POST', `/api/pairings/import?layout=${layout}&programmeId=${myProgramme}`, { cookie: my, body: mp.body, headers: mp.headers });
  };

  beforeAll(async () => {
    t = await createTestApp(kind);
    my = await t.login('my-office');
    myProgramme = (await t.request('GET', '/api/programmes', { cookie: my })).json().items[0].id;
    for (const o of (await t.request('GET', '/api/organisations?pageSize=200', { cookie: my })).json().items) orgId[o.name] = o.id;
  });
  afterAll(async () => { await t?.close(); });

  it('lists the seeded MY pairings with their support units, needs and staffing minimum', async () => {
    const res = await t.request('GET', '/api/pairings?q=平武县人民医院', { cookie: my });
    const p = res.json().items[0];
    expect(p.supportUnits.map((s: { name: string }) => s.name)).toEqual(['绵阳市中心医院', '江油市人民医院', '绵阳万江眼科医院']);
    expect(p.needs).toContain('ICU');
    expect(p.minPersonsPerSupportUnitPerYear).toBe(2);
    expect(p.countyName).toBe('平武县');
    expect(await count()).toBe(32);
  });

  it('creates, edits and deletes a pairing, each step in the audit log with before and after', async () => {
    const created = await t.request('POST', '/api/pairings', { cookie: my, body: {
      programmeId: myProgramme, recipientOrgId: orgId['梓潼县人民医院'], supportOrgIds: [orgId['绵阳市中心医院']], needs: ['心内科'], minPersonsPerSupportUnitPerYear: 1, remarks: '测试',
    } });
    expect(created.statusCode).toBe(201);
    const p = created.json();
    expect(p).toMatchObject({ validFrom: '2018-05-15', validTo: '2020-12-31', needs: ['心内科'] });
    const dup = await t.request('POST', '/api/pairings', { cookie: my, body: { programmeId: myProgramme, recipientOrgId: orgId['梓潼县人民医院'], supportOrgIds: [orgId['绵阳市中心医院']] } });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().code).toBe('DUPLICATE');
    const edited = await t.request('PATCH', `/api/pairings/${p.id}`, { cookie: my, body: { minPersonsPerSupportUnitPerYear: null, supportOrgIds: [orgId['绵阳市中心医院'], orgId['绵阳市第三人民医院']] } });
    expect(edited.statusCode).toBe(200);
    expect(edited.json().minPersonsPerSupportUnitPerYear).toBeNull();
    expect(edited.json().supportUnits).toHaveLength(2);
    const outside = await t.request('PATCH', `/api/pairings/${p.id}`, { cookie: my, body: { validTo: '2021-06-30' } });
    expect(outside.statusCode).toBe(400);
    expect(outside.json()).toMatchObject({ field: 'validTo' });
    expect(outside.json().message).toContain('2020-12-31');
    expect((await t.request('DELETE', `/api/pairings/${p.id}`, { cookie: my })).json()).toEqual({ result: 'deleted' });
    expect((await t.request('GET', `/api/pairings/${p.id}`, { cookie: my })).statusCode).toBe(404);
    const audit = (await t.request('GET', `/api/audit-events?entityType=pairing&entityId=${p.id}`, { cookie: await t.login('admin') })).json().items;
    expect(audit.map((e: { action: string }) => e.action)).toEqual(['delete', 'update', 'create']);
    expect(audit[1].before.minPersonsPerSupportUnitPerYear).toBe(1);
    expect(audit[1].after.minPersonsPerSupportUnitPerYear).toBeNull();
    expect(audit[0].actorUsername).toBe('my-office');
  });

  it('refuses a pairing whose recipient is also a support unit, naming the field', async () => {
    const res = await t.request('POST', '/api/pairings', { cookie: my, body: { programmeId: myProgramme, recipientOrgId: orgId['梓潼县人民医院'], supportOrgIds: [orgId['梓潼县人民医院']] } });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'VALIDATION_FAILED', field: 'supportOrgIds.0', message: '受援单位不能同时是支援单位' });
  });

  it('exports MY attachment 1 with the notice headers and reads every pairing back', async () => {
    const res = await t.request('GET', `/api/pairings/export?layout=my&programmeId=${myProgramme}`, { cookie: my });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(String(res.headers['content-disposition'])).toContain(encodeURIComponent('对口支援关系安排表'));
    const rows = await readSheet(res.rawPayload);
    expect(rows[0]![0]).toBe('附件1');
    expect(rows[1]![0]).toContain('对口支援关系安排表');
    expect(rows[2]).toEqual([...PAIRING_TABLE_HEADERS.my]);
    expect(rows.length - 3).toBe(32);
    const pingwu = rows.find((r) => r[1] === '平武县人民医院')!;
    expect(pingwu).toEqual(['平武县', '平武县人民医院', '绵阳市中心医院、江油市人民医院、绵阳万江眼科医院', 'ICU、儿科、急诊、影像诊断、眼科、耳鼻喉科', '每个支援单位每年不少于2人', '']);
    expect(rows.find((r) => r[1] === '北川中羌医医院')![4]).toBe('不作要求');
  });

  it('exports CX attachment 1 with one row per support hospital and merged recipient cells', async () => {
    const cx = await t.login('cx-office');
    const res = await t.request('GET', '/api/pairings/export?layout=cx', { cookie: cx });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect([1, 2, 3].map((c) => ws.getCell(3, c).value)).toEqual(['序号', '支援医院', '受援贫困县县级医院']);
    const wuding: number[] = [];
    ws.eachRow((row, n) => { if (row.getCell(3).value === '武定县人民医院') wuding.push(n); });
    expect(wuding).toHaveLength(2);
    expect(ws.getCell(wuding[1]!, 3).isMerged).toBe(true);
    expect(wuding.map((n) => ws.getCell(n, 2).value).sort()).toEqual(['云南省第一人民医院', '解放军第401医院'].sort());
  });

  it('re-importing its own export changes nothing and creates no duplicate', async () => {
    const res = await t.request('GET', `/api/pairings/export?layout=my&programmeId=${myProgramme}`, { cookie: my });
    const imp = await upload(res.rawPayload);
    expect(imp.statusCode).toBe(200);
    expect(imp.json()).toEqual({ created: 0, updated: 32, rows: 32 });
    expect(await count()).toBe(32);
  });

  it('imports new pairings from the MY layout, merged support cells included', async () => {
    const file = await xlsx([
      ['附件1'], ['测试对口支援关系安排表'],
      [...PAIRING_TABLE_HEADERS.my],
      ['梓潼县', '梓潼县人民医院', '绵阳市中医医院', '中医科、康复科', 2, '新增'],
      ['高新区', '高新区磨家镇卫生院', '绵阳市第三人民医院', '全科', '不作要求', null],
      ['高新区', '高新区永兴镇卫生院', '绵阳市第三人民医院', '全科', '不作要求', null],
    ], [[5, 3, 6, 3]]);
    const res = await upload(file);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ created: 3, updated: 0, rows: 3 });
    expect(await count()).toBe(35);
    const added = (await t.request('GET', '/api/pairings?q=中医科', { cookie: my })).json().items[0];
    expect(added).toMatchObject({ needs: ['中医科', '康复科'], minPersonsPerSupportUnitPerYear: 2, remarks: '新增', validFrom: '2018-05-15' });
  });

  it('a file with one bad row writes nothing and names every bad cell', async () => {
    const before = await count();
    const file = await xlsx([
      [...PAIRING_TABLE_HEADERS.my],
      ['平武县', '平武县人民医院', '绵阳市骨科医院', '骨科', 1, null],
      ['平武县', '不存在的卫生院', '绵阳市中心医院', '内科', '两个人', null],
      ['北川县', '梓潼县人民医院', '', '内科', 1, null],
      ['平武县', '武定县人民医院', '绵阳市中心医院', '内科', 1, null],
    ]);
    const res = await upload(file);
    expect(res.statusCode).toBe(422);
    const body = res.json();
    expect(body.code).toBe('IMPORT_INVALID');
    expect(body.message).toContain('未写入任何数据');
    const cells = body.details.map((d: { row: number; column: string }) => `${d.row}:${d.column}`);
    expect(cells).toEqual(expect.arrayContaining(['3:受援单位', '3:人员要求', '4:支援单位', '4:受援县市区', '5:受援单位']));
    expect(body.details.find((d: { row: number; column: string }) => d.row === 3 && d.column === '受援单位').message).toContain('不存在的卫生院');
    expect(body.details.find((d: { row: number; column: string }) => d.row === 5).message).toContain('不在本辖区内');
    expect(await count()).toBe(before);
  });

  it('refuses a file in the wrong layout or not a spreadsheet, writing nothing', async () => {
    const before = await count();
    const cxLayout = await xlsx([[...PAIRING_TABLE_HEADERS.cx], [1, '绵阳市中心医院', '梓潼县人民医院']]);
    const wrong = await upload(cxLayout, 'my');
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json().details[0].message).toContain('未找到表头');
    const notXlsx = await upload(Buffer.from('hello, not a workbook'));
    expect(notXlsx.statusCode).toBe(422);
    expect(notXlsx.json().details[0].message).toContain('.xlsx');
    const noFile = await t.request('POST', `/api/pairings/import?layout=my&programmeId=${myProgramme}`, { cookie: my, body: { file: 'x' } });
    expect(noFile.statusCode).toBe(415);
    expect(await count()).toBe(before);
  });

  it('imports the CX layout with merged recipient cells as one pairing of several hospitals', async () => {
    const cx = await t.login('cx-office');
    const cxProgramme = (await t.request('GET', '/api/programmes', { cookie: cx })).json().items[0].id;
    const file = await xlsx([
      [...PAIRING_TABLE_HEADERS.cx],
      [1, '楚雄州人民医院', '双柏县人民医院'],
      [null, '云南省第二人民医院', null],
    ], [[2, 1, 3, 1], [2, 3, 3, 3]]);
    const mp = multipart(file);
    const res = await t.request('POST', `/api/pairings/import?layout=cx&programmeId=${cxProgramme}`, { cookie: cx, body: mp.body, headers: mp.headers });
    expect(res.json()).toEqual({ created: 1, updated: 0, rows: 1 });
    const list = (await t.request('GET', '/api/pairings?q=双柏县人民医院', { cookie: cx })).json().items;
    const added = list.find((p: { supportUnits: unknown[] }) => p.supportUnits.length === 2);
    expect(added.supportUnits.map((s: { name: string }) => s.name)).toEqual(['楚雄州人民医院', '云南省第二人民医院']);
    // A unit user may not import.
    const unit = await t.login('cx-recipient');
    const denied = await t.request('POST', `/api/pairings/import?layout=cx&programmeId=${cxProgramme}`, { cookie: unit, body: mp.body, headers: mp.headers });
    expect(denied.statusCode).toBe(403);
  });
});
