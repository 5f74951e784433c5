import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { HelpDeskList } from '../src/contracts/help-desks';
import { api, checkA11y, dialogsSettled, launchBrowser, openPage, screenshot, STAFF } from './browser';

/** Types a day (dd/mm/yyyy) into the date field of the open dialog. */
async function fillDate(page: Page, label: string, text: string): Promise<void> {
  const input = page.getByRole('dialog').getByLabel(label, { exact: true });
  await input.click();
  await input.fill(text);
  await input.press('Enter');
}

describe('administrative units browser', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('shows 8 districts before 1 July 2025 and 38 communes directly under the province after', async () => {
    const { page, context, problems } = await openPage(browser, '/units?asOf=2025-06-30', { as: STAFF });
    await page.locator('[data-unit-level="district"]').first().waitFor();
    expect(await page.locator('[data-unit-level="district"]').count()).toBe(8);
    await screenshot(page, 'units-before');
    expect((await checkA11y(page)).blocking).toEqual([]);

    await page.getByText('Từ 01/07/2025', { exact: true }).click();
    await page.locator('[data-unit-level="commune"]').first().waitFor();
    expect(await page.locator('[data-unit-level="commune"]').count()).toBe(38);
    expect(await page.locator('[data-unit-level="district"]').count()).toBe(0);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('shows code 03388 as Quyết Tiến before the reform and Đoàn Kết after, with the links between them', async () => {
    const { page, context, problems } = await openPage(browser, '/units?asOf=2025-06-30', { as: STAFF });
    await page.getByLabel('Tra theo mã').fill('03388');
    await page.getByLabel('Tra theo mã').press('Enter');
    const details = page.getByTestId('unit-details');
    await details.getByRole('heading', { name: /Quyết Tiến/ }).waitFor();
    await details.getByRole('button', { name: /Đoàn Kết/ }).waitFor(); // successor

    await page.getByText('Từ 01/07/2025', { exact: true }).click();
    await details.getByRole('heading', { name: /Đoàn Kết/ }).waitFor();
    await details.getByRole('button', { name: /Quyết Tiến/ }).waitFor(); // predecessor
    await screenshot(page, 'units-after');
    expect((await checkA11y(page)).blocking).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('explains an unknown code in Vietnamese', async () => {
    const { page, context } = await openPage(browser, '/units?code=99999', { as: STAFF });
    await page.getByRole('alert').filter({ hasText: '99999' }).waitFor();
    await context.close();
  });

  it("lets an administrator change a commune's help desk from a day and close one, keeping the history", async () => {
    const { page, context, problems } = await openPage(browser, '/units?code=03445', { as: 'quantri' });
    const desks = page.getByTestId('help-desks');
    const rows = desks.getByTestId('help-desk-row');
    const counter = rows.filter({ hasText: 'Bộ phận Một cửa xã Mường Tè (demo)' });
    await counter.getByText('Đang áp dụng').waitFor();

    // A new number from a day: a wrong one is refused under its field, the right one replaces the row.
    await counter.getByRole('button', { name: 'Thay đổi' }).click();
    const dialog = page.getByRole('dialog', { name: 'Thay đổi "Bộ phận Một cửa xã Mường Tè (demo)" từ một ngày' });
    await dialog.waitFor();
    await dialogsSettled(page);
    await dialog.getByLabel('Tên', { exact: true }).fill('Bộ phận Một cửa xã Mường Tè (demo, số mới)');
    await dialog.getByLabel('Điện thoại', { exact: true }).fill('0213 333');
    await dialog.getByLabel('Nguồn thông tin').fill('Dữ liệu mẫu (demo) cho hành trình e2e');
    await fillDate(page, 'Áp dụng từ ngày', '01/01/2027'); // Enter in the day sends the form
    await dialog.getByText(/Số điện thoại không đúng/).waitFor();
    await dialog.getByLabel('Điện thoại', { exact: true }).fill('0213 0000 022');
    await dialog.getByText(/Số điện thoại không đúng/).waitFor({ state: 'detached' }); // gone once corrected
    await screenshot(page, 'units-help-desk-replace');
    expect((await checkA11y(page)).blocking).toEqual([]);
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    await dialog.waitFor({ state: 'hidden' });
    const replaced = rows.filter({ hasText: 'Bộ phận Một cửa xã Mường Tè (demo, số mới)' });
    await replaced.getByText('Chưa đến ngày áp dụng').waitFor();
    await replaced.getByText(/0213 0000 022/).waitFor();
    await counter.getByText('Từ 01/07/2025 đến 31/12/2026').waitFor();
    await counter.getByText(/Đóng bởi Quản trị/).waitFor();

    // The public sees the old number until the last day, the new one from the first.
    const phoneOn = async (day: string) =>
      (await api<HelpDeskList>(`/api/v1/units/help-desks?unit=03445&asOf=${day}`)).items.find(
        (d) => d.kind === 'one_stop_counter',
      )?.phone;
    expect(await phoneOn('2026-12-31')).toBe('02130000021');
    expect(await phoneOn('2027-01-01')).toBe('02130000022');

    // Closing the new row the day before it starts withdraws it; it stays in the list.
    await replaced.getByRole('button', { name: 'Đóng' }).click();
    const close = page.getByRole('dialog', { name: 'Đóng "Bộ phận Một cửa xã Mường Tè (demo, số mới)"' });
    await close.waitFor();
    await dialogsSettled(page);
    // The day is the dialog's only field: Enter in it sends the form, as 'Lưu' would.
    await fillDate(page, 'Ngày cuối cùng áp dụng', '31/12/2026');
    await close.waitFor({ state: 'hidden' });
    await replaced.getByText('Đã huỷ (chưa từng áp dụng)').waitFor();
    expect(await phoneOn('2027-01-01')).toBeUndefined();
    // The wrong number's refusal, and nothing else.
    expect(problems.filter((p) => !/status of 400/.test(p))).toEqual([]);
    expect(problems.filter((p) => /status of 400/.test(p))).toHaveLength(1);
    await context.close();
  });
});
