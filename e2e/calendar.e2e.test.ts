import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { checkA11y, launchBrowser, openPage, screenshot } from './browser';

async function showYear(page: Page, year: number): Promise<void> {
  const input = page.getByLabel('Năm', { exact: true });
  await input.fill(String(year));
  await input.press('Tab');
  await page.getByTestId('calendar-summary').waitFor();
}

async function fillDate(page: Page, label: string, text: string): Promise<void> {
  const input = page.getByLabel(label, { exact: true });
  await input.click();
  await input.fill(text);
  await input.press('Enter');
}

describe('the working-day calendar (administrator)', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('shows the announced 2026 schedule with its working Saturdays, and a later year as provisional', async () => {
    const { page, context, problems } = await openPage(browser, '/admin/calendar', { as: 'quantri' });
    await page.getByRole('heading', { level: 1, name: 'Lịch ngày làm việc' }).waitFor();
    await showYear(page, 2026);
    const table = page.getByTestId('calendar-table');
    await table.getByText('10/01/2026', { exact: true }).waitFor();
    expect(
      await table.locator('tr').filter({ hasText: '10/01/2026' }).getByText('Làm bù thứ Bảy', { exact: true }).count(),
    ).toBe(1);
    expect(await page.getByTestId('calendar-summary').getByText('Số ngày làm việc trong năm: 249').count()).toBe(1);
    await page.getByText('Đã công bố', { exact: true }).waitFor();
    await screenshot(page, 'calendar-2026');
    expect((await checkA11y(page)).blocking).toEqual([]);

    await showYear(page, 2028);
    await page.getByText('Tính theo luật, chưa lưu').waitFor();
    expect(await table.getByText('Tạm tính', { exact: true }).count()).toBe(12); // the Labour Code's eleven and 24/11 Vietnamese Culture Day
    expect(problems).toEqual([]);
    await context.close();
  });

  it('adds a day off to a provisional year, sees the deadline move, then restores the year', async () => {
    const { page, context, problems } = await openPage(browser, '/admin/calendar', { as: 'quantri' });
    await page.getByRole('heading', { level: 1, name: 'Lịch ngày làm việc' }).waitFor();
    await showYear(page, 2028);

    await page.getByRole('button', { name: 'Thêm ngày' }).click();
    const dialog = page.getByRole('dialog', { name: 'Thêm ngày nghỉ hoặc ngày làm bù' });
    await fillDate(page, 'Ngày', '15/03/2028');
    await dialog.getByLabel('Loại ngày').click();
    await page
      .locator('.ant-select-dropdown:visible .ant-select-item-option')
      .filter({ hasText: 'Nghỉ hoán đổi' })
      .click();
    await dialog.getByLabel('Tên ngày').fill('Nghỉ hoán đổi (thử nghiệm e2e)');
    await dialog.getByLabel('Căn cứ (văn bản, thông báo)').fill('Thông báo thử nghiệm e2e');
    await screenshot(page, 'calendar-add-day');
    expect((await checkA11y(page)).blocking).toEqual([]);
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    await page.getByTestId('calendar-table').getByText('Nghỉ hoán đổi (thử nghiệm e2e)').waitFor();

    await fillDate(page, 'Thời điểm nhận đủ hồ sơ', '14/03/2028 09:00');
    await page.getByLabel('Thời hạn (ngày làm việc)').fill('1');
    await page.getByRole('button', { name: 'Tính hạn' }).click();
    const result = page.getByTestId('deadline-result');
    await result.getByText('17:00 16/03/2028').waitFor();
    await result.getByText('Tạm tính: lịch năm 2028 chưa được công bố').waitFor();
    await screenshot(page, 'calendar-deadline');

    await page.getByRole('button', { name: 'Quay về lịch tạm tính' }).click();
    await page.locator('.ant-popconfirm:visible').getByRole('button', { name: 'Quay về lịch tạm tính' }).click();
    await page.getByText('Tính theo luật, chưa lưu').waitFor();
    expect(await page.getByTestId('calendar-table').getByText('Nghỉ hoán đổi (thử nghiệm e2e)').count()).toBe(0);
    expect(problems).toEqual([]);
    await context.close();
  });
});
