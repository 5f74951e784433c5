import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { decodeQr, extractText, rasterizePage } from '../src/server/modules/slips/test-support';
import { api, checkA11y, findPerson, launchBrowser, openPage, PHONE, screenshot, signInWithEid } from './browser';

/*
 * Issue 13 §2: a stay notification is recorded as it is sent — no decision — and the commune police
 * see the stay on their list of the day. Issue 13 §4, journey 3: a citizen asks for a residence confirmation (1.010041) on a phone, the
 * commune police issue it, the citizen downloads the CT07 PDF from their dossier, and whoever they
 * hand it to opens the address of its QR code, signed out, and sees that it is valid and what it says.
 */

const OFFICER = 'ca.muongte';
const UNIT = '03445';

describe('a residence confirmation (CT07) is downloaded and checked through its QR code', () => {
  let browser: Browser;
  let citizen: { id: string; fullName: string; nationalId: string };
  let dossier: { id: string; code: string };
  let verifyPath: string;

  beforeAll(async () => {
    browser = await launchBrowser();
    citizen = await findPerson<{ eId: { level: number }; birthYear: number }>(
      UNIT,
      (d) => d.eId.level === 2 && d.birthYear <= 2000,
      ['lo', 'lu', 'thi'],
    );
  });
  afterAll(async () => browser?.close());

  it('the citizen files the request from a phone', async () => {
    const { page, context, problems } = await openPage(browser, '/procedures/1.010041/file', { viewport: PHONE });
    await signInWithEid(page, citizen.nationalId);
    await page.getByRole('heading', { level: 1, name: 'Nộp hồ sơ: Xác nhận thông tin về cư trú' }).waitFor();
    await page.locator('#fullName').waitFor();
    const phone = page.locator('#phone');
    if ((await phone.getAttribute('readonly')) === null && !(await phone.inputValue())) await phone.fill('0912345678');
    await page.locator('#requestContent').fill('Xác nhận cư trú để nộp hồ sơ xin việc.');
    await page.getByRole('button', { name: 'Nộp hồ sơ', exact: true }).click();
    await page.getByRole('heading', { name: 'Đã nộp hồ sơ' }).waitFor();
    const code = ((await page.getByTestId('filed-code').textContent()) ?? '').trim();
    await page.getByRole('button', { name: 'Xem hồ sơ vừa nộp' }).click();
    await page.getByRole('heading', { level: 1, name: 'Xác nhận thông tin về cư trú' }).waitFor();
    dossier = { id: new URL(page.url()).pathname.split('/').pop() ?? '', code };
    expect(problems).toEqual([]);
    await context.close();
  });

  it('once issued, the citizen downloads the CT07 from the dossier page; it names where to check it', async () => {
    for (const c of ['receive', 'start_processing', 'approve', 'issue_result'])
      await api(`/api/v1/dossiers/${dossier.id}/commands/${c}`, {}, { as: OFFICER });
    const { page, context, problems } = await openPage(browser, `/me/dossiers/${dossier.id}`, { viewport: PHONE });
    await signInWithEid(page, citizen.nationalId);
    const results = page.locator('.result-documents');
    await results.getByText('Xác nhận thông tin về cư trú (Mẫu CT07)').waitFor();
    const link = results.getByRole('link', { name: 'Tải giấy tờ (PDF)' });
    const response = await page.request.get((await link.getAttribute('href'))!);
    expect(response.headers()['content-type']).toContain('application/pdf');
    const pdf = Buffer.from(await response.body());
    const text = extractText(pdf).replace(/\s+/g, ' ');
    expect(text).toContain('XÁC NHẬN THÔNG TIN VỀ CƯ TRÚ');
    expect(text).toContain(dossier.code);
    // What a phone's camera reads: the QR code, decoded from the rendered page; the same link is printed.
    const url = decodeQr(rasterizePage(pdf)) ?? '';
    expect(url).toMatch(/\/xac-thuc\/[A-Za-z0-9_-]{16,64}$/);
    expect(text).toContain(url);
    verifyPath = new URL(url).pathname;
    await screenshot(page, 'citizen-result-ct07');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('whoever receives it opens the QR code’s address signed out and sees it is valid, with what it certifies', async () => {
    const { page, context, problems } = await openPage(browser, verifyPath, { viewport: PHONE });
    await page.getByText('Giấy tờ hợp lệ').waitFor();
    await page.getByText(citizen.fullName, { exact: true }).waitFor();
    await page.getByText(dossier.code).waitFor();
    expect(await page.getByText(citizen.nationalId).count()).toBe(0); // masked
    await screenshot(page, 'result-verification');
    expect((await checkA11y(page)).blocking).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });
});

describe('a stay notification is recorded as it is sent and the commune police see it', () => {
  let browser: Browser;
  let host: { id: string; fullName: string; nationalId: string };

  beforeAll(async () => {
    browser = await launchBrowser();
    host = await findPerson<{ eId: { level: number }; birthYear: number }>(
      UNIT,
      (d) => d.eId.level >= 1 && d.birthYear <= 1995,
      ['van', 'thi', 'giang'],
    );
  });
  afterAll(async () => browser?.close());

  it('the host notifies a guest from a phone; the dossier is complete at once', async () => {
    const { page, context, problems } = await openPage(browser, '/procedures/2.001159/file', { viewport: PHONE });
    await signInWithEid(page, host.nationalId);
    await page.getByRole('heading', { level: 1, name: 'Nộp hồ sơ: Thông báo lưu trú' }).waitFor();
    await page.locator('#fullName').waitFor();
    const phone = page.locator('#phone');
    if ((await phone.getAttribute('readonly')) === null && !(await phone.inputValue())) await phone.fill('0912345678');
    for (const id of ['#arrivalDate', '#departureDate']) {
      await page.locator(id).click();
      await page.locator(id).fill(id === '#arrivalDate' ? todayDmy(0) : todayDmy(2));
      await page.keyboard.press('Enter');
    }
    await page.locator('#reason').fill('Thăm người thân');
    await page.locator('.add-row-button').click();
    await page.getByLabel('Họ, chữ đệm và tên', { exact: true }).last().fill('Hoàng Văn Khách');
    await page.getByLabel('Số định danh cá nhân hoặc hộ chiếu', { exact: true }).last().fill('001090012345');
    await page.getByRole('button', { name: 'Nộp hồ sơ', exact: true }).click();
    await page.getByRole('heading', { name: 'Đã nộp hồ sơ' }).waitFor();
    await page.getByRole('button', { name: 'Xem hồ sơ vừa nộp' }).click();
    await page.getByText('Đã trả kết quả', { exact: false }).first().waitFor();
    expect(problems).toEqual([]);
    await context.close();
  });

  it('the commune police see the stay on the list of the day', async () => {
    const { page, context, problems } = await openPage(browser, '/population/stays', { as: OFFICER });
    await page.getByRole('heading', { level: 1, name: 'Thông báo lưu trú' }).waitFor();
    await page.getByText('Hoàng Văn Khách').first().waitFor();
    await page.getByText(host.fullName).first().waitFor();
    await screenshot(page, 'police-stays');
    expect((await checkA11y(page)).blocking).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });
});

/** A day from today as the date inputs take it (dd/mm/yyyy). */
function todayDmy(days: number): string {
  const d = new Date(Date.now() + 7 * 3_600_000 + days * 86_400_000);
  return d.toISOString().slice(0, 10).split('-').reverse().join('/');
}
