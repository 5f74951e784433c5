import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestApp, type Session, type TestApp } from '../../../../test/app';
import { todayInVietnam } from '../../../contracts/common';
import type { KpiRun, KpiTable, ReportedExpected, ReportedValue } from '../../../contracts/kpi';
import { currentPeriods, seedIndicators } from './index';

/*
 * Issue 15 §3 through HTTP on a real database: a commune enters a reported value with evidence and
 * submits it; the Standing Agency approves it (locked) or returns it with a comment; the one who
 * submitted never approves; bad input is refused naming the field; the next run counts approved
 * values only, and the province only once every commune's is approved. What each commune owes for a
 * period is listed even when nothing was entered (overdue after the due day); an approved value is
 * reopened only by un-approving it with a comment, and a run made before keeps it.
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
  res.json<{
    error: {
      code: string;
      messageVi: string;
      messageEn: string;
      fields?: Array<{ field: string; messageVi: string; messageEn: string }>;
    };
  }>().error;

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

  it('says what is wrong in Vietnamese and English, under the field: a share over 100 %, a negative count, a zero denominator, a future period', async () => {
    const refused = async (over: Record<string, unknown>, field: string, vi: string, en: string) => {
      const res = await enter(officer, over);
      expect(res.statusCode, res.body).toBe(400);
      const problem = fieldOf(res).fields![0]!;
      expect(problem.field).toBe(field);
      expect(problem.messageVi).toContain(vi);
      expect(problem.messageEn).toContain(en);
    };
    await refused(
      { numerator: 7, denominator: 5 },
      'numerator',
      'Tử số không được lớn hơn mẫu số',
      'cannot exceed the denominator',
    );
    await refused({ numerator: -1 }, 'numerator', 'Tử số không âm', 'The numerator is not negative');
    await refused({ numerator: 0, denominator: 0 }, 'denominator', 'Mẫu số phải lớn hơn 0', 'more than 0');
    await refused({ numerator: 1.5 }, 'numerator', 'Tử số là số nguyên', 'whole number');
    await refused({ period: `${Number(today.slice(0, 4)) + 1}-Q1` }, 'period', 'chưa bắt đầu', 'future period');
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
    expect(fieldOf(self).messageVi).toContain('không tự duyệt');
    expect(fieldOf(self).messageEn).toContain('does not approve it');
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

describe('what each unit owes for a period, entered or not', () => {
  const year = Number(today.slice(0, 4)) - 2; // a past quarter no other test enters
  const PERIOD = `${year}-Q2`;
  const expected = (s: Session, query = '') => s.inject(`/api/v1/kpi/reported/expected?period=${PERIOD}${query}`);

  it("lists every commune to the Standing Agency, those that entered nothing as 'not entered' and overdue", async () => {
    const res = await expected(standing);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    const list = res.json<ReportedExpected>();
    expect(list).toMatchObject({ period: PERIOD, dueOn: `${year}-07-10` });
    expect(list.indicators.map((i) => i.code)).toEqual(['T5.OFFICERS']);
    expect(list.rows).toHaveLength(38); // today's communes; the province's own value is optional
    expect(new Set(list.rows.map((r) => r.unitLevel))).toEqual(new Set(['commune']));
    const muongTe = list.rows.find((r) => r.unitCode === MUONG_TE)!;
    expect(muongTe).toMatchObject({
      indicatorCode: 'T5.OFFICERS',
      unitName: 'Xã Mường Tè',
      required: true,
      state: 'not_entered',
      overdue: true,
      value: null,
      may: { enter: false, submit: false, decide: false, unapprove: false },
    });
  });

  it("shows a commune's officer only the commune, with the value once entered; the other units' list is empty", async () => {
    const before = (await expected(officer)).json<ReportedExpected>();
    expect(before.rows.map((r) => [r.unitCode, r.state, r.may.enter])).toEqual([[MUONG_TE, 'not_entered', true]]);
    const created = (await enter(officer, { period: PERIOD })).json<ReportedValue>();
    const after = (await expected(officer)).json<ReportedExpected>().rows;
    expect(after).toHaveLength(1);
    expect(after[0]).toMatchObject({ state: 'draft', overdue: true, value: { id: created.id, numerator: 4 } });
    expect(after[0]!.may).toEqual({ enter: true, submit: true, decide: false, unapprove: false });
    expect((await expected(officer, `&unitCode=${DOAN_KET}`)).json<ReportedExpected>().rows).toEqual([]);
    const one = (await expected(standing, `&unitCode=${MUONG_TE}`)).json<ReportedExpected>().rows;
    expect(one.map((r) => [r.unitCode, r.state])).toEqual([[MUONG_TE, 'draft']]);
  });

  it('lets the Standing Agency decide a submitted value only when it did not enter it, and lists a province value as optional', async () => {
    const mine = (
      await enter(both, { period: PERIOD, unitCode: DOAN_KET, numerator: 1, denominator: 1 })
    ).json<ReportedValue>();
    const withFile = (await upload(both, mine.id, PDF)).json<ReportedValue>();
    await step(both, mine.id, 'submit', { version: withFile.version });
    const theirs = (await expected(officer)).json<ReportedExpected>().rows[0]!.value!;
    const sent = (await upload(officer, theirs.id, PDF)).json<ReportedValue>();
    expect((await step(officer, theirs.id, 'submit', { version: sent.version })).statusCode).toBe(200);
    const rows = (await expected(both)).json<ReportedExpected>().rows;
    const of = (code: string) => rows.find((r) => r.unitCode === code)!;
    expect([of(DOAN_KET).state, of(DOAN_KET).may.decide]).toEqual(['submitted', false]); // entered it
    expect([of(MUONG_TE).state, of(MUONG_TE).may.decide, of(MUONG_TE).overdue]).toEqual(['submitted', true, false]);

    const provincial = await t.staff('one_stop_officer', PROVINCE);
    expect((await enter(provincial, { period: PERIOD, unitCode: PROVINCE })).statusCode).toBe(201);
    const withProvince = (await expected(standing)).json<ReportedExpected>().rows;
    expect(withProvince).toHaveLength(39);
    expect(withProvince.find((r) => r.unitCode === PROVINCE)).toMatchObject({
      unitLevel: 'province',
      required: false,
      state: 'draft',
    });
  });

  it('refuses a future period naming the field, and owes nothing quarterly for a month', async () => {
    const future = await standing.inject(`/api/v1/kpi/reported/expected?period=${Number(today.slice(0, 4)) + 1}-Q1`);
    expect(future.statusCode).toBe(400);
    expect(fieldOf(future).fields![0]).toMatchObject({ field: 'period' });
    const month = (await standing.inject(`/api/v1/kpi/reported/expected?period=${year}-05`)).json<ReportedExpected>();
    expect([month.indicators, month.rows]).toEqual([[], []]);
    const citizen = await t.citizen({ nationalId: '012090000002', fullName: 'Người Thử Hai' });
    expect((await expected(citizen)).statusCode).toBe(403);
  });
});

describe('un-approving a value', () => {
  const PERIOD = `${Number(today.slice(0, 4)) - 1}-Q3`;
  let id: string;
  let approved: ReportedValue;
  let run: KpiRun;

  beforeAll(async () => {
    const created = (await enter(officer, { period: PERIOD, numerator: 3, denominator: 4 })).json<ReportedValue>();
    id = created.id;
    const withFile = (await upload(officer, id, PDF)).json<ReportedValue>();
    const sent = (await step(officer, id, 'submit', { version: withFile.version })).json<ReportedValue>();
    approved = (await step(standing, id, 'approve', { version: sent.version })).json<ReportedValue>();
    const made = await standing.inject({ method: 'POST', url: '/api/v1/kpi/runs', payload: { period: PERIOD } });
    expect(made.statusCode, made.body).toBe(201);
    run = made.json<KpiRun>();
  });

  const officersValue = async (runId?: number) => {
    const tbl = (
      await standing.inject(`/api/v1/kpi/values?period=${PERIOD}${runId ? `&runId=${runId}` : ''}`)
    ).json<KpiTable>();
    return tbl.values.find((v) => v.indicatorCode === 'T5.OFFICERS' && v.unitCode === MUONG_TE);
  };

  it('is for the Standing Agency, with a comment, on an approved value only', async () => {
    expect(approved.state).toBe('approved');
    expect((await step(officer, id, 'unapprove', { version: approved.version, comment: 'Sai' })).statusCode).toBe(403);
    const bare = await step(standing, id, 'unapprove', { version: approved.version });
    expect(bare.statusCode).toBe(400);
    expect(fieldOf(bare).fields![0]).toMatchObject({ field: 'comment', messageVi: 'Hãy ghi lý do bỏ duyệt' });
    expect((await step(standing, id, 'unapprove', { version: approved.version - 1, comment: 'Sai' })).statusCode).toBe(
      409,
    );
    const draft = (await enter(officer, { period: `${Number(today.slice(0, 4)) - 1}-Q2` })).json<ReportedValue>();
    const notApproved = await step(standing, draft.id, 'unapprove', { version: draft.version, comment: 'Sai' });
    expect(notApproved.statusCode).toBe(409);
    expect(fieldOf(notApproved).fields![0]!.field).toBe('state');
  });

  it('reopens it as returned with its figures and evidence, recorded in its history; the unit corrects it', async () => {
    const res = await step(standing, id, 'unapprove', {
      version: approved.version,
      comment: 'Số cán bộ tiếp nhận chưa khớp danh sách của Sở Nội vụ',
    });
    expect(res.statusCode, res.body).toBe(200);
    const v = res.json<ReportedValue>();
    expect(v).toMatchObject({
      state: 'returned',
      numerator: 3,
      denominator: 4,
      comment: 'Số cán bộ tiếp nhận chưa khớp danh sách của Sở Nội vụ',
      evidence: { fileName: 'bien-ban.pdf' },
    });
    expect(v.history.at(-1)).toMatchObject({
      event: 'unapproved',
      toState: 'returned',
      byRole: 'standing_agency',
      numerator: 3,
      comment: 'Số cán bộ tiếp nhận chưa khớp danh sách của Sở Nội vụ',
    });
    const fixed = await enter(officer, { period: PERIOD, numerator: 4, denominator: 4, version: v.version });
    expect(fixed.statusCode, fixed.body).toBe(200);
    expect(fixed.json<ReportedValue>().state).toBe('draft');
  });

  it('leaves a run made while it was approved as it was; the next run no longer counts it', async () => {
    expect(await officersValue(run.id)).toMatchObject({ status: 'ok', numerator: 3, denominator: 4 });
    expect(
      (await standing.inject({ method: 'POST', url: '/api/v1/kpi/runs', payload: { period: PERIOD } })).statusCode,
    ).toBe(201);
    expect(await officersValue()).toMatchObject({ status: 'not_reported', value: null });
    expect(await officersValue(run.id)).toMatchObject({ status: 'ok', numerator: 3, denominator: 4 });
  });

  it('is the only change the database lets an approved row take: figures, evidence, deletion and other states are refused', async () => {
    const other = (
      await enter(officer, { period: `${Number(today.slice(0, 4)) - 1}-Q4`, numerator: 2, denominator: 2 })
    ).json<ReportedValue>();
    const withFile = (await upload(officer, other.id, PDF)).json<ReportedValue>();
    const sent = (await step(officer, other.id, 'submit', { version: withFile.version })).json<ReportedValue>();
    const ok = (await step(standing, other.id, 'approve', { version: sent.version })).json<ReportedValue>();
    const db = t.database.db;
    const by = standing.accountId;
    const refused = [
      sql`update kpi.reported_values set numerator = 1 where id = ${other.id}`,
      sql`update kpi.reported_values set evidence_sha256 = 'x', evidence_name = 'khac.pdf' where id = ${other.id}`,
      sql`update kpi.reported_values set state = 'draft', version = version + 1 where id = ${other.id}`,
      sql`update kpi.reported_values set state = 'submitted', version = version + 1 where id = ${other.id}`,
      // back to returned, but without a comment, or with the figures changed on the way
      sql`update kpi.reported_values set state = 'returned', version = version + 1, decided_by = ${by}, comment = null where id = ${other.id}`,
      sql`update kpi.reported_values set state = 'returned', version = version + 1, decided_by = ${by}, comment = 'x', numerator = 1 where id = ${other.id}`,
      // a blank comment, no one deciding, or the created time changed (any column other than the decision's)
      sql`update kpi.reported_values set state = 'returned', version = version + 1, decided_by = ${by}, comment = '   ' where id = ${other.id}`,
      sql`update kpi.reported_values set state = 'returned', version = version + 1, decided_by = null, comment = 'x' where id = ${other.id}`,
      sql`update kpi.reported_values set state = 'returned', version = version + 1, decided_by = ${by}, comment = 'x', created_at = now() - interval '1 day' where id = ${other.id}`,
      sql`delete from kpi.reported_values where id = ${other.id}`,
    ];
    for (const statement of refused) await expect(db.execute(statement)).rejects.toThrow();
    const list = (await standing.inject(`/api/v1/kpi/reported?period=${other.period}&unitCode=${MUONG_TE}`)).json<
      ReportedValue[]
    >();
    expect(list.find((r) => r.id === other.id)).toMatchObject({ state: 'approved', numerator: 2, version: ok.version });
  });
});
