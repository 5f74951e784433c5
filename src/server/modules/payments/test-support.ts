// Test helpers of the payments module (not part of its public face; used by its tests only).
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { createTestApp, type Session, type TestApp } from '../../../../test/app';
import { makeHousehold, makePerson } from '../../../../test/factories';
import { copyRegistryBatch } from '../population';
import { seedProcedures } from '../procedures';
import { seedCalendar } from '../calendar';
import { signedQuery, toVnpAmount, formatVnpDate, type VnpParams } from '../payment-protocol';

export const UNIT = '03445';
export const FEE = 7_000;
/** The development defaults of PAYMENT_TMN_CODE / PAYMENT_HASH_SECRET (platform/config.ts). */
export const DEV_TMN = 'DVC06SBX';
export const DEV_SECRET = 'development-only-secret-do-not-use-in-production-payment';

/** A free TCP port on 127.0.0.1 (the app listens there, so the sandbox's IPNs and the adapter's API calls are real HTTP). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export interface PaymentWorld {
  t: TestApp;
  base: string;
  citizen: Session;
  otherCitizen: Session;
  police: Session;
  policeElsewhere: Session;
  oneStop: Session;
  /** A fresh dossier of `citizen` waiting for its fee (FEE VND) to be paid online. */
  payableDossier(options?: { fee?: number; owner?: Session }): Promise<string>;
  dossierFee(
    id: string,
  ): Promise<{ state: string; feeStatus: string; feePaidAmount: number; feePaymentId: string | null }>;
  close(): Promise<void>;
}

/**
 * The real app, listening on 127.0.0.1 with PUBLIC_URL pointing at itself, with a citizen who has
 * filed one temporary residence registration through the API. Further payable dossiers are copies
 * of that one with a fresh id and code, set to awaiting payment of FEE VND — a fixed fee, so the
 * tests do not depend on the fee engine's exemptions.
 */
export async function paymentWorld(overrides: Record<string, string> = {}): Promise<PaymentWorld> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const t = await createTestApp({
    PUBLIC_URL: base,
    DATA_DIR: join(process.cwd(), '.tmp', `payments-${randomUUID()}`),
    ...overrides,
  });
  await t.app.listen({ port, host: '127.0.0.1' });
  await seedProcedures(t.database.db);
  await seedCalendar(t.database.db);
  const lan = makePerson({
    id: randomUUID(),
    nationalId: '012190000201',
    idCardNumber: '012190000201',
    fullName: 'Lò Thị Lan',
    phone: '0912345600',
  });
  const tuan = makePerson({
    id: randomUUID(),
    nationalId: '012085000202',
    idCardNumber: '012085000202',
    fullName: 'Giàng A Tuấn',
    birthYear: 1985,
    birthDate: '1985-01-01',
    sex: 'male',
  });
  await copyRegistryBatch(t.database, makeHousehold(UNIT, [lan, tuan]));
  const citizen = await t.citizen({ nationalId: lan.nationalId!, fullName: lan.fullName }, 2);
  const otherCitizen = await t.citizen({ nationalId: tuan.nationalId!, fullName: tuan.fullName }, 2);
  const police = await t.staff('commune_police', UNIT);
  const policeElsewhere = await t.staff('commune_police', '03388');
  const oneStop = await t.staff('one_stop_officer', UNIT);
  const template = await fileDossier(t, citizen);
  const columns = (
    await t.database.rows<{ column_name: string }>(sql`
    select column_name from information_schema.columns where table_schema = 'dossiers' and table_name = 'dossiers' order by ordinal_position`)
  ).map((c) => c.column_name);
  let n = 0;
  const payableDossier = async (options: { fee?: number; owner?: Session } = {}) => {
    const id = randomUUID();
    const set: Record<string, unknown> = {
      id,
      code: `TEST-${Date.now().toString(36)}-${++n}`,
      state: 'awaiting_payment',
      fee_amount: options.fee ?? FEE,
      fee_status: 'unpaid',
      fee_paid_amount: 0,
      fee_paid_at: null,
      fee_payment_id: null,
      owner_account_id: (options.owner ?? citizen).accountId,
      version: 0,
    };
    const select = columns.map((c) => (c in set ? sql`${set[c]}` : sql.raw(`"${c}"`)));
    await t.database.rows(
      sql`insert into dossiers.dossiers (${sql.raw(columns.map((c) => `"${c}"`).join(', '))}) select ${sql.join(select, sql`, `)} from dossiers.dossiers where id = ${template} returning id`,
    );
    return id;
  };
  const dossierFee = async (id: string) => {
    const [row] = await t.database.rows<{
      state: string;
      fee_status: string;
      fee_paid_amount: number | string;
      fee_payment_id: string | null;
    }>(sql`
      select state, fee_status, fee_paid_amount, fee_payment_id from dossiers.dossiers where id = ${id}`);
    return {
      state: row!.state,
      feeStatus: row!.fee_status,
      feePaidAmount: Number(row!.fee_paid_amount),
      feePaymentId: row!.fee_payment_id,
    };
  };
  return {
    t,
    base,
    citizen,
    otherCitizen,
    police,
    policeElsewhere,
    oneStop,
    payableDossier,
    dossierFee,
    close: () => t.close(),
  };
}

/** Files a temporary residence registration through the API (multipart, one attachment); returns its id. */
async function fileDossier(t: TestApp, citizen: Session): Promise<string> {
  const code = '1.004194';
  const version = (await t.app.inject(`/api/v1/procedures/${code}`)).json<{ id: string }>();
  const prefill = (await citizen.inject(`/api/v1/procedures/${code}/prefill`)).json<{
    values: Record<string, unknown>;
  }>();
  const body = {
    procedureCode: code,
    procedureVersionId: version.id,
    channel: 'online',
    form: {
      ...prefill.values,
      addressCommune: '03445',
      addressVillage: 'Tổ 5',
      requestContent: 'Đăng ký tạm trú để làm việc tại xã Mường Tè',
    },
  };
  const boundary = `----dvc06${randomUUID()}`;
  const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="dossier"\r\n\r\n${JSON.stringify(body)}\r\n`),
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file:lawful_dwelling"; filename="hop-dong.pdf"\r\nContent-Type: application/pdf\r\n\r\n`,
    ),
    pdf,
    Buffer.from('\r\n'),
    Buffer.from(`--${boundary}--\r\n`),
  ]);
  const res = await citizen.inject({
    method: 'POST',
    url: '/api/v1/dossiers',
    payload,
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  });
  if (res.statusCode !== 201) throw new Error(`filing the template dossier: ${res.statusCode} ${res.body}`);
  return res.json<{ id: string }>().id;
}

/** Starts a payment of a dossier as its citizen; returns the parsed answer and status. */
export async function startPayment(session: Session, dossierId: string, key = randomUUID()) {
  const res = await session.inject({
    method: 'POST',
    url: '/api/v1/payments',
    payload: { dossierId },
    headers: { 'idempotency-key': key },
  });
  return {
    status: res.statusCode,
    body: res.json<{
      payment: { id: string; reference: string; amount: number; state: string };
      redirectUrl: string | null;
      reused: boolean;
    }>(),
    raw: res.body,
  };
}

/** The sandbox's payment page of a redirect URL → the completion form's action and token. */
export async function openGatewayPage(
  redirectUrl: string,
): Promise<{ action: string; token: string; html: string; status: number }> {
  const res = await fetch(redirectUrl, { redirect: 'manual' });
  const html = await res.text();
  const action = /<form method="post" action="([^"]+)"/.exec(html)?.[1] ?? '';
  const token = /name="token" value="([^"]+)"/.exec(html)?.[1] ?? '';
  return { action: action.replace(/&amp;/g, '&'), token, html, status: res.status };
}

/** Submits the sandbox page (pay / decline / cancel, with test options); returns where the browser is sent. */
export async function completeOnGateway(
  base: string,
  redirectUrl: string,
  choice: 'pay' | 'decline' | 'cancel',
  options: Record<string, string> = {},
): Promise<{ status: number; location: string }> {
  const page = await openGatewayPage(redirectUrl);
  if (!page.action) throw new Error(`no payment form (${page.status}): ${page.html.slice(0, 300)}`);
  const res = await fetch(`${base}${page.action}`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ token: page.token, choice, ...options }).toString(),
  });
  return { status: res.status, location: res.headers.get('location') ?? '' };
}

/** A gateway result (IPN or return) signed with `secret`, as the gateway would send it. */
export function gatewayResult(
  input: {
    reference: string;
    amount: number;
    transactionNo: string;
    responseCode?: string;
    transactionStatus?: string;
    tmnCode?: string;
    payDate?: Date;
  },
  secret = DEV_SECRET,
): string {
  const params: VnpParams = {
    vnp_TmnCode: input.tmnCode ?? DEV_TMN,
    vnp_Amount: toVnpAmount(input.amount),
    vnp_BankCode: 'NCB',
    vnp_CardType: 'ATM',
    vnp_OrderInfo: 'Thanh toan le phi',
    vnp_PayDate: formatVnpDate(input.payDate ?? new Date()),
    vnp_ResponseCode: input.responseCode ?? '00',
    vnp_TransactionNo: input.transactionNo,
    vnp_TransactionStatus: input.transactionStatus ?? (input.responseCode && input.responseCode !== '00' ? '02' : '00'),
    vnp_TxnRef: input.reference,
  };
  return signedQuery(secret, params);
}
