import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { extractText } from '../src/server/modules/slips/test-support';
import { api, checkA11y, findPerson, launchBrowser, openPage, PHONE, screenshot, signInWithEid } from './browser';

/*
 * Issue 13 §4, journey 3: a citizen asks for a residence confirmation (1.010041) on a phone, the
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
    const text = extractText(Buffer.from(await response.body())).replace(/\s+/g, ' ');
    expect(text).toContain('XÁC NHẬN THÔNG TIN VỀ CƯ TRÚ');
    expect(text).toContain(dossier.code);
    const url = /(https?:\/\/\S+\/xac-thuc\/[A-Za-z0-9_-]{16,64})/.exec(text)?.[1];
    expect(url).toBeDefined();
    verifyPath = new URL(url!).pathname;
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
