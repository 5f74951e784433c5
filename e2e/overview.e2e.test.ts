import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { api, checkA11y, hasHorizontalScroll, launchBrowser, openPage, PHONE, screenshot } from './browser';

/**
 * Issue 14 §5: the leader and the Standing Agency land on figures, not only on tiles, and the
 * quality score is there without anyone pressing "Chạy đánh giá" (the server runs the engine at
 * start and then daily).
 */

/** dd/mm/yyyy … dd/mm/yyyy: every figure says its period. */
const PERIOD = /Từ \d{2}\/\d{2}\/\d{4} đến \d{2}\/\d{2}\/\d{4}/;

/** Waits (without pressing anything) for the run the server makes at start. */
async function scheduledQualityRun(): Promise<void> {
  const until = Date.now() + 120_000;
  while ((await api<{ runId: number } | null>('/api/v1/population/quality/report')) === null) {
    if (Date.now() > until) throw new Error('the server made no quality run within 2 minutes of its start');
    await new Promise((resolve) => setTimeout(resolve, 1_000));
  }
}

/** Every failed request, the expected 404s included (openPage lets those pass). */
function failedRequests(page: Page): string[] {
  const failed: string[] = [];
  page.on('response', (response) => {
    if (response.status() >= 400) failed.push(`${response.status()} ${new URL(response.url()).pathname}`);
  });
  return failed;
}

describe('the overview leaders and the Standing Agency land on', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
    await scheduledQualityRun();
  }, 150_000);
  afterAll(async () => {
    await browser?.close();
  });

  it('shows the leader, signed in on a phone, the figures of the province with their periods and the quality score', async () => {
    const { page, context, problems } = await openPage(browser, '/login', { viewport: PHONE });
    const failed = failedRequests(page);
    await page.getByLabel('Tên đăng nhập').fill('lanhdao.tinh');
    await page.getByLabel('Mật khẩu', { exact: true }).fill('LaiChau@Demo2026');
    await page.getByRole('button', { name: 'Đăng nhập bằng tài khoản' }).click();
    const overview = page.getByTestId('overview');
    await overview.getByRole('heading', { level: 2, name: /^Tổng quan: .*Lai Châu/ }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/');

    // The quality score, present without pressing anything, dated, with a link to the report.
    const quality = page.getByTestId('overview-quality');
    expect(await page.getByTestId('overview-quality-value').textContent()).toMatch(/^\d{1,3},\d%$/);
    await quality.getByText(/Đánh giá ngày \d{2}\/\d{2}\/\d{4}, xong lúc/).waitFor();
    await quality.getByRole('link', { name: 'Chất lượng dữ liệu dân cư', exact: true }).waitFor();

    // The dossiers of the last 30 days (a count), the on-time share and the payments, each with its period.
    expect(await page.getByTestId('overview-dossiers-value').textContent()).toMatch(/^[\d.]+$/);
    await page.getByTestId('overview-dossiers').getByText(PERIOD).waitFor();
    expect(await page.getByTestId('overview-on-time-value').textContent()).toMatch(/^(\d{1,3},\d%|Chưa có số liệu)$/);
    await page
      .getByTestId('overview-on-time')
      .getByText(/Đang quá hạn: [\d.]+ hồ sơ/)
      .waitFor();
    await page
      .getByTestId('overview-fees')
      .getByText(/^Tháng \d{2}\/\d{4}/)
      .waitFor();
    // The demo's schools and health facilities report every month: a share of the latest one.
    expect(await page.getByTestId('overview-cashless-value').textContent()).toMatch(/^\d{1,3},\d%$/);
    await page
      .getByTestId('overview-cashless')
      .getByText(/^Tháng \d{2}\/\d{4}$/)
      .waitFor();
    // A leader may not open the workqueue: the dossiers' figure is not a link; the cashless one is.
    expect(await page.getByTestId('overview-dossiers').getByRole('link').count()).toBe(0);
    await page
      .getByTestId('overview-cashless')
      .getByRole('link', { name: /Thanh toán không dùng tiền mặt/ })
      .first()
      .waitFor();
    // The tiles are still there, below the figures.
    await page.locator('.home-card').first().waitFor();

    expect(await hasHorizontalScroll(page)).toBe(false);
    await screenshot(page, 'overview-leader-phone');
    expect((await checkA11y(page)).blocking).toEqual([]);
    expect(problems).toEqual([]);
    expect(failed).toEqual([]);

    // The quality page shows the report at once, without a 404 and without a button a leader may not use.
    await quality.getByRole('link', { name: 'Chất lượng dữ liệu dân cư', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Chất lượng dữ liệu dân cư' }).waitFor();
    await page.getByText('Điểm toàn tỉnh').waitFor();
    expect(await page.getByRole('button', { name: 'Chạy đánh giá' }).count()).toBe(0);
    expect(failed).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('shows the Standing Agency the same figures, linked to the workqueue and the payments', async () => {
    const { page, context, problems } = await openPage(browser, '/', { as: 'thuongtruc.tinh' });
    const dossiers = page.getByTestId('overview-dossiers');
    await dossiers.getByRole('link', { name: 'Hồ sơ nộp trong 30 ngày qua', exact: true }).waitFor();
    await page.getByTestId('overview-fees').getByRole('link', { name: 'Nộp lệ phí trực tuyến', exact: true }).waitFor();
    expect(await page.getByTestId('overview-quality-value').textContent()).toMatch(/^\d{1,3},\d%$/);
    await screenshot(page, 'overview-standing-agency');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('is not shown to an officer without the overview right (tiles only)', async () => {
    const { page, context } = await openPage(browser, '/', { as: 'ca.muongte' });
    await page.locator('.home-card').first().waitFor();
    expect(await page.getByTestId('overview').count()).toBe(0);
    await context.close();
  });
});
