import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { checkA11y, launchBrowser, openPage, screenshot } from './browser';

/** The month before the current one in Vietnam, as YYYY-MM and as the page writes it (MM/YYYY). */
function lastMonth(): { iso: string; shown: string } {
  const now = new Date(Date.now() + 7 * 3600_000);
  const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1));
  const iso = d.toISOString().slice(0, 7);
  return { iso, shown: `${iso.slice(5, 7)}/${iso.slice(0, 4)}` };
}

const HEADER =
  'Mã cơ sở;Tháng (YYYY-MM);Số giao dịch không dùng tiền mặt;Số giao dịch tiền mặt;Số tiền không dùng tiền mặt (đồng);Số tiền mặt (đồng)';

/**
 * Chooses a file as a user would and waits until the page lists it by name (what the user sees
 * before pressing a button). The upload control replaces its hidden input after every choice; a
 * choice that lands on the input being replaced is lost, so it is made again (at most three times).
 */
async function chooseFile(page: Page, name: string, text: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    await page
      .locator('input[type=file]')
      .setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(`\uFEFF${text}`, 'utf8') });
    try {
      await page.locator('.ant-upload-list').getByText(name, { exact: true }).waitFor({ timeout: 5_000 });
      return;
    } catch (error) {
      if (attempt === 3) throw error;
    }
  }
}

describe('cashless payment in schools and health facilities (target 7)', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('shows the Standing Agency the province’s shares with a chart, and the wards on their own', async () => {
    const { page, context, problems } = await openPage(browser, '/cashless', { as: 'thuongtruc.tinh' });
    await page
      .getByRole('heading', { level: 1, name: 'Thanh toán không dùng tiền mặt tại trường học, cơ sở y tế' })
      .waitFor();
    await page.getByTestId('cashless-chart').locator('canvas').waitFor();
    await page.getByText('Tỉnh Lai Châu, từ', { exact: false }).first().waitFor();
    await page.getByText('Trên địa bàn phường', { exact: true }).click();
    await page.getByText('Trường học — Trên địa bàn phường').waitFor();
    const communes = page.getByRole('region', { name: 'Theo xã, phường (cả kỳ)' });
    await communes.getByText('Phường Đoàn Kết').waitFor();
    expect(await communes.locator('tbody tr').count()).toBe(38);
    await screenshot(page, 'cashless-stats');
    expect((await checkA11y(page)).blocking).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('lets an administrator check a file, see the refused lines, import, replace, and find the earlier figures kept', async () => {
    const month = lastMonth();
    const { page, context, problems } = await openPage(browser, '/cashless/import', { as: 'quantri' });
    await page.getByRole('heading', { level: 1, name: 'Nhập số liệu thanh toán của trường học, cơ sở y tế' }).waitFor();

    await chooseFile(
      page,
      'loi.csv',
      `${HEADER}\nTH-03388-1;${month.shown};300;0;60.000.000;0\nKHONG-CO;${month.iso};1;1;1000;1000\n`,
    );
    await page.getByRole('button', { name: 'Kiểm tra trước' }).click();
    await page.getByText('Tệp có 1 lỗi, chưa nhập dòng nào.', { exact: false }).waitFor();
    await page.getByText('Dòng 3, cột "Mã cơ sở": không có cơ sở mã "KHONG-CO" trong danh mục').waitFor();
    problems.splice(0); // the refused upload is an expected 400

    await chooseFile(page, 'dung.csv', `${HEADER}\nTH-03388-1;${month.shown};300;0;60.000.000;0\n`);
    await page.getByRole('button', { name: 'Kiểm tra trước' }).click();
    await page.getByText('Kết quả kiểm tra — chưa nhập').waitFor();
    await page.getByRole('button', { name: 'Nhập số liệu', exact: true }).click();
    await page.getByTestId('import-result').getByText('Đã nhập số liệu').waitFor();

    // The import is held on its way so that the busy button can be looked at: it keeps its own
    // name (the spinner is hidden from screen readers) while busy and after (antd's animated
    // spinner once stayed behind as "loading Nhập số liệu" and failed this journey now and then).
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/api/v1/cashless/imports', async (route) => {
      if (route.request().method() === 'POST') await held;
      await route.continue();
    });
    await chooseFile(page, 'sua.csv', `${HEADER}\nTH-03388-1;${month.iso};310;2;62.000.000;300.000\n`);
    const importButton = page.getByRole('button', { name: 'Nhập số liệu', exact: true });
    await importButton.click();
    await page.locator('button.ant-btn-loading').getByText('Nhập số liệu', { exact: true }).waitFor();
    expect(await importButton.count()).toBe(1);
    release();
    await page.getByText('Số liệu được thay thế (số cũ vẫn được lưu)').waitFor();
    await page.unroute('**/api/v1/cashless/imports');
    expect(await importButton.count()).toBe(1);
    await page
      .getByRole('region', { name: 'Số liệu được thay thế (số cũ vẫn được lưu)' })
      .getByText('300 / 0')
      .waitFor();
    await screenshot(page, 'cashless-import');
    expect((await checkA11y(page)).blocking).toEqual([]);

    await page.goto('/admin/facilities');
    await page.getByRole('searchbox', { name: 'Tìm theo tên hoặc mã' }).fill('TH-03388-1');
    await page.getByRole('searchbox', { name: 'Tìm theo tên hoặc mã' }).press('Enter');
    await page.getByRole('button', { name: 'Số liệu theo tháng của Trường Tiểu học số 1 phường Đoàn Kết' }).click();
    const drawer = page.getByRole('dialog');
    await drawer.getByText('310 / 2').waitFor();
    await drawer
      .getByText(/bị thay ngày .* bởi Quản trị hệ thống \(demo\)/)
      .first()
      .waitFor();
    await screenshot(page, 'cashless-facility-months');
    expect(problems).toEqual([]);
    await context.close();
  });
});
