import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import {
  api,
  checkA11y,
  dialogsSettled,
  hasHorizontalScroll,
  launchBrowser,
  openPage,
  PHONE,
  PNG,
  screenshot,
  signInWithEid,
  fillNewAddress,
  submitFiling,
} from './browser';
import { DEMO_PASSWORD } from './global-setup';

/** Đăng ký tạm trú (temporary residence registration): 7.000 đồng online (Circular 75/2022/TT-BTC). */
const PROCEDURE = '1.004194';
/** Phường Đoàn Kết: in no exemption list, so a Kinh adult of working age pays the fee. */
const PAYING_UNIT = '03388';
/** Xã Mù Cả: a border commune (provisional list), its residents are exempt from residence fees. */
const BORDER_UNIT = '03451';
/** The commune police of Phường Đoàn Kết handle the paying citizen's dossier (demo account). */
const OFFICER = 'ca.doanket';

interface Citizen {
  id: string;
  fullName: string;
  nationalId: string;
}

/** A living adult of working age (no age exemption) with a level 2 e-ID, resident in `unitCode`. */
async function pickAdult(unitCode: string, except: string[] = []): Promise<Citizen> {
  const thisYear = new Date().getFullYear();
  for (const name of ['van', 'thi', 'nguyen', 'tran', 'le', 'hoang', 'lo', 'giang', 'sung', 'lu', 'ly', 'tao']) {
    const page = await api<{
      items: Array<{ id: string; fullName: string; nationalId: string | null; status: string }>;
    }>('/api/v1/population/persons/search', { name, unitCode, page: 1, pageSize: 40 });
    for (const p of page.items.filter((x) => x.nationalId && x.status === 'alive' && !except.includes(x.id))) {
      const detail = await api<{ eId: { level: number }; birthYear: number }>(
        `/api/v1/population/persons/${p.id}?purpose=data_cleaning`,
      );
      const age = thisYear - detail.birthYear;
      if (detail.eId.level === 2 && age >= 20 && age <= 55)
        return { id: p.id, fullName: p.fullName, nationalId: p.nationalId! };
    }
  }
  throw new Error(`no living adult aged 20–55 with a level 2 e-ID in unit ${unitCode}`);
}

/** Signs a demo staff account in from the test process and gives the browser context its session cookie. */
async function signInStaff(context: BrowserContext, username: string): Promise<void> {
  const baseUrl = inject('baseUrl');
  const response = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: DEMO_PASSWORD }),
  });
  if (!response.ok) throw new Error(`sign-in of ${username}: ${response.status} ${await response.text()}`);
  const cookie = response.headers
    .getSetCookie()
    .map((c) => c.split(';')[0] ?? '')
    .find((c) => c.includes('='));
  if (!cookie) throw new Error(`sign-in of ${username}: no session cookie`);
  const [name = '', ...rest] = cookie.split('=');
  await context.addCookies([{ name, value: rest.join('='), url: baseUrl }]);
}

/** Files a temporary residence registration from the filing page; returns the fee shown and the dossier page's id. */
async function fileTemporaryResidence(
  page: Page,
  commune: string,
  village: string,
): Promise<{ fee: string; dossierId: string; code: string; payFirst: boolean }> {
  await page.getByRole('heading', { level: 1, name: 'Nộp hồ sơ: Đăng ký tạm trú' }).waitFor();
  await page.locator('#fullName').waitFor();
  await fillNewAddress(page, commune, village);
  await page.locator('#requestContent').fill('Đăng ký tạm trú để đi làm tại địa phương.');
  return submitFiling(page, {
    document: 'lawful_dwelling',
    file: { name: 'hop-dong-thue-nha.png', mimeType: 'image/png', buffer: PNG },
    procedureName: 'Đăng ký tạm trú',
  });
}

/** On the sandbox gateway's page: check the amount, then press one of its buttons. */
async function onGateway(page: Page, choice: 'Thanh toán' | 'Ngân hàng từ chối'): Promise<void> {
  await page.waitForURL(/\/pay-sandbox\/paymentv2\/vpcpay\.html/);
  await page.getByRole('heading', { level: 1, name: 'Thanh toán trực tuyến' }).waitFor();
  expect(((await page.locator('.amount').textContent()) ?? '').replace(/\s/g, '')).toBe('7.000₫');
  await page.getByRole('button', { name: new RegExp(`^${choice}`) }).click();
  await page.waitForURL(/\/payments\/[0-9a-f-]{36}\/result/);
}

describe('payments: a citizen pays a dossier fee in the sandbox gateway; officers see and refund it', () => {
  let browser: Browser;
  let payer: Citizen;
  let citizenContext: BrowserContext;
  let citizenPage: Page;
  let citizenProblems: string[];
  let dossierCode = '';
  let paidReference = '';
  let declinedReference = '';
  let vietqrReference = '';
  let vietqrResultUrl = '';
  let vietqrContext: BrowserContext;
  let vietqrPage: Page;

  beforeAll(async () => {
    browser = await launchBrowser();
    payer = await pickAdult(PAYING_UNIT);
  });
  afterAll(async () => {
    await citizenContext?.close();
    await browser?.close();
  });

  it('a non-exempt citizen files, sees the fee and its calculation, and is sent to the gateway (phone)', async () => {
    ({
      page: citizenPage,
      context: citizenContext,
      problems: citizenProblems,
    } = await openPage(browser, `/procedures/${PROCEDURE}/file`, { viewport: PHONE }));
    const page = citizenPage;
    await signInWithEid(page, payer.nationalId);
    const filed = await fileTemporaryResidence(page, 'Phường Đoàn Kết', 'Tổ 5');
    expect(filed.fee, 'the journey needs a citizen who is not exempt').toBe('7.000đồng');
    expect(filed.payFirst).toBe(true); // the success page led with the payment
    dossierCode = filed.code;

    await page.getByText(/Hạn nộp phí: .+; quá hạn, hồ sơ tự hủy\./).waitFor(); // the dossier's page says it too

    await page.locator('.status-now').getByText('Chờ nộp lệ phí').waitFor();
    const card = page.getByRole('region', { name: 'Thanh toán lệ phí' });
    await card.getByTestId('fee-summary').waitFor();
    expect((await card.getByTestId('fee-due').textContent())?.replace(/\s/g, '')).toBe('7.000đồng');
    await card.getByText('Lệ phí đăng ký tạm trú', { exact: false }).first().waitFor();
    await card.getByText('Thanh toán trực tuyến bằng thẻ ATM', { exact: false }).waitFor();
    expect(await hasHorizontalScroll(page)).toBe(false);
    await screenshot(page, 'payment-card-phone');
    expect((await checkA11y(page)).blocking).toEqual([]);
  });

  it('a declined payment is shown plainly and can be retried; the retry succeeds (phone)', async () => {
    const page = citizenPage;
    const card = page.getByRole('region', { name: 'Thanh toán lệ phí' });
    await card.getByRole('button', { name: 'Thanh toán lệ phí' }).click();
    await onGateway(page, 'Ngân hàng từ chối');
    await page.getByText('Thanh toán không thành công', { exact: true }).waitFor();
    await page.getByText('Tiền chưa bị trừ', { exact: false }).waitFor();
    declinedReference = ((await page.getByTestId('pay-reference').textContent()) ?? '').trim();
    expect(declinedReference).toMatch(/^DVC[0-9A-Z]{12}$/);
    expect(await hasHorizontalScroll(page)).toBe(false);
    await screenshot(page, 'payment-declined-phone');
    expect((await checkA11y(page)).blocking).toEqual([]);

    // The dossier still awaits the fee and says the last attempt failed.
    await page.getByRole('button', { name: 'Xem hồ sơ' }).click();
    const card2 = page.getByRole('region', { name: 'Thanh toán lệ phí' });
    await card2.getByText('Lần thanh toán trước chưa thành công', { exact: false }).waitFor();
    await page.goBack();

    await page.getByRole('button', { name: 'Thử lại' }).click();
    await onGateway(page, 'Thanh toán');
    await page.getByText('Thanh toán thành công', { exact: true }).waitFor();
    await page.getByText(`Đã nhận 7.000 đồng lệ phí cho hồ sơ ${dossierCode}`, { exact: false }).waitFor();
    paidReference = ((await page.getByTestId('pay-reference').textContent()) ?? '').trim();
    expect(paidReference).not.toBe(declinedReference);
    expect(await hasHorizontalScroll(page)).toBe(false);
    await screenshot(page, 'payment-succeeded-phone');
    expect((await checkA11y(page)).blocking).toEqual([]);

    // The electronic receipt opens as a PDF in a new tab.
    const receipt = page.getByRole('link', { name: 'Tải biên lai điện tử (PDF)' });
    expect(await receipt.getAttribute('target')).toBe('_blank');
    const pdf = await page.request.get((await receipt.getAttribute('href')) ?? '');
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toContain('application/pdf');

    // The dossier went on to the receiving officer; nothing is left to pay.
    await page.getByRole('button', { name: 'Xem hồ sơ' }).click();
    await page.locator('.status-now').getByText('Đã nộp, chờ tiếp nhận').waitFor();
    expect(await page.getByRole('region', { name: 'Thanh toán lệ phí' }).count()).toBe(0);
    expect(citizenProblems).toEqual([]);
  });

  it('the commune police see both payments, query the gateway and refund part of the fee', async () => {
    const { page, context, problems } = await openPage(browser, '/login');
    await signInStaff(context, OFFICER);
    await page.goto('/fees/payments');
    await page.getByRole('heading', { level: 1, name: 'Thanh toán lệ phí' }).waitFor();
    const paidRow = page.locator('tr').filter({ hasText: paidReference });
    await paidRow.getByText('Đã thanh toán').waitFor();
    expect(await paidRow.textContent()).toContain(dossierCode);
    await page.locator('tr').filter({ hasText: declinedReference }).getByText('Không thành công').waitFor();
    await screenshot(page, 'payments-list');
    expect((await checkA11y(page)).blocking).toEqual([]);

    // Filter by state: only succeeded payments.
    await page.getByLabel('Trạng thái', { exact: true }).click();
    await page
      .locator('.ant-select-dropdown:visible .ant-select-item-option')
      .filter({ hasText: 'Đã thanh toán' })
      .click();
    await page.waitForURL((url) => url.searchParams.get('state') === 'succeeded');
    await page.locator('tr').filter({ hasText: paidReference }).waitFor();
    await expect.poll(() => page.locator('tr').filter({ hasText: declinedReference }).count()).toBe(0);

    await page.getByRole('link', { name: paidReference }).click();
    await page.getByRole('heading', { level: 1, name: `Giao dịch ${paidReference}` }).waitFor();
    const actions = page.getByRole('region', { name: 'Thao tác với giao dịch' });
    await actions.getByRole('button', { name: 'Tra cứu tại cổng thanh toán' }).click();
    const status = page.getByTestId('gateway-status');
    await status.getByText('Cổng thanh toán có giao dịch này').waitFor();
    await status.getByText('Khớp với hệ thống.').waitFor();

    await actions.getByRole('button', { name: 'Hoàn tiền' }).click();
    const dialog = page.getByRole('dialog', { name: `Hoàn tiền giao dịch ${paidReference}` });
    await dialog.waitFor();
    await dialogsSettled(page);
    const amount = dialog.getByLabel('Số tiền hoàn (đồng)');
    expect(await amount.inputValue()).toMatch(/^7[.,]?000$/);
    // No reason: refused in the form, nothing sent.
    await dialog.getByRole('button', { name: 'Hoàn tiền' }).click();
    await dialog.getByText('Nêu rõ lý do (ít nhất 5 ký tự)').waitFor();
    await amount.fill('2000');
    await dialog.getByLabel('Lý do hoàn tiền').fill('Thu thừa do công dân nộp nhầm loại hồ sơ');
    expect((await checkA11y(page)).blocking).toEqual([]);
    await dialog.getByRole('button', { name: 'Hoàn tiền' }).click();
    const confirm = page.getByRole('dialog', { name: /Xác nhận hoàn 2\.000 đồng/ });
    await confirm.waitFor();
    await confirm.getByRole('button', { name: 'Đồng ý hoàn tiền' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.locator('.page-title').getByText('Đã hoàn một phần').waitFor();
    const refundRow = page.locator('tr').filter({ hasText: 'Thu thừa do công dân nộp nhầm loại hồ sơ' });
    await refundRow.getByText('Đã hoàn', { exact: true }).waitFor();
    await screenshot(page, 'payment-detail-refunded');
    expect((await checkA11y(page)).blocking).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('another citizen chooses a VietQR transfer and sees the QR, amount, reference and account (phone)', async () => {
    const other = await pickAdult(PAYING_UNIT, [payer.id]);
    const { page, context, problems } = await openPage(browser, `/procedures/${PROCEDURE}/file`, { viewport: PHONE });
    await signInWithEid(page, other.nationalId);
    const filed = await fileTemporaryResidence(page, 'Phường Đoàn Kết', 'Tổ 7');
    expect(filed.fee).toBe('7.000đồng');
    const card = page.getByRole('region', { name: 'Thanh toán lệ phí' });
    await card.getByText('Chuyển khoản ngân hàng bằng mã VietQR').click();
    await card.getByText('Lệ phí được ghi nhận khi đơn vị đối chiếu sao kê', { exact: false }).waitFor();
    await card.getByRole('button', { name: 'Lấy mã VietQR' }).click();
    await page.waitForURL(/\/payments\/[0-9a-f-]{36}\/result/);
    const panel = page.getByTestId('vietqr-panel');
    await panel.getByRole('img', { name: /Mã VietQR chuyển 7\.000 đồng/ }).waitFor();
    vietqrReference = ((await panel.getByTestId('vietqr-reference').textContent()) ?? '').trim();
    expect(vietqrReference).toMatch(/^DVC[0-9A-Z]{12}$/);
    await panel.getByText('Số tài khoản nhận').waitFor();
    await panel.getByText('Lệ phí được xác nhận khi đơn vị đối chiếu sao kê ngân hàng', { exact: false }).waitFor();
    vietqrResultUrl = page.url();
    expect(await hasHorizontalScroll(page)).toBe(false);
    await screenshot(page, 'payment-vietqr-phone');
    expect((await checkA11y(page)).blocking).toEqual([]);
    expect(problems).toEqual([]);
    vietqrContext = context;
    vietqrPage = page;
  });

  it('the commune police reconcile the day: report, Excel, the gateway settlement file and the bank statement settling the VietQR transfer', async () => {
    const { page, context, problems } = await openPage(browser, '/login');
    await signInStaff(context, OFFICER);
    await page.goto('/fees/reconciliation');
    await page.getByRole('heading', { level: 1, name: 'Đối soát thanh toán' }).waitFor();
    const report = page.getByTestId('reconciliation-report');
    await report.getByText('Chưa nhập tệp đối soát của cổng thanh toán cho ngày này.').waitFor();
    await report
      .locator('tr')
      .filter({ hasText: 'Cổng thanh toán trực tuyến' })
      .filter({ hasText: 'Không thành công' })
      .waitFor();
    const xlsx = await page.request.get(
      (await page.getByRole('link', { name: 'Tải báo cáo Excel' }).getAttribute('href')) ?? '',
    );
    expect(xlsx.status()).toBe(200);
    expect(xlsx.headers()['content-type']).toContain('spreadsheetml');
    await screenshot(page, 'payments-reconciliation');
    expect((await checkA11y(page)).blocking).toEqual([]);

    // The gateway's settlement file of the day (from the sandbox gateway), imported: the day matches.
    const today = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
    const settlement = await fetch(`${inject('baseUrl')}/pay-sandbox/settlement?date=${today}`);
    expect(settlement.status).toBe(200);
    const csv = Buffer.from(await settlement.arrayBuffer());
    await page
      .locator('.section-card')
      .filter({ hasText: 'Tệp đối soát của cổng thanh toán' })
      .locator('input[type=file]')
      .setInputFiles({ name: `settlement-${today}.csv`, mimeType: 'text/csv', buffer: csv });
    await page.getByText('Đã nhập: ', { exact: false }).waitFor();
    await report.getByText('Đã nhập tệp đối soát lúc', { exact: false }).waitFor();
    await report.getByText('Không có chênh lệch.').waitFor();

    // The bank statement with the VietQR transfer (right reference and amount) settles it.
    const statement = `Ngày giao dịch,Số tiền,Nội dung,Mã giao dịch\n${today.split('-').reverse().join('/')} 10:15:00,7000,${vietqrReference} nop le phi tam tru,FT${Date.now()}\n`;
    await page
      .locator('.section-card')
      .filter({ hasText: 'Sao kê tài khoản nhận (VietQR)' })
      .locator('input[type=file]')
      .setInputFiles({ name: 'sao-ke.csv', mimeType: 'text/csv', buffer: Buffer.from(statement) });
    await page.getByText('1 khoản đã ghi nhận', { exact: false }).waitFor();
    expect(problems).toEqual([]);
    await context.close();

    // The citizen checks again: the transfer is recorded.
    await vietqrPage.goto(vietqrResultUrl);
    await vietqrPage.getByText('Thanh toán thành công', { exact: true }).waitFor();
    await vietqrContext.close();
  });

  it('a resident of a border commune files with a zero fee and no payment step (phone)', async () => {
    const resident = await pickAdult(BORDER_UNIT);
    const { page, context, problems } = await openPage(browser, `/procedures/${PROCEDURE}/file`, { viewport: PHONE });
    await signInWithEid(page, resident.nationalId);
    await page.getByTestId('fee-summary').locator('.fee-exemption').waitFor();
    const filed = await fileTemporaryResidence(page, 'Xã Mù Cả', 'Bản Mù Cả');
    expect(filed.fee).toBe('0đồng');
    expect(filed.payFirst).toBe(false); // nothing to pay: the plain success page
    await page.locator('.status-now').getByText('Đã nộp, chờ tiếp nhận').waitFor();
    expect(await page.getByRole('region', { name: 'Thanh toán lệ phí' }).count()).toBe(0);
    expect(await hasHorizontalScroll(page)).toBe(false);
    await screenshot(page, 'payment-border-exempt-phone');
    expect((await checkA11y(page)).blocking).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });
});
