import { sql } from 'drizzle-orm';
import type { Payment } from '../../../contracts/payments';
import type { PaymentWorld } from './test-support';

/** Helpers of the payments route tests, over the test file's world (read when called). */
export function routeHelpers(world: () => PaymentWorld) {
  const getPayment = async (id: string, session = world().citizen) =>
    (await session.inject(`/api/v1/payments/${id}`)).json<Payment>();
  const sandboxRecord = async (reference: string) =>
    (await fetch(`${world().base}/pay-sandbox/api/transactions/${reference}`)).json() as Promise<{
      state: string;
      deliveries: Array<{ rspCode: string | null; variant: string }>;
      refunds: Array<{ amount: number }>;
    }>;
  const securityEvents = (reference: string) =>
    world().t.database.rows<{ kind: string; channel: string; source_ip: string | null }>(
      sql`select kind, channel, source_ip from payments.security_events where payment_reference = ${reference} order by id`,
    );
  const ipn = async (query: string) =>
    (await (await fetch(`${world().base}/api/v1/payments/gateway/ipn?${query}`)).json()) as { RspCode: string };
  /** Sends the sandbox order's IPN now through the sandbox's test API; the merchant's answer code. */
  const sendIpn = async (reference: string, variant = 'correct') =>
    (
      (await (
        await fetch(`${world().base}/pay-sandbox/api/transactions/${reference}/ipn`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ variant }),
        })
      ).json()) as { rspCode: string }
    ).rspCode;
  const errorCode = (res: { json: () => unknown }) =>
    (res.json() as { error: { code: string; fields?: Array<{ field: string }> } }).error;

  /** Waits until the payment reaches `state` (IPNs sent late arrive on their own). */
  async function until(id: string, state: string, ms = 8_000): Promise<Payment> {
    const end = Date.now() + ms;
    for (;;) {
      const p = await getPayment(id);
      if (p.state === state || Date.now() > end) return p;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  return { getPayment, sandboxRecord, securityEvents, ipn, sendIpn, errorCode, until };
}
