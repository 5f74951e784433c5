import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { checkA11y, dialogsSettled, launchBrowser, openPage, screenshot } from './browser';

async function fillDate(page: Page, label: string, text: string): Promise<void> {
  const input = page.getByRole('dialog').getByLabel(label, { exact: true });
  await input.click();
  await input.fill(text);
  await input.press('Enter');
}

describe('fee exemption lists (administrator)', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('shows the provisional border communes with their source, adds a commune with its decision and ends it', async () => {
    const { page, context, problems } = await openPage(browser, '/admin/fee-lists', { as: 'quantri' });
    await page.getByRole('heading', { level: 1, name: 'Danh sách miễn lệ phí' }).waitFor();
    const table = page.getByTestId('fee-list-table');
    await table.getByText('Xã Mù Cả (03451)').waitFor();
    expect(await table.getByText('Tạm', { exact: true }).count()).toBe(9);
    await page.getByText('9 dòng tạm').waitFor();
    await screenshot(page, 'fee-lists-border');
    expect((await checkA11y(page)).blocking).toEqual([]);

    await page.getByRole('button', { name: 'Thêm xã, phường' }).click();
    const dialog = page.getByRole('dialog', { name: 'Thêm vào "Xã biên giới"' });
    await dialog.waitFor();
    await dialogsSettled(page);
    await fillDate(page, 'Áp dụng từ ngày', '01/07/2025');
    await dialog.getByLabel('Xã, phường', { exact: true }).click();
    await page.keyboard.type('doan ket');
    await page
      .locator('.ant-select-dropdown:visible .ant-select-item-option')
      .filter({ hasText: 'Phường Đoàn Kết' })
      .first()
      .click();
    await dialog.getByLabel('Căn cứ (số, ngày quyết định)').fill('Quyết định thử nghiệm e2e số 01');
    await screenshot(page, 'fee-lists-add');
    expect((await checkA11y(page)).blocking).toEqual([]);
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    const row = table.locator('tr').filter({ hasText: 'Phường Đoàn Kết (03388)' });
    await row.getByText('Quyết định thử nghiệm e2e số 01').waitFor();

    await row.getByRole('button', { name: 'Kết thúc Phường Đoàn Kết (03388)' }).click();
    const end = page.getByRole('dialog', { name: 'Kết thúc: Phường Đoàn Kết (03388)' });
    await end.waitFor();
    await dialogsSettled(page);
    await fillDate(page, 'Ngày cuối cùng áp dụng', '31/12/2025');
    await end.getByLabel('Căn cứ kết thúc (số, ngày quyết định)').fill('Quyết định thử nghiệm e2e số 02');
    await end.getByRole('button', { name: 'Lưu' }).click();
    await end.waitFor({ state: 'hidden' });
    await row.waitFor({ state: 'detached' });

    await page.getByLabel('Hiện cả các dòng đã kết thúc').click();
    const ended = table.locator('tr').filter({ hasText: 'Phường Đoàn Kết (03388)' });
    await ended.getByText('Từ 01/07/2025 đến 31/12/2025').waitFor();
    await ended.getByText('Kết thúc theo: Quyết định thử nghiệm e2e số 02').waitFor();
    expect(await ended.getByText('Không áp dụng', { exact: true }).count()).toBe(1);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('shows the empty poor-household list, to be fed later', async () => {
    const { page, context, problems } = await openPage(browser, '/admin/fee-lists', { as: 'quantri' });
    await page.getByTestId('fee-list-table').getByText('Xã Mù Cả (03451)').waitFor();
    await page.getByLabel('Danh sách', { exact: true }).click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: 'Hộ nghèo' }).click();
    await page.getByText('Danh sách chưa có dòng nào vào ngày này.').waitFor();
    await page.getByRole('button', { name: 'Thêm hộ gia đình' }).waitFor();
    expect(problems).toEqual([]);
    await context.close();
  });
});
