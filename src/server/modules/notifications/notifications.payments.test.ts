import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { Inbox, type InboxMessage } from '../../../contracts/notifications';
import { expireUnpaidDossiers } from '../dossiers';
import { closePaymentsOfWithdrawnDossier } from '../payments';
import { completeOnGateway, FEE, paymentWorld, startPayment, type PaymentWorld } from '../payments/test-support';
import { collectNotifications } from './collect';
import { deliverDue } from './deliver';
import { seedTemplates } from './templates.service';
import { insertTransition } from './test-support';

/*
 * The payment messages rendered from the real moves (issue 17 §2): a fee paid through the gateway
 * sandbox (its IPN settles the dossier), an officer's refund confirmed by the gateway, and the
 * unpaid-expiry job's withdrawal of a dossier whose fee was never paid. The inbox's Vietnamese and
 * English texts carry the amounts actually paid and refunded, each in its own language.
 */

let w: PaymentWorld;
const db = () => w.t.database.db;
const pass = async () => {
  await collectNotifications(db(), { portalUrl: w.base });
  await deliverDue(db(), {}); // the inbox (no e-mail channel here: e-mails wait)
};
const codeOf = async (dossierId: string) =>
  (await w.t.database.rows<{ code: string }>(sql`select code from dossiers.dossiers where id = ${dossierId}`))[0]!.code;
const messageOf = async (code: string, event: string): Promise<InboxMessage> => {
  const inbox = Inbox.parse((await w.citizen.inject('/api/v1/notifications/inbox')).json());
  const found = inbox.items.filter((i) => i.dossierCode === code && i.event === event);
  expect(found).toHaveLength(1);
  return found[0]!;
};

beforeAll(async () => {
  w = await paymentWorld();
  await seedTemplates(db());
  await collectNotifications(db(), { portalUrl: w.base }); // the feed starts here
}, 60_000);
afterAll(async () => w?.close());

describe('payment messages', () => {
  let dossierId: string;
  let paymentId: string;

  it('payment received: the amount actually paid (payments’ record), in each language', async () => {
    dossierId = await w.payableDossier();
    const started = (await startPayment(w.citizen, dossierId)).body;
    paymentId = started.payment.id;
    expect((await completeOnGateway(w.base, started.redirectUrl!, 'pay')).status).toBeLessThan(400);
    expect((await w.dossierFee(dossierId)).feeStatus).toBe('paid');
    // Were the dossier's fee to read otherwise, the message still says what was paid.
    await w.t.database.rows(sql`update dossiers.dossiers set fee_amount = 99000 where id = ${dossierId} returning id`);
    await pass();
    const m = await messageOf(await codeOf(dossierId), 'payment_received');
    expect(FEE).toBe(7_000);
    expect(m.bodyVi).toContain('Đã nhận 7.000 đồng lệ phí');
    expect(m.bodyEn).toContain('We received 7,000 VND for dossier');
    expect(`${m.bodyVi}${m.bodyEn}`).not.toMatch(/99[.,]000/);
  });

  it('payment refunded: this refund’s amount in each language, the officer’s reason as written', async () => {
    const res = await w.police.inject({
      method: 'POST',
      url: `/api/v1/payments/${paymentId}/refunds`,
      payload: { amount: 2000, reason: 'Thu thừa lệ phí do nhập sai số người' },
    });
    expect(res.statusCode, res.body).toBe(200);
    await pass();
    const m = await messageOf(await codeOf(dossierId), 'payment_refunded');
    expect(m.bodyVi).toContain('đã được hoàn: 2.000 đồng.');
    expect(m.bodyVi).toContain('Lý do: Thu thừa lệ phí do nhập sai số người');
    expect(m.bodyEn).toContain('was refunded: 2,000 VND.');
    expect(m.bodyEn).not.toContain('Hoàn');
  });

  it('automatic withdrawal of an unpaid dossier (unpaid-expiry job): the citizen is told why, in each language', async () => {
    // A dossier waiting for its fee since its filing (the world's copies carry no history: its submit is written here).
    const id = await w.payableDossier();
    const d = { id, code: await codeOf(id) };
    await insertTransition(db(), d, { command: 'submit', toState: 'awaiting_payment', actorRole: 'citizen' });
    const later = new Date(Date.now() + 10 * 86_400_000);
    expect(
      await expireUnpaidDossiers(db(), { now: later, onWithdraw: closePaymentsOfWithdrawnDossier }),
    ).toBeGreaterThanOrEqual(1);
    await pass();
    const m = await messageOf(d.code, 'automatic_withdrawal');
    expect(m.subjectVi).toBe(`Hồ sơ ${d.code} đã tự hủy do chưa nộp phí, lệ phí`);
    expect(m.subjectEn).toBe(`Dossier ${d.code} cancelled: the fee was not paid`);
    expect(m.bodyVi).toContain('Lý do: Quá 2 ngày làm việc chưa nộp phí, lệ phí');
    expect(m.bodyEn).toContain('Reason: The fees were not paid within 2 working days');
    expect(m.bodyEn).not.toContain('Quá');
  });
});
