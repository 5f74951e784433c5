import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { randomUUID } from 'node:crypto';
import { type Session } from '../../../../test/app';
import { makeHousehold, makePerson } from '../../../../test/factories';
import { multipart } from '../../../../test/multipart';
import { copyRegistryBatch } from '../population';
import type { DossierDetail, DossierSummary } from '../../../contracts/dossiers';
import {
  TEMP,
  PDF,
  PNG,
  t,
  citizen,
  police,
  policeElsewhere,
  oneStop,
  mai,
  versionId,
  prefilledForm,
  file,
  command,
  counts,
  useDossierApp,
} from './dossiers.routes.test-support';

useDossierApp();

describe('an officer enters a paper filing at the counter', () => {
  it('records the channel as paper, finds the applicant by ID number, and logs that lookup', async () => {
    const form = { ...(await prefilledForm(citizen)) };
    const mp = multipart(
      'dossier',
      {
        procedureCode: TEMP,
        procedureVersionId: versionId,
        form,
        channel: 'paper',
        unitCode: '03445',
        applicantNationalId: mai.nationalId,
      },
      [{ field: 'file:lawful_dwelling', name: 'scan.pdf', type: 'application/pdf', data: PDF }],
    );
    const res = await police.inject({ method: 'POST', url: '/api/v1/dossiers', ...mp });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json<DossierDetail>()).toMatchObject({
      channel: 'paper',
      applicantName: 'Lò Thị Mai',
      state: 'submitted',
    });
    const elsewhere = await policeElsewhere.inject({
      method: 'POST',
      url: '/api/v1/dossiers',
      ...multipart(
        'dossier',
        {
          procedureCode: TEMP,
          procedureVersionId: versionId,
          form,
          channel: 'paper',
          unitCode: '03445',
          applicantNationalId: mai.nationalId,
        },
        [],
      ),
    });
    expect(elsewhere.statusCode).toBe(403);
  });

  it('refuses a deceased applicant (the declarant is who stands at the counter) and writes nothing', async () => {
    const late = makePerson({
      id: randomUUID(),
      nationalId: '012050000103',
      idCardNumber: '012050000103',
      fullName: 'Lò Văn Khằm',
      sex: 'male',
      birthYear: 1950,
      birthDate: '1950-02-02',
      status: 'deceased',
      deathDate: '2026-01-10',
    });
    await copyRegistryBatch(t.database, makeHousehold('03445', [late]));
    const before = await counts();
    const form = { ...(await prefilledForm(citizen)) };
    const res = await police.inject({
      method: 'POST',
      url: '/api/v1/dossiers',
      ...multipart(
        'dossier',
        {
          procedureCode: TEMP,
          procedureVersionId: versionId,
          form,
          channel: 'paper',
          unitCode: '03445',
          applicantNationalId: late.nationalId,
        },
        [{ field: 'file:lawful_dwelling', name: 'scan.pdf', type: 'application/pdf', data: PDF }],
      ),
    });
    expect(res.statusCode, res.body).toBe(400);
    const fields = res.json<{ error: { fields: Array<{ field: string; messageVi: string }> } }>().error.fields;
    expect(fields.map((f) => f.field)).toEqual(['applicantNationalId']);
    expect(fields[0]!.messageVi).toContain('người đã mất');
    expect(await counts()).toEqual(before);
  });
});

describe('the fee of a dossier', () => {
  const kinh = makePerson({
    id: randomUUID(),
    nationalId: '001090000301',
    idCardNumber: '001090000301',
    fullName: 'Nguyễn Văn Bình',
    sex: 'male',
    ethnicityCode: '01',
    birthDate: '1990-05-05',
  });
  const border = makePerson({
    id: randomUUID(),
    nationalId: '001090000302',
    idCardNumber: '001090000302',
    fullName: 'Trần Văn Cường',
    sex: 'male',
    ethnicityCode: '01',
    birthDate: '1991-06-06',
  });
  let kinhSession: Session;
  beforeAll(async () => {
    await copyRegistryBatch(t.database, makeHousehold('03445', [kinh]));
    await copyRegistryBatch(t.database, makeHousehold('03451', [border])); // Mù Cả, a border commune
    kinhSession = await t.citizen({ nationalId: kinh.nationalId!, fullName: kinh.fullName }, 2);
  });

  /*
   * An online fee is waived from 15/8/2026 to 28/2/2027 for level-2 e-ID filers (Circular 117/2026/TT-BTC
   * Art. 1(3), fees/calculation.waiver.test.ts): the tests of paying it file on the day before.
   * Only the date moves (sessions and the database's clock do not), to a past day the sessions outlive.
   */
  const beforeWaiver = async <T>(filing: (version: { procedureVersionId: string }) => Promise<T>): Promise<T> => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-08-14T03:00:00Z'));
    try {
      const v = await t.app.inject(`/api/v1/procedures/${TEMP}?asOf=2026-08-14`);
      return await filing({ procedureVersionId: v.json<{ id: string }>().id });
    } finally {
      vi.useRealTimers(); // staff assignments start today: officers act on the real date
    }
  };
  afterEach(() => vi.useRealTimers());

  it('is charged at the online rate and waits for payment before the desk sees it; a paid fee moves it on once', async () => {
    const d = (await beforeWaiver((v) => file(kinhSession, v))).json<DossierDetail>();
    expect(d).toMatchObject({ state: 'awaiting_payment', feeStatus: 'unpaid', feeAmount: 7_000 });
    expect(d.fee).toMatchObject({ amount: 7_000 });
    expect(d.allowedCommands).toEqual(['withdraw']);
    const queue = (await police.inject('/api/v1/dossiers?queue=new&pageSize=100')).json<{ items: DossierSummary[] }>();
    expect(queue.items.map((i) => i.id)).not.toContain(d.id);
    const { settleDossierFee } = await import('./dossiers.payments');
    const pay = (amount: number) =>
      t.database.db.transaction((tx) =>
        settleDossierFee(tx, d.id, { paymentId: randomUUID(), amount, method: 'gateway', at: new Date() }),
      );
    await expect(pay(6_000)).rejects.toMatchObject({ code: 'DOSSIER.FEE_CONFLICT' });
    await pay(7_000);
    await expect(pay(7_000)).rejects.toMatchObject({ code: 'DOSSIER.FEE_CONFLICT' });
    const paid = (await kinhSession.inject(`/api/v1/dossiers/${d.id}`)).json<DossierDetail>();
    expect(paid).toMatchObject({ state: 'submitted', feeStatus: 'paid', feePaidAmount: 7_000 });
    expect(paid.timeline.map((s) => s.command)).toEqual(['submit', 'pay']);
    expect(paid.timeline[1]!.note).toBe('Thanh toán trực tuyến: 7.000 đồng'); // grouped the Vietnamese way
  });

  it('states when an unpaid dossier is withdrawn, and the job withdraws it then (not before), closing its payments once', async () => {
    const d = (await beforeWaiver((v) => file(kinhSession, v))).json<DossierDetail>();
    expect(d.state).toBe('awaiting_payment');
    // Filed Friday 14/8 10:00: by the end of the second working day after, Tuesday 18/8 17:00 (Vietnam time).
    expect(d.paymentDueAt).toBe(new Date('2026-08-18T17:00:00+07:00').toISOString());
    const { expireUnpaidDossiers } = await import('./unpaid-expiry');
    const closed: string[] = [];
    const onWithdraw = async (_tx: unknown, id: string, _at: Date, by: string) => void closed.push(`${id}:${by}`);
    expect(await expireUnpaidDossiers(t.database.db, { now: new Date('2026-08-18T16:59:00+07:00'), onWithdraw })).toBe(
      0,
    );
    expect((await kinhSession.inject(`/api/v1/dossiers/${d.id}`)).json<DossierDetail>().state).toBe('awaiting_payment');

    expect(await expireUnpaidDossiers(t.database.db, { onWithdraw })).toBeGreaterThanOrEqual(1);
    expect(closed).toContain(`${d.id}:job`);
    const after = (await kinhSession.inject(`/api/v1/dossiers/${d.id}`)).json<DossierDetail>();
    expect(after).toMatchObject({ state: 'withdrawn', paymentDueAt: null, allowedCommands: [] });
    const last = after.timeline.at(-1)!;
    expect(last).toMatchObject({ command: 'expire_unpaid', toState: 'withdrawn' });
    expect(last.reason).toContain('chưa nộp phí');
    const again = closed.length;
    await expireUnpaidDossiers(t.database.db, { onWithdraw }); // nothing left to withdraw twice
    expect(closed.length).toBe(again);
  });

  it('is nothing for a resident of a border commune, checked against the registry without asking', async () => {
    const s = await t.citizen({ nationalId: border.nationalId!, fullName: border.fullName }, 2);
    const d = (await file(s, { unitCode: '03445' })).json<DossierDetail>();
    expect(d).toMatchObject({ state: 'submitted', feeStatus: 'exempt', feeAmount: 0 });
    // The registry proved it: the desk has no exemption to decide, only the dossier to receive.
    const seen = (await oneStop.inject(`/api/v1/dossiers/${d.id}`)).json<DossierDetail>();
    expect(seen.allowedCommands).toContain('receive');
    expect(seen.allowedCommands).not.toContain('confirm_exemption');
    expect(seen.allowedCommands).not.toContain('reject_exemption');
  });

  it('needs a proof for a claimed disability, and an officer confirms or rejects it', async () => {
    const missing = await beforeWaiver((v) => file(kinhSession, { exemptionClaim: 'disability', ...v }));
    expect(missing.statusCode).toBe(400);
    expect(missing.json<{ error: { fields: Array<{ field: string }> } }>().error.fields[0]?.field).toBe(
      'file:exemption_proof',
    );
    const withProof = [
      { field: 'file:lawful_dwelling', name: 'a.pdf', type: 'application/pdf', data: PDF },
      { field: 'file:exemption_proof', name: 'giay-xac-nhan.png', type: 'image/png', data: PNG },
    ];
    const a = (
      await beforeWaiver((v) => file(kinhSession, { exemptionClaim: 'disability', ...v }, withProof))
    ).json<DossierDetail>();
    expect(a).toMatchObject({ state: 'submitted', feeStatus: 'exemption_pending', feeAmount: 0 });
    expect((await oneStop.inject(`/api/v1/dossiers/${a.id}`)).json<DossierDetail>().allowedCommands).toEqual(
      expect.arrayContaining(['confirm_exemption', 'reject_exemption']),
    );
    const confirmed = await command(oneStop, a.id, 'confirm_exemption', {
      note: 'Đã đối chiếu giấy xác nhận khuyết tật bản gốc',
    });
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    expect(confirmed.json<DossierDetail>()).toMatchObject({ state: 'submitted', feeStatus: 'exempt', feeAmount: 0 });
    expect(confirmed.json<DossierDetail>().allowedCommands).not.toContain('confirm_exemption');
    expect((await command(oneStop, a.id, 'confirm_exemption')).statusCode).toBe(409);

    const b = (
      await beforeWaiver((v) => file(kinhSession, { exemptionClaim: 'disability', ...v }, withProof))
    ).json<DossierDetail>();
    const noReason = await command(oneStop, b.id, 'reject_exemption', {});
    expect(noReason.statusCode).toBe(400);
    const rejected = await command(oneStop, b.id, 'reject_exemption', { reason: 'Giấy xác nhận đã hết hạn' });
    expect(rejected.statusCode, rejected.body).toBe(200);
    expect(rejected.json<DossierDetail>()).toMatchObject({
      state: 'awaiting_payment',
      feeStatus: 'unpaid',
      feeAmount: 7_000,
    });
  });

  it('is collected in cash at the counter for a paper filing at the direct rate', async () => {
    const form = { ...(await prefilledForm(kinhSession)) };
    const mp = multipart(
      'dossier',
      {
        procedureCode: TEMP,
        procedureVersionId: versionId,
        form,
        channel: 'paper',
        unitCode: '03445',
        applicantNationalId: kinh.nationalId,
      },
      [{ field: 'file:lawful_dwelling', name: 'scan.pdf', type: 'application/pdf', data: PDF }],
    );
    const res = await police.inject({ method: 'POST', url: '/api/v1/dossiers', ...mp });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json<DossierDetail>()).toMatchObject({ state: 'submitted', feeStatus: 'cash', feeAmount: 15_000 });
  });
});
