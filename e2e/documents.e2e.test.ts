import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { api, checkA11y, findPerson, launchBrowser, openPage, PHONE, screenshot, signInWithEid } from './browser';

/*
 * Issue 17 §3: a citizen's CT07 confirmation, once issued, is in their document store on their page
 * (phone), downloadable; a later declaration of residence information offers it instead of an upload.
 */

const OFFICER = 'ca.muongte';
const UNIT = '03445';

describe('the citizen’s document store', () => {
  let browser: Browser;
  let citizen: { id: string; fullName: string; nationalId: string };
  let code: string;

  beforeAll(async () => {
    browser = await launchBrowser();
    citizen = await findPerson<{ eId: { level: number }; birthYear: number }>(
      UNIT,
      (d) => d.eId.level === 2 && d.birthYear <= 1990,
      ['van', 'thi', 'lo'],
    );
  });
  afterAll(async () => browser?.close());

  it('keeps an issued CT07 on the citizen’s page, downloadable', async () => {
    const { page, context, problems } = await openPage(browser, '/procedures/1.010041/file', { viewport: PHONE });
    await signInWithEid(page, citizen.nationalId);
    await page.locator('#fullName').waitFor();
    const phone = page.locator('#phone');
    if ((await phone.getAttribute('readonly')) === null && !(await phone.inputValue())) await phone.fill('0912345678');
    await page.locator('#requestContent').fill('Xác nhận cư trú để nộp hồ sơ xin việc.');
    await page.getByRole('button', { name: 'Nộp hồ sơ', exact: true }).click();
    await page.getByRole('heading', { name: 'Đã nộp hồ sơ' }).waitFor();
    code = ((await page.getByTestId('filed-code').textContent()) ?? '').trim();
    await page.getByRole('button', { name: 'Xem hồ sơ vừa nộp' }).click();
    await page.getByRole('heading', { level: 1, name: 'Xác nhận thông tin về cư trú' }).waitFor();
    const id = new URL(page.url()).pathname.split('/').pop() ?? '';
    for (const c of ['receive', 'start_processing', 'approve', 'issue_result'])
      await api(`/api/v1/dossiers/${id}/commands/${c}`, {}, { as: OFFICER });
    // The recording pass runs every 10 s on the job queue.
    const store = page.getByTestId('document-store');
    for (let i = 0; i < 10; i++) {
      await page.goto('/me');
      await store.waitFor();
      // Two documents of this dossier: the receipt slip (at reception) and the CT07 (at issue).
      if ((await store.getByText(code).count()) >= 2) break;
      await page.waitForTimeout(3_000);
    }
    await store.getByText(code).first().waitFor();
    await store.getByText('Xác nhận thông tin về cư trú (Mẫu CT07)').first().waitFor();
    // The receipt and appointment slip the police issued at reception is kept too (no time limit).
    await store.getByText('Phiếu tiếp nhận hồ sơ và hẹn trả kết quả (Mẫu CT04)').first().waitFor();
    await store
      .getByText(/Còn giá trị đến hết ngày/)
      .first()
      .waitFor();
    const href = await store
      .getByRole('link', { name: /Tải về/ })
      .first()
      .getAttribute('href');
    const response = await page.request.get(href!);
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toContain('application/pdf');
    expect(response.headers()['cache-control']).toContain('no-store');
    await screenshot(page, 'citizen-document-store');
    expect((await checkA11y(page)).blocking).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('offers the stored CT07 on a later declaration instead of an upload, and the filing takes it', async () => {
    const { page, context, problems } = await openPage(browser, '/procedures/1.010040/file', { viewport: PHONE });
    await signInWithEid(page, citizen.nationalId);
    await page.locator('#requestContent').waitFor();
    const phone = page.locator('#phone');
    if ((await phone.getAttribute('readonly')) === null && !(await phone.inputValue())) await phone.fill('0912345678');
    await page.locator('#requestContent').fill('Chỗ ở là nhà tạm trên đất chưa được cấp giấy chứng nhận.');
    await page.getByRole('button', { name: 'Dùng giấy tờ trong kho dữ liệu' }).click();
    await page.getByText(/Dùng: Xác nhận thông tin về cư trú/).waitFor();
    await page.getByRole('button', { name: 'Nộp hồ sơ', exact: true }).click();
    await page.getByRole('heading', { name: 'Đã nộp hồ sơ' }).waitFor();
    expect(problems).toEqual([]);
    await context.close();
  });

  it('offers it too when a saved draft is continued and submitted, and the draft’s submit takes it', async () => {
    const { page, context, problems } = await openPage(browser, '/procedures/1.010040/file', { viewport: PHONE });
    await signInWithEid(page, citizen.nationalId);
    await page.locator('#requestContent').waitFor();
    const phone = page.locator('#phone');
    if ((await phone.getAttribute('readonly')) === null && !(await phone.inputValue())) await phone.fill('0912345678');
    await page.locator('#requestContent').fill('Chỗ ở là nhà tạm trên đất chưa được cấp giấy chứng nhận.');
    await page.getByRole('button', { name: 'Lưu nháp' }).click();
    await page.getByText(/Đã lưu nháp lúc/).waitFor();
    const draftId = new URL(page.url()).searchParams.get('draft');
    expect(draftId).toBeTruthy();
    // Later: the saved draft is opened again from its address.
    await page.goto(`/procedures/1.010040/file?draft=${draftId}`);
    await page.getByText('Bạn đang điền tiếp bản nháp đã lưu.').waitFor();
    await page.getByRole('button', { name: 'Dùng giấy tờ trong kho dữ liệu' }).click();
    await page.getByText(/Dùng: Xác nhận thông tin về cư trú/).waitFor();
    await page.getByRole('button', { name: 'Nộp hồ sơ', exact: true }).click();
    await page.getByRole('heading', { name: 'Đã nộp hồ sơ' }).waitFor();
    const filed = await page.request.get(`/api/v1/dossiers/${draftId}`);
    expect(filed.status()).toBe(200);
    const dossier = (await filed.json()) as {
      state: string;
      attachments: Array<{ documentKey: string; reused: boolean }>;
    };
    expect(dossier.state).not.toBe('draft');
    expect(dossier.attachments.find((a) => a.documentKey === 'current_place_proof')?.reused).toBe(true);
    expect(problems).toEqual([]);
    await context.close();
  });
});
