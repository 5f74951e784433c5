import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { checkA11y, hasHorizontalScroll, launchBrowser, openPage, PHONE, screenshot, STAFF } from './browser';

/**
 * Issue 15 §5: the Project 06 dashboard. The Standing Agency recomputes the quarter; a leader, on a
 * phone, opens the dashboard from the overview, reads the province's targets (with "no data" where no
 * module gives a source yet, never 0 %), ranks the communes by target 2's e-ID indicator and sees them
 * on the map and in the table.
 */

const RUN_INFO = /Số liệu tính lúc \d{2}\/\d{2}\/\d{4} \d{2}:\d{2}, đến ngày \d{2}\/\d{2}\/\d{4}/;
const EID = 'Công dân trên 14 tuổi kích hoạt tài khoản định danh điện tử';

/**
 * Presses "Tính lại ngay" until the run is made: the server computes the periods under way at start,
 * and while that run holds the lock the page shows the API's 409 message (checked here) instead.
 */
async function recompute(page: Page): Promise<void> {
  const until = Date.now() + 120_000;
  for (;;) {
    await page.getByRole('button', { name: 'Tính lại ngay' }).first().click();
    const done = page.getByText(/^Đã tính xong các chỉ tiêu của kỳ Quý \d\/\d{4}$/);
    const busy = page.getByRole('alert').filter({ hasText: 'Một lần tính chỉ tiêu khác đang chạy' });
    await Promise.race([done.waitFor({ timeout: 100_000 }), busy.first().waitFor({ timeout: 100_000 })]);
    if (await done.isVisible()) return;
    if (Date.now() > until) throw new Error('the indicators could not be recomputed within 2 minutes');
    await page.waitForTimeout(2_000);
  }
}

describe('the Project 06 dashboard', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('lets the Standing Agency recompute the quarter, and shows "no data" where no source exists yet', async () => {
    const { page, context, problems } = await openPage(browser, '/chi-tieu', { as: STAFF });
    await page.getByRole('heading', { level: 1, name: 'Chỉ tiêu Đề án 06' }).waitFor();
    await recompute(page);
    await page.getByTestId('kpi-run-info').getByText(RUN_INFO).waitFor();
    await page.getByText('38 xã, phường sau sắp xếp ngày 01/07/2025').waitFor();

    // Target 6 has no source module yet: no figure and the reason, never 0 % or 100 %.
    const civil = page.getByTestId('kpi-indicator-T6.CIVIL');
    await civil.getByText('Chưa có nguồn số liệu', { exact: false }).waitFor();
    expect(await civil.locator('.kpi-light').textContent()).toBe('Chưa có số liệu');
    expect(await civil.getByText(/^[\d.]+ \/ [\d.]+$/).count()).toBe(0);
    expect(await civil.locator('.kpi-value').textContent()).toBe('Chưa có số liệu');
    // Every target of the plan is there, and the service index.
    for (const target of [1, 2, 7, 14])
      await page.getByRole('heading', { level: 3, name: `Mục tiêu ${target}`, exact: true }).waitFor();
    await page.getByRole('heading', { level: 3, name: /^Bộ chỉ số phục vụ người dân/ }).waitFor();

    await screenshot(page, 'kpi-standing-agency');
    expect((await checkA11y(page)).blocking).toEqual([]);

    // The picker: a year instead of the quarter, in the address too.
    const picker = page.getByTestId('kpi-period');
    await picker.getByText('Năm', { exact: true }).click();
    await page.waitForURL(/[?&]ky=\d{4}$/);
    await picker.getByText(/^Năm \d{4}$/).waitFor();
    await page.getByTestId('kpi-run-info').or(page.getByTestId('kpi-no-run')).first().waitFor();
    expect(problems).toEqual([]);
    await context.close();
  });

  it('says a past month is not computed yet, and computes it as of its last day', async () => {
    const { page, context, problems } = await openPage(browser, '/chi-tieu?ky=2025-07', { as: STAFF });
    const empty = page.getByTestId('kpi-no-run');
    await empty.getByText('Kỳ Tháng 07/2025 chưa tính.', { exact: false }).waitFor();
    await page.getByTestId('kpi-period').getByText('Tháng 07/2025').waitFor();
    await empty.getByRole('button', { name: 'Tính lại ngay' }).click();
    await page
      .getByTestId('kpi-run-info')
      .getByText(/đến ngày 31\/07\/2025/)
      .waitFor({ timeout: 100_000 });
    expect(await page.getByTestId('kpi-no-run').count()).toBe(0);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('says why a future period has no figures, in Vietnamese', async () => {
    const { page, context } = await openPage(browser, '/chi-tieu?ky=2099-Q1', { as: STAFF });
    await page.getByRole('alert').filter({ hasText: 'chưa bắt đầu' }).first().waitFor();
    await context.close();
  });

  it('shows a leader, on a phone, the targets and the communes ranked by e-ID on a map and in a table', async () => {
    const { page, context, problems } = await openPage(browser, '/login', { viewport: PHONE });
    await page.getByLabel('Tên đăng nhập').fill('lanhdao.tinh');
    await page.getByLabel('Mật khẩu', { exact: true }).fill('LaiChau@Demo2026');
    await page.getByRole('button', { name: 'Đăng nhập bằng tài khoản' }).click();
    await page.getByTestId('overview').getByRole('link', { name: 'Chỉ tiêu Đề án 06' }).click();
    await page.getByRole('heading', { level: 1, name: 'Chỉ tiêu Đề án 06' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/chi-tieu');
    await page.getByTestId('kpi-run-info').getByText(RUN_INFO).waitFor();
    // A leader reads; only the Standing Agency recomputes.
    expect(await page.getByRole('button', { name: 'Tính lại ngay' }).count()).toBe(0);

    // Target 2's e-ID indicator for the province: a figure "62,5 %", its count and threshold, and a light in words.
    const eid = page.getByTestId('kpi-indicator-T2.EID');
    expect(await eid.locator('.kpi-value').textContent()).toMatch(/^\d{1,3}(,\d{1,4})?\s%$/);
    await eid.getByText(/^[\d.]+ \/ [\d.]+$/).waitFor();
    await eid.getByText(/^> 50\s%$/).waitFor();
    expect(await eid.locator('.kpi-light').textContent()).toMatch(/^(Đạt|Chưa đạt)$/);

    await eid.getByRole('button', { name: `Xếp hạng xã, phường theo chỉ tiêu: ${EID}` }).click();
    await page.waitForURL(/chiTieu=T2\.EID/);
    const ranking = page.getByTestId('kpi-ranking');
    await ranking.getByRole('heading', { level: 3, name: EID }).waitFor();
    await page.locator('[data-testid="kpi-map"] canvas').waitFor();
    const rows = page.locator('[data-testid="kpi-ranking-table"] tbody tr.ant-table-row');
    await rows.first().waitFor();
    expect(await rows.count()).toBe(38);
    expect(await rows.first().locator('td').first().textContent()).toBe('1');
    await ranking.getByText(/^\d+\/38 xã, phường chưa đạt ngưỡng > 50\s%; \d+ chưa có số liệu\.$/).waitFor();

    expect(await hasHorizontalScroll(page)).toBe(false);
    await page.waitForTimeout(800); // let the map's entry animation finish before the screenshot
    await screenshot(page, 'kpi-leader-phone');
    expect((await checkA11y(page)).blocking).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });

  it("shows a commune's police only their commune: its results and a ranking of one", async () => {
    const { page, context, problems } = await openPage(browser, '/chi-tieu?chiTieu=T2.EID', { as: 'ca.muongte' });
    await page.getByRole('heading', { level: 2, name: 'Kết quả của Xã Mường Tè' }).waitFor();
    expect(await page.getByRole('heading', { level: 2, name: 'Kết quả toàn tỉnh' }).count()).toBe(0);
    const rows = page.locator('[data-testid="kpi-ranking-table"] tbody tr.ant-table-row');
    await rows.first().waitFor();
    expect(await rows.count()).toBe(1);
    expect(await rows.first().textContent()).toContain('Xã Mường Tè');
    expect(await page.getByRole('button', { name: 'Tính lại ngay' }).count()).toBe(0);
    expect(problems).toEqual([]);
    await context.close();
  });
});
