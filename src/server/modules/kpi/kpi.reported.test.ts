import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestApp, type Session, type TestApp } from '../../../../test/app';
import { todayInVietnam } from '../../../contracts/common';
import type { KpiTable, ReportedValue } from '../../../contracts/kpi';
import { currentPeriods, seedIndicators } from './index';

/*
 * Issue 15 §3 through HTTP on a real database: a commune enters a reported value with evidence and
 * submits it; the Standing Agency approves it (locked) or returns it with a comment; the one who
 * submitted never approves; bad input is refused naming the field; the next run counts approved
 * values only, and the province only once every commune's is approved.
 */

let t: TestApp;
const PROVINCE = '12';
const MUONG_TE = '03445';
const DOAN_KET = '03388';
const today = todayInVietnam();
const QUARTER = currentPeriods(today)[1]!;
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

let officer: Session; // one-stop officer of Mường Tè
let standing: Session; // the Standing Agency
let both: Session; // Standing Agency who is also Đoàn Kết's one-stop officer

beforeAll(async () => {
  t = await createTestApp();
  await seedIndicators(t.database.db);
  officer = await t.staff('one_stop_officer', MUONG_TE);
  standing = await t.staff('standing_agency', PROVINCE);
  both = await t.staff('standing_agency', PROVINCE, undefined, [{ role: 'one_stop_officer', unitCode: DOAN_KET }]);
});
afterAll(async () => t?.close());

const body = (over: Record<string, unknown> = {}) => ({
  indicator: 'T5.OFFICERS',
  period: QUARTER,
  unitCode: MUONG_TE,
  numerator: 4,
  denominator: 5,
  ...over,
});
const enter = (s: Session, over: Record<string, unknown> = {}) =>
  s.inject({ method: 'PUT', url: '/api/v1/kpi/reported', payload: body(over) });
const step = (s: Session, id: string, name: string, payload: object) =>
  s.inject({ method: 'POST', url: `/api/v1/kpi/reported/${id}/${name}`, payload });
function upload(s: Session, id: string, data: Buffer, name = 'bien-ban.pdf') {
  const boundary = '----dvc06kpi';
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
    ),
    data,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return s.inject({
    method: 'POST',
    url: `/api/v1/kpi/reported/${id}/evidence`,
    payload,
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  });
}
const fieldOf = (res: { json: <T>() => T }) =>
  res.json<{ error: { code: string; fields?: Array<{ field: string; messageVi: string }> } }>().error;

describe('entering a reported value', () => {
  it('creates a draft, then changes it with the version read; every step in its history', async () => {
    const created = await enter(officer);
    expect(created.statusCode, created.body).toBe(201);
    const v = created.json<ReportedValue>();
    expect(v).toMatchObject({ state: 'draft', value: 80, overdue: false, evidence: null });
    const changed = await enter(officer, { numerator: 5, version: v.version });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json<ReportedValue>().history.map((h) => [h.event, h.numerator])).toEqual([
      ['entered', 4],
      ['changed', 5],
    ]);
    const stale = await enter(officer, { numerator: 3, version: v.version });
    expect(stale.statusCode).toBe(409);
  });

  it('refuses bad input with a message naming the field', async () => {
    const over = await enter(officer, { unitCode: DOAN_KET });
    expect(over.statusCode).toBe(403); // not her commune
    const ratio = await enter(officer, { numerator: 6, denominator: 5 });
    expect(ratio.statusCode).toBe(400);
    expect(fieldOf(ratio).fields![0]).toMatchObject({ field: 'numerator' });
    expect(fieldOf(ratio).fields![0]!.messageVi).toContain('không được lớn hơn mẫu số');
    expect((await enter(officer, { denominator: 0, numerator: 0 })).statusCode).toBe(400);
    const future = await enter(officer, { period: `${Number(today.slice(0, 4)) + 1}-Q1` });
    expect(fieldOf(future).fields![0]!.field).toBe('period');
    const monthly = await enter(officer, { period: today.slice(0, 7) });
    expect(fieldOf(monthly).fields![0]!.field).toBe('period');
    const computed = await enter(officer, { indicator: 'T2.EID' });
    expect(fieldOf(computed).fields![0]!.field).toBe('indicator');
    const citizen = await t.citizen({ nationalId: '012090000001', fullName: 'Người Thử' });
    expect((await enter(citizen)).statusCode).toBe(403);
  });
});

describe('submitting and approving', () => {
  let id: string;
  let version: number;
  const current = async () => {
    const list = (await standing.inject(`/api/v1/kpi/reported?period=${QUARTER}&unitCode=${MUONG_TE}`)).json<
      ReportedValue[]
    >();
    const v = list.find((r) => r.indicatorCode === 'T5.OFFICERS')!;
    ({ id, version } = v);
    return v;
  };

  it('needs the evidence before it is submitted; the evidence is a document read from its bytes', async () => {
    await current();
    const early = await step(officer, id, 'submit', { version });
    expect(early.statusCode).toBe(400);
    expect(fieldOf(early).fields![0]!.field).toBe('evidence');
    const text = await upload(officer, id, Buffer.from('not a document'), 'ghi-chu.pdf');
    expect(text.statusCode).toBe(400);
    expect(fieldOf(text).fields![0]!.field).toBe('file');
    const ok = await upload(officer, id, PDF);
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json<ReportedValue>().evidence).toMatchObject({ fileName: 'bien-ban.pdf', mediaType: 'application/pdf' });
    const sent = await step(officer, id, 'submit', { version: ok.json<ReportedValue>().version });
    expect(sent.statusCode, sent.body).toBe(200);
    expect(sent.json<ReportedValue>().state).toBe('submitted');
    expect((await enter(officer, { version: sent.json<ReportedValue>().version })).statusCode).toBe(409);
  });

  it('is returned with a comment (required), corrected and submitted again, then approved and locked', async () => {
    await current();
    expect((await step(officer, id, 'approve', { version })).statusCode).toBe(403); // not the Standing Agency
    const bare = await step(standing, id, 'return', { version });
    expect(fieldOf(bare).fields![0]!.field).toBe('comment');
    const back = await step(standing, id, 'return', { version, comment: 'Thiếu danh sách cán bộ ký xác nhận' });
    expect(back.json<ReportedValue>()).toMatchObject({
      state: 'returned',
      comment: 'Thiếu danh sách cán bộ ký xác nhận',
    });
    const fixed = await enter(officer, { numerator: 5, denominator: 6, version: back.json<ReportedValue>().version });
    expect(fixed.statusCode, fixed.body).toBe(200);
    const again = await step(officer, id, 'submit', { version: fixed.json<ReportedValue>().version });
    const approved = await step(standing, id, 'approve', { version: again.json<ReportedValue>().version });
    expect(approved.statusCode, approved.body).toBe(200);
    const v = approved.json<ReportedValue>();
    expect(v.state).toBe('approved');
    expect(v.history.map((h) => h.event)).toEqual([
      'entered',
      'changed',
      'evidence',
      'submitted',
      'returned',
      'changed',
      'submitted',
      'approved',
    ]);
    expect((await enter(officer, { version: v.version })).statusCode).toBe(409);
    await expect(
      t.database.db.execute(sql`update kpi.reported_values set numerator = 1 where id = ${id}`),
    ).rejects.toThrow();
    const file = await standing.inject(`/api/v1/kpi/reported/${id}/evidence`);
    expect(file.statusCode).toBe(200);
    expect(file.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('never lets the one who submitted a value approve it', async () => {
    const created = (await enter(both, { unitCode: DOAN_KET, numerator: 2, denominator: 2 })).json<ReportedValue>();
    const withFile = (await upload(both, created.id, PDF)).json<ReportedValue>();
    const sent = (await step(both, created.id, 'submit', { version: withFile.version })).json<ReportedValue>();
    const self = await step(both, created.id, 'approve', { version: sent.version });
    expect(self.statusCode).toBe(403);
    expect(fieldOf(self).code).toBe('KPI.SELF_APPROVAL_FORBIDDEN');
    expect((await step(standing, created.id, 'approve', { version: sent.version })).statusCode).toBe(200);
  });

  it('never lets whoever entered a value approve it, even when a colleague submitted it', async () => {
    const colleague = await t.staff('one_stop_officer', DOAN_KET);
    const year = Number(today.slice(0, 4)) - 1;
    const created = (
      await enter(both, { unitCode: DOAN_KET, numerator: 1, denominator: 2, period: `${year}-Q4` })
    ).json<ReportedValue>();
    const withFile = (await upload(both, created.id, PDF)).json<ReportedValue>();
    const sent = (await step(colleague, created.id, 'submit', { version: withFile.version })).json<ReportedValue>();
    expect(sent.state).toBe('submitted');
    const self = await step(both, created.id, 'approve', { version: sent.version });
    expect(self.statusCode).toBe(403);
    expect(fieldOf(self).code).toBe('KPI.SELF_APPROVAL_FORBIDDEN');
  });

  it('flags a value of a past period still not submitted after its window', async () => {
    const year = Number(today.slice(0, 4)) - 1; // always a past period, whatever today is
    const past = await enter(officer, { period: `${year}-Q1` });
    expect(past.statusCode, past.body).toBe(201);
    expect(past.json<ReportedValue>()).toMatchObject({ dueOn: `${year}-04-10`, overdue: true });
  });
});

describe('what a run counts', () => {
  it('counts approved values per commune; the province waits for every commune', async () => {
    expect(
      (await standing.inject({ method: 'POST', url: '/api/v1/kpi/runs', payload: { period: QUARTER } })).statusCode,
    ).toBe(201);
    const tbl = (await standing.inject(`/api/v1/kpi/values?period=${QUARTER}`)).json<KpiTable>();
    const of = (unit: string) => tbl.values.find((v) => v.indicatorCode === 'T5.OFFICERS' && v.unitCode === unit);
    expect(of(MUONG_TE)).toMatchObject({ status: 'ok', numerator: 5, denominator: 6, met: false });
    expect(of(DOAN_KET)).toMatchObject({ status: 'ok', numerator: 2, denominator: 2, met: true });
    expect(of('03424')).toMatchObject({ status: 'not_reported', value: null });
    expect(of(PROVINCE)).toMatchObject({ status: 'not_reported', value: null });
  });
});
