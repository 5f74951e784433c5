import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { todayInVietnam } from '../../../contracts/common';
import type { DossierDetail } from '../../../contracts/dossiers';
import type { ServiceIndex, ServiceIndexRatioKey } from '../../../contracts/service-index';
import type { Session } from '../../../../test/app';
import { makeHousehold, makePerson } from '../../../../test/factories';
import { multipart } from '../../../../test/multipart';
import { copyRegistryBatch } from '../population';
import { DOSSIER_INDICATOR_SOURCES } from '../dossiers';
import { setFeeWaiversNotApplied } from '../fees';
import { completeOnGateway, paymentWorld, startPayment, type PaymentWorld } from '../payments/test-support';
import { SERVICE_INDEX_INDICATOR_SOURCES } from './index';

/*
 * Issue 17 §5, the service index's ratios that depend on how a dossier was filed, paid and given its
 * result, moved through HTTP on a real database (PostgreSQL or PGlite) and the real sandbox gateway
 * (the app listens, the sandbox's signed IPN credits the payment): fully online, paid online and
 * results digitised each gain one for a temporary residence registration (online level `full`) filed
 * online, paid through the gateway and given its electronic result (CT08, a `result_verifications`
 * row); a paper filing paid in cash at the counter adds to the fees paid and the dossiers received
 * only; a dossier refused at intake or still waiting for reception is not received (Decision 766 counts
 * dossiers received — ADR 0033 decision 6).
 */

const TEMP = '1.004194'; // Đăng ký tạm trú: online level `full`, a fee
const UNIT = '03445';
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

let w: PaymentWorld;
/** A Kinh resident of Mường Tè aged 46: no exemption waives his fee (the payments tests' citizens are Thái). */
let binh: Session;
const WAIVER = 'online_eid_level2_2026'; // in force today: online residence filings pay nothing
beforeAll(async () => {
  // As a province that does not apply the temporary waiver (FEE_WAIVERS_NOT_APPLIED): the online rate is due.
  setFeeWaiversNotApplied([WAIVER]);
  w = await paymentWorld({ LOG_LEVEL: 'error' });
  const person = makePerson({
    id: randomUUID(),
    nationalId: '001080000301',
    idCardNumber: '001080000301',
    fullName: 'Nguyễn Văn Bình',
    birthYear: 1980,
    birthDate: '1980-04-04',
    sex: 'male',
    ethnicityCode: '01',
  });
  await copyRegistryBatch(w.t.database, makeHousehold(UNIT, [person]));
  binh = await w.t.citizen({ nationalId: person.nationalId!, fullName: person.fullName }, 2);
}, 90_000);
afterAll(async () => {
  setFeeWaiversNotApplied([]);
  await w?.close();
});

const today = todayInVietnam();
const quarter = `${today.slice(0, 4)}-Q${Math.ceil(Number(today.slice(5, 7)) / 3)}`;

/** The index of Mường Tè for this quarter, as its commune police read it. */
async function index(): Promise<Record<ServiceIndexRatioKey, { numerator: number; denominator: number }>> {
  const res = await w.police.inject(`/api/v1/service-index?period=${quarter}&unit=${UNIT}`);
  expect(res.statusCode, res.body).toBe(200);
  const body = res.json<ServiceIndex>();
  return Object.fromEntries(
    body.ratios.map((r) => [r.key, { numerator: r.numerator, denominator: r.denominator }]),
  ) as Record<ServiceIndexRatioKey, { numerator: number; denominator: number }>;
}

/** How each ratio moved between two readings: [numerator, denominator]. */
function moved(before: Awaited<ReturnType<typeof index>>, after: Awaited<ReturnType<typeof index>>) {
  return Object.fromEntries(
    (Object.keys(after) as ServiceIndexRatioKey[]).map((k) => [
      k,
      [after[k].numerator - before[k].numerator, after[k].denominator - before[k].denominator],
    ]),
  );
}

/** Files a temporary residence registration through the API: online by the citizen, or on paper by the officer. */
async function fileTemp(by: Session, channel: 'online' | 'paper'): Promise<DossierDetail> {
  const version = (await w.t.app.inject(`/api/v1/procedures/${TEMP}`)).json<{ id: string }>();
  const prefill = (await (channel === 'online' ? by : w.citizen).inject(`/api/v1/procedures/${TEMP}/prefill`)).json<{
    values: Record<string, unknown>;
  }>();
  const body = {
    procedureCode: TEMP,
    procedureVersionId: version.id,
    channel,
    form: {
      ...prefill.values,
      addressCommune: UNIT,
      addressVillage: 'Tổ 5',
      requestContent: 'Đăng ký tạm trú để làm việc tại xã Mường Tè',
    },
    ...(channel === 'paper' && { unitCode: UNIT, applicantNationalId: '012190000201' }),
  };
  const mp = multipart('dossier', body, [
    { field: 'file:lawful_dwelling', name: 'hop-dong.pdf', type: 'application/pdf', data: PDF },
  ]);
  const res = await by.inject({ method: 'POST', url: '/api/v1/dossiers', ...mp });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<DossierDetail>();
}

async function run(session: Session, id: string, commands: string[], payload: Record<string, unknown> = {}) {
  let dossier: DossierDetail | undefined;
  for (const name of commands) {
    const res = await session.inject({ method: 'POST', url: `/api/v1/dossiers/${id}/commands/${name}`, payload });
    expect(res.statusCode, `${name}: ${res.body}`).toBe(200);
    dossier = res.json<DossierDetail>();
  }
  return dossier!;
}

const verifications = async (id: string) =>
  Number(
    (
      await w.t.database.rows<{ n: string }>(
        sql`select count(*)::text as n from dossiers.result_verifications where dossier_id = ${id}`,
      )
    )[0]!.n,
  );

describe('the service index ratios move with how a dossier is filed, paid and given its result', () => {
  it('a full-level procedure filed online, paid through the gateway, its result issued electronically: fully online, paid online and results digitised each +1 over +1', async () => {
    const before = await index();
    const filed = await fileTemp(binh, 'online');
    expect(filed).toMatchObject({ state: 'awaiting_payment', channel: 'online', feeStatus: 'unpaid' });
    expect(filed.feeAmount).toBeGreaterThan(0);
    // Not received yet (waiting for its fee): nothing counted as received.
    expect(moved(before, await index()).received_online).toEqual([0, 0]);

    const { status, body } = await startPayment(binh, filed.id);
    expect(status).toBe(201);
    const back = await completeOnGateway(w.base, body.redirectUrl!, 'pay');
    expect(back.status).toBe(303);
    expect(await w.dossierFee(filed.id)).toMatchObject({
      state: 'submitted',
      feeStatus: 'paid',
      feePaymentId: body.payment.id,
    });

    const done = await run(w.police, filed.id, ['receive', 'start_processing', 'approve', 'issue_result']);
    expect(done.state).toBe('result_issued');
    expect(await verifications(filed.id)).toBeGreaterThan(0); // the CT08 as a verifiable electronic document

    const change = moved(before, await index());
    expect(change).toMatchObject({
      received_online: [1, 1],
      fully_online: [1, 1],
      paid_online: [1, 1],
      result_digitised: [1, 1],
    });
  });

  it('a paper filing with the fee paid in cash at the counter: fees paid and dossiers received +1, nothing online', async () => {
    const before = await index();
    const filed = await fileTemp(w.police, 'paper');
    expect(filed).toMatchObject({ state: 'submitted', channel: 'paper', feeStatus: 'cash' });
    const afterFiling = moved(before, await index());
    expect(afterFiling.paid_online).toEqual([0, 1]); // paid when filed, in cash
    expect(afterFiling.received_online).toEqual([0, 0]); // not received yet
    await run(w.police, filed.id, ['receive']);
    const change = moved(before, await index());
    expect(change).toMatchObject({
      received_online: [0, 1],
      fully_online: [0, 1],
      paid_online: [0, 1],
    });
  });

  it('a dossier refused at intake is not received: neither ratio over dossiers received moves', async () => {
    const before = await index();
    const filed = await fileTemp(w.police, 'paper');
    await run(w.police, filed.id, ['refuse_intake'], {
      reason: 'Hồ sơ không thuộc thẩm quyền tiếp nhận của xã',
      legalBasis: 'Nghị định 61/2018/NĐ-CP, Điều 19',
    });
    const change = moved(before, await index());
    expect(change).toMatchObject({ received_online: [0, 0], fully_online: [0, 0] });
  });

  it('the kpi source of dossiers received online counts the received dossiers as the index does', async () => {
    const now = await index();
    const from = `${quarter.slice(0, 4)}-${String((Number(quarter.slice(-1)) - 1) * 3 + 1).padStart(2, '0')}-01`;
    const q = {
      period: { code: quarter, type: 'quarter' as const, from, to: today },
      asOf: today,
      communeCodes: [UNIT],
    };
    for (const [key, source] of [
      ['received_online', DOSSIER_INDICATOR_SOURCES.find((s) => s.key === 'dossiers.received_online')!],
      ['fully_online', SERVICE_INDEX_INDICATOR_SOURCES.find((s) => s.key === 'service_index.fully_online')!],
      ['paid_online', SERVICE_INDEX_INDICATOR_SOURCES.find((s) => s.key === 'service_index.paid_online')!],
    ] as const) {
      const row = (await source.count(w.t.database.db, q)).find((c) => c.unitCode === UNIT);
      expect({ key, n: row?.numerator ?? 0, d: row?.denominator ?? 0 }).toEqual({
        key,
        n: now[key].numerator,
        d: now[key].denominator,
      });
    }
    // The list behind the kpi figure holds the same dossiers: the paper one received, not the one refused at intake.
    const list = DOSSIER_INDICATOR_SOURCES.find((s) => s.key === 'dossiers.received_online')!.list!;
    const reader = { accountId: w.police.accountId, role: 'commune_police', unitCode: UNIT, requestId: randomUUID(), purpose: 'statistics' }; // prettier-ignore
    const missing = await list.page(w.t.database.db, { ...q, unitCode: UNIT, side: 'missing', limit: 50, offset: 0 }, reader); // prettier-ignore
    expect(missing.total).toBe(now.received_online.denominator - now.received_online.numerator);
    expect(missing.items.map((i) => i.state)).not.toContain('not_accepted');
  });
});
