import ExcelJS from 'exceljs';
import { EDUCATION_LABELS, PERSON_IMPORT_HEADERS, TITLE_LEVEL_LABELS, type EducationLevel, type TitleLevel } from '@duikou/contracts';
import { planPerson, schoolOf } from '../generate/province-people.js';
import type { OrgRow } from '../generate/province-structure.js';
import { createRng } from '../generate/rng.js';
import { watchMemory } from './processes.js';

export interface DownloadResult { ms: number; bytes: number; rows: number; status: number; beforeMb: number; peakMb: number; afterMb: number }

/** Downloads an .xlsx export, watching the server's memory, and counts the numbered rows of its sheet. */
export async function timeExport(url: string, cookie: string, serverPid: number): Promise<DownloadResult> {
  const t = performance.now();
  const { result, beforeMb, peakMb, afterMb } = await watchMemory(serverPid, async () => {
    const res = await fetch(url, { headers: { cookie } });
    return { status: res.status, body: Buffer.from(await res.arrayBuffer()) };
  });
  const ms = performance.now() - t;
  if (result.status !== 200) throw new Error(`导出失败 ${result.status}：${result.body.toString('utf8').slice(0, 300)}`);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(result.body as unknown as ArrayBuffer);
  let rows = 0;
  wb.worksheets[0]!.eachRow((row) => { if (typeof row.getCell(1).value === 'number') rows++; });
  return { ms, bytes: result.body.length, rows, status: result.status, beforeMb, peakMb, afterMb };
}

/**
 * A person sheet as units fill it (the import template's headers, one row per person, every required
 * field and most optional ones), employers taken in turn from `employers`. Serials start far above the
 * generator's, so no ID number is already registered.
 */
export async function personSheet(rows: number, employers: readonly { name: string; regionCode: string }[], firstSerial: number): Promise<Buffer> {
  const rng = createRng(firstSerial);
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('人员');
  ws.addRow([...PERSON_IMPORT_HEADERS]);
  for (let i = 0; i < rows; i++) {
    const e = employers[i % employers.length]!;
    const p = planPerson(rng, firstSerial + i, { regionCode: e.regionCode } as OrgRow, []);
    const birthYear = Number(p.birth.slice(0, 4));
    const byHeader: Record<string, string> = {
      姓名: p.name, 性别: p.male ? '男' : '女', 出生年月: p.birth.slice(0, 7), 民族: p.ethnicity, 党派: rng.chance(45) ? '中共党员' : '群众',
      学历: EDUCATION_LABELS[p.education as EducationLevel], 学位: p.education === 'doctor' ? '博士' : p.education === 'master' ? '硕士' : '学士',
      参工时间: `${birthYear + 24}-07-01`, 毕业院校: schoolOf(rng), 毕业时间: `${birthYear + 24}-06-30`, 工作单位: e.name, 职务: '', 职称: p.title,
      职称级别: TITLE_LEVEL_LABELS[p.titleLevel as TitleLevel], 科室及专业: p.specialty, 从事现专业时间: `${birthYear + 26}-07-01`, 身份证号: p.idNumber,
      办公电话: '', 手机号: p.mobile, 'QQ/微信': '', 个人简历: `${birthYear + 24}年至今在${e.name}工作`, 是否推荐任职: '否', 推荐职务: '', 所在单位意见: '同意推荐',
    };
    ws.addRow(PERSON_IMPORT_HEADERS.map((h) => byHeader[h] ?? ''));
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export interface UploadResult { ms: number; status: number; body: string }

/** Uploads a person sheet to the import endpoint (multipart, field `file`) and times the answer. */
export async function timeImport(url: string, cookie: string, sheet: Buffer): Promise<UploadResult> {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(sheet)], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }), 'persons.xlsx');
  const t = performance.now();
  const res = await fetch(url, { method: 'POST', body: form, headers: { cookie } });
  const body = await res.text();
  return { ms: performance.now() - t, status: res.status, body };
}
