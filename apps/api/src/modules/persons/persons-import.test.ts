import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PERSON_IMPORT_HEADERS } from '@duikou/contracts';
import { createTestApp, testDatabases, type TestApp } from '../../test/test-app.js';
import { parseDateCell, parseMonthCell } from './person-table.xlsx.js';

/** A GB 11643 ID number with its check digit: region, birth date (YYYYMMDD), sequence (odd 3rd digit: male). */
export function idNumber(region: string, birth: string, seq: string): string {
  const body = `${region}${birth}${seq}`;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = weights.reduce((acc, w, i) => acc + w * Number(body[i]), 0);
  return body + '10X98765432'[sum % 11];
}

type Cell = string | number | boolean | Date | null;
async function xlsx(rows: Cell[][], headers: readonly string[] = PERSON_IMPORT_HEADERS): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('人员');
  ws.addRow([...headers]);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer() as ArrayBuffer);
}

function multipart(buffer: Buffer, filename = 'persons.xlsx') {
  const boundary = '----duikou-person-boundary';
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`);
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return { body: Buffer.concat([head, buffer, tail]), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

/** One row in template column order (PERSON_IMPORT_HEADERS). */
function row(p: Partial<Record<string, Cell>>): Cell[] {
  const base: Record<string, Cell> = {
    姓名: '李护士', 性别: '女', 出生年月: '1990-03', 民族: '汉族', 党派: '群众', 学历: '本科', 学位: '学士', 参工时间: '2012-07-01', 毕业院校: '川北医学院',
    毕业时间: '2012-06-30', 工作单位: '绵阳市中心医院', 职务: '护士长', 职称: '主管护师', 职称级别: '中级', 科室及专业: '重症医学科', 从事现专业时间: '2014-01-01',
    身份证号: idNumber('510703', '19900312', '002'), 办公电话: '0816-2222111', 手机号: '13912345670', 'QQ/微信': 'li-nurse', 个人简历: '2008–2012 川北医学院护理学\n2012 至今 绵阳市中心医院',
    是否推荐任职: '否', 推荐职务: null, 所在单位意见: '同意',
  };
  const merged = { ...base, ...p };
  return PERSON_IMPORT_HEADERS.map((h) => merged[h] ?? null);
}

describe('person table cells', () => {
  it('reads dates and months typed in the usual ways or stored as Excel dates', () => {
    expect(parseDateCell('2008/7/1')).toEqual({ ok: true, value: '2008-07-01' });
    expect(parseDateCell('2008年7月1日')).toEqual({ ok: true, value: '2008-07-01' });
    expect(parseDateCell(new Date(Date.UTC(2008, 6, 1)))).toEqual({ ok: true, value: '2008-07-01' });
    expect(parseDateCell(39630)).toEqual({ ok: true, value: '2008-07-01' });
    expect(parseDateCell('七月')).toEqual({ ok: false });
    expect(parseMonthCell('1985.06')).toEqual({ ok: true, value: '1985-06' });
    expect(parseMonthCell(1985.06)).toEqual({ ok: true, value: '1985-06' });
    expect(parseMonthCell(1985.1)).toEqual({ ok: false, ambiguous: true });
    expect(parseMonthCell('1985年6月')).toEqual({ ok: true, value: '1985-06' });
    expect(parseMonthCell(new Date(Date.UTC(1985, 5, 1)))).toEqual({ ok: true, value: '1985-06' });
  });
});

describe.each(testDatabases())('people import on %s', (kind) => {
  let t: TestApp;
  let support: string;
  const total = async (cookie = support) => (await t.request('GET', '/api/persons?pageSize=200', { cookie })).json().total as number;
  const upload = (buffer: Buffer, cookie = support, filename?: string) => {
    const mp = multipart(buffer, filename);
    return t.request('POST', '/api/persons/import', { cookie, body: mp.body, headers: mp.headers });
  };

  beforeAll(async () => {
    t = await createTestApp(kind);
    support = await t.login('my-support');
  });
  afterAll(async () => { await t?.close(); });

  it('offers a template with the attachment-2 headers and the allowed values', async () => {
    const res = await t.request('GET', '/api/persons/import-template', { cookie: support });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const header = (wb.worksheets[0]!.getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual([...PERSON_IMPORT_HEADERS]);
    const help = wb.getWorksheet('填写说明')!;
    const text: string[] = [];
    help.eachRow((r) => text.push((r.values as unknown[]).slice(1).join(' ')));
    const all = text.join('\n');
    expect(all).toContain('中专及以下 / 大专 / 本科 / 硕士研究生 / 博士研究生');
    expect(all).toContain('无职称 / 初级 / 中级 / 副高级 / 正高级');
    expect(all).toContain('YYYY-MM-DD');
    expect(all).toContain('绵阳市中心医院');
    // A unit may register only its own staff: no other organisation is offered.
    expect(all).not.toContain('平武县人民医院');
    expect((await t.request('GET', '/api/persons/import-template', { cookie: await t.login('my-recipient') })).statusCode).toBe(403);
  });

  it('imports every row in one go, text and Excel date cells alike, and lists them masked', async () => {
    const before = await total();
    const wangId = idNumber('510703', '19821105', '013');
    const file = await xlsx([
      row({}),
      row({
        姓名: '王医生', 性别: '男', 出生年月: new Date(Date.UTC(1982, 10, 1)), 学历: '硕士研究生', 学位: '硕士', 参工时间: new Date(Date.UTC(2008, 6, 1)),
        毕业时间: '2008/6/30', 职务: '科副主任', 职称: '副主任医师', 职称级别: '副高级', 科室及专业: '心血管内科', 从事现专业时间: null,
        身份证号: wangId, 办公电话: null, 手机号: '139 1234 5671', 是否推荐任职: '是', 推荐职务: '心内科主任',
      }),
    ]);
    const res = await upload(file);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ created: 2 });
    expect(await total()).toBe(before + 2);
    const wang = (await t.request('GET', '/api/persons?q=王医生', { cookie: support })).json().items[0];
    expect(wang).toMatchObject({
      name: '王医生', gender: 'male', birthMonth: '1982-11', education: 'master', workStartDate: '2008-07-01', graduationDate: '2008-06-30',
      titleLevel: 'associate_senior', employerOrgName: '绵阳市中心医院', recommendedForLeadership: true, recommendedPost: '心内科主任',
      idNumberMasked: `510***********${wangId.slice(14)}`, mobileMasked: '139****5671', officePhoneMasked: null,
    });
    const li = (await t.request('GET', '/api/persons?q=李护士', { cookie: support })).json().items[0];
    expect(li).toMatchObject({ gender: 'female', birthMonth: '1990-03', titleLevel: 'intermediate', resume: '2008–2012 川北医学院护理学\n2012 至今 绵阳市中心医院' });
    // One audit event per person and one for the import.
    const admin = await t.login('admin');
    const created = (await t.request('GET', `/api/audit-events?entityType=person&entityId=${wang.id}`, { cookie: admin })).json().items;
    expect(created.map((e: { action: string }) => e.action)).toEqual(['create']);
    expect(JSON.stringify(created)).not.toContain(wangId);
    const imports = (await t.request('GET', '/api/audit-events?entityType=person&action=import', { cookie: admin })).json().items;
    expect(imports[0].summary).toContain('新增 2 人');
  });

  it('answers every bad cell with row and column and writes nothing', async () => {
    const before = await total();
    const good = idNumber('510703', '19880808', '022');
    const badCheck = idNumber('510703', '19870101', '031').slice(0, 17) + (idNumber('510703', '19870101', '031').endsWith('0') ? '1' : '0');
    const file = await xlsx([
      row({ 姓名: '赵一', 身份证号: good, 出生年月: '1988-08' }),
      row({ 姓名: '钱二', 身份证号: badCheck, 性别: '男', 出生年月: '1987-01' }),
      row({ 姓名: '孙三', 身份证号: idNumber('510703', '19860512', '041'), 性别: '男', 出生年月: '1986-06' }),
      row({ 姓名: '李四', 身份证号: idNumber('510703', '19850101', '052'), 出生年月: '1985-01', 工作单位: '不存在的医院' }),
      row({ 姓名: '周五', 身份证号: idNumber('510703', '19840101', '062'), 出生年月: '1984-01', 手机号: '12812345678' }),
      row({ 姓名: '吴六', 身份证号: good, 出生年月: '1988-08' }),
      row({ 姓名: '郑七', 身份证号: idNumber('510703', '19830101', '072'), 出生年月: '1983-01', 学历: '大学', 职称级别: '特级', 参工时间: '去年' }),
    ]);
    const res = await upload(file);
    expect(res.statusCode).toBe(422);
    const body = res.json();
    expect(body.code).toBe('IMPORT_INVALID');
    expect(body.message).toContain('未写入任何数据');
    const cells = body.details.map((d: { row: number; column: string }) => `${d.row}:${d.column}`);
    expect(cells).toEqual(expect.arrayContaining(['3:身份证号', '4:出生年月', '5:工作单位', '6:手机号', '7:身份证号', '8:职称级别', '8:参工时间']));
    const message = (r: number, c: string) => body.details.find((d: { row: number; column: string }) => d.row === r && d.column === c)?.message as string;
    expect(message(3, '身份证号')).toContain('校验位');
    expect(message(4, '出生年月')).toContain('1986-05');
    expect(message(5, '工作单位')).toContain('不存在的医院');
    expect(message(6, '手机号')).toContain('手机号');
    expect(message(7, '身份证号')).toContain('第 2 行');
    // 大学 is read as 本科; the first row has no error.
    expect(cells.filter((c: string) => c.startsWith('2:'))).toEqual([]);
    expect(await total()).toBe(before);
  });

  it('refuses an ID number already registered (blind index) and one stored as a number', async () => {
    const before = await total();
    const existing = row({ 姓名: '李护士二', 身份证号: idNumber('510703', '19900312', '002') });
    const numeric = row({ 姓名: '数字', 身份证号: 510703198001010010 as unknown as number, 出生年月: '1980-01', 性别: '男' });
    const res = await upload(await xlsx([existing, numeric]));
    expect(res.statusCode).toBe(422);
    const details = res.json().details as { row: number; column: string; message: string }[];
    expect(details.find((d) => d.row === 2)).toMatchObject({ column: '身份证号', message: expect.stringContaining('已登记') });
    expect(details.find((d) => d.row === 3)).toMatchObject({ column: '身份证号', message: expect.stringContaining('文本') });
    expect(await total()).toBe(before);
  });

  it('a support unit cannot import people into another unit; an office can within its area', async () => {
    const other = row({ 姓名: '外单位', 身份证号: idNumber('510727', '19800301', '001'), 性别: '男', 出生年月: '1980-03', 工作单位: '平武县人民医院' });
    const res = await upload(await xlsx([other]));
    expect(res.statusCode).toBe(422);
    expect(res.json().details).toEqual([expect.objectContaining({ row: 2, column: '工作单位', message: expect.stringContaining('只能导入本单位') })]);
    const office = await t.login('my-office');
    const before = await total(office);
    const ok = await upload(await xlsx([other]), office);
    expect(ok.statusCode, ok.body).toBe(200);
    expect(await total(office)).toBe(before + 1);
    // Chuxiong's office does not see Mianyang's hospitals at all.
    const cx = await upload(await xlsx([row({ 姓名: '楚雄', 身份证号: idNumber('532301', '19810101', '001'), 性别: '男', 出生年月: '1981-01' })]), await t.login('cx-office'));
    expect(cx.json().details[0]).toMatchObject({ column: '工作单位', message: expect.stringContaining('不存在或不在您的范围内') });
    expect((await upload(await xlsx([other]), await t.login('my-recipient'))).statusCode).toBe(403);
  });

  it('refuses files that are not .xlsx, a missing header and an empty sheet, writing nothing', async () => {
    const before = await total();
    expect((await upload(Buffer.from('a,b,c'), support, 'persons.csv')).statusCode).toBe(415);
    const garbage = await upload(Buffer.from('hello, not a workbook'));
    expect(garbage.statusCode).toBe(422);
    expect(garbage.json().details[0].message).toContain('.xlsx');
    const noMultipart = await t.request('POST', '/api/persons/import', { cookie: support, body: { file: 'x' } });
    expect(noMultipart.statusCode).toBe(415);
    const missing = await upload(await xlsx([['张三', '男']], ['姓名', '性别', '身份证号']));
    expect(missing.statusCode).toBe(422);
    expect(missing.json().details.map((d: { column: string }) => d.column)).toEqual(expect.arrayContaining(['出生年月', '手机号', '工作单位']));
    const empty = await upload(await xlsx([]));
    expect(empty.statusCode).toBe(422);
    expect(empty.json().details[0].message).toContain('没有数据行');
    expect(await total()).toBe(before);
  });
});
