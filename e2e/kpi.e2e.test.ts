import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { PNG as Png } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { extractText, rasterizePage } from '../src/server/modules/slips/test-support';
import {
  checkA11y,
  choosePurpose,
  hasHorizontalScroll,
  launchBrowser,
  openPage,
  PHONE,
  screenshot,
  STAFF,
} from './browser';

/**
 * Issue 15 §2 and §5: the Project 06 dashboard. The Standing Agency recomputes the quarter; a leader, on
 * a phone, opens the dashboard from the overview, reads the province's targets (with "no data" where no
 * module gives a source yet, never 0 %), ranks the communes by target 2's e-ID indicator, sees them on
 * the map and in the table — and, opening a commune's list, is told leaders see figures, not people.
 * The commune police open the list of their commune's people aged 14 or over without an activated
 * e-ID, for a stated purpose, and export it; the quarterly report downloads as PDF and XLSX.
 *
 * Nothing here depends on what another test file changes: lists are compared with what the same
 * page shows at the same moment, never with a count fixed in advance.
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

/** "Quý 4/2026": the quarter under way in Vietnam, as the dashboard names it. */
function thisQuarter(): string {
  const today = new Date(Date.now() + 7 * 3_600_000).toISOString();
  return `Quý ${Math.ceil(Number(today.slice(5, 7)) / 3)}/${today.slice(0, 4)}`;
}

/** Clicks a download link and returns the file's bytes with the name the server gave it. */
async function download(page: Page, link: Locator): Promise<{ name: string; bytes: Buffer }> {
  const [file] = await Promise.all([page.waitForEvent('download'), link.click()]);
  return { name: file.suggestedFilename(), bytes: readFileSync(await file.path()) };
}

/** The share of a PNG's pixels that are not white (a blank page is 0). */
function inkShare(png: Buffer): number {
  const image = Png.sync.read(png);
  let ink = 0;
  for (let i = 0; i < image.data.length; i += 4)
    if (image.data[i]! < 200 || image.data[i + 1]! < 200 || image.data[i + 2]! < 200) ink += 1;
  return ink / (image.width * image.height);
}

/** The number in "Có 1.234 trường hợp." */
async function listTotal(list: Locator): Promise<number> {
  const text = (await list.getByTestId('kpi-list-total').textContent()) ?? '';
  const match = /Có ([\d.]+) trường hợp\./.exec(text);
  if (!match) throw new Error(`no total in "${text}"`);
  return Number(match[1]!.replace(/\./g, ''));
}

describe('the Project 06 dashboard', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('lets the Standing Agency recompute the quarter, and shows "no data" where there is nothing to count yet', async () => {
    const { page, context, problems } = await openPage(browser, '/chi-tieu', { as: STAFF });
    await page.getByRole('heading', { level: 1, name: 'Chỉ tiêu Đề án 06' }).waitFor();
    await recompute(page);
    await page.getByTestId('kpi-run-info').getByText(RUN_INFO).waitFor();
    await page.getByText('38 xã, phường sau sắp xếp ngày 01/07/2025').waitFor();

    // Target 6: the demo's digitised birth books (a sector list seeded at start, linked to the registry)
    // give a figure — a share, its count and a light in words.
    const civil = page.getByTestId('kpi-indicator-T6.CIVIL');
    expect(await civil.locator('.kpi-value').textContent()).toMatch(/^\d{1,3}(,\d{1,4})?\s%$/);
    await civil.getByText(/^[\d.]+ \/ [\d.]+$/).waitFor();
    expect(await civil.locator('.kpi-indicator-head .kpi-light').textContent()).toMatch(/^(Đạt|Chưa đạt)$/);
    // Target 5's officers are counted by the communes, and none has reported this quarter (the reporting
    // journey reports a past one): no figure and the reason, never 0 %.
    const officers = page.getByTestId('kpi-indicator-T5.OFFICERS');
    await officers.getByText('Đơn vị chưa báo cáo số liệu của kỳ', { exact: false }).waitFor();
    expect(await officers.locator('.kpi-indicator-head .kpi-light').textContent()).toBe('Chưa có số liệu');
    expect(await officers.getByText(/^[\d.]+ \/ [\d.]+$/).count()).toBe(0);
    expect(await officers.locator('.kpi-value').textContent()).toBe('Chưa có số liệu');
    // Every target of the plan is there, and the service index.
    for (const target of [1, 2, 7, 14])
      await page.getByRole('heading', { level: 3, name: `Mục tiêu ${target}`, exact: true }).waitFor();
    await page.getByRole('heading', { level: 3, name: /^Bộ chỉ số phục vụ người dân/ }).waitFor();

    // Target 14 is followed at the province alone: its figure opens the list of the pilot models behind
    // it (the demo's), as many on the "not yet" side as the figure's denominator less its numerator.
    const pilots = page.getByTestId('kpi-indicator-T14.PILOTS');
    const [onTrack, models] = ((await pilots.getByText(/^[\d.]+ \/ [\d.]+$/).textContent()) ?? '')
      .split(' / ')
      .map((n) => Number(n.replace(/\./g, '')));
    await pilots.getByRole('button', { name: /^Xem danh sách chi tiết: / }).click();
    await page.waitForURL(/chiTieu=T14\.PILOTS/);
    await choosePurpose(page);
    const pilotList = page.getByTestId('kpi-list');
    await pilotList.getByText('Toàn tỉnh', { exact: false }).first().waitFor();
    await pilotList.getByRole('columnheader', { name: 'Tên mô hình' }).waitFor();
    await pilotList.getByTestId('kpi-list-total').waitFor();
    expect(await listTotal(pilotList)).toBe(models! - onTrack!);
    await pilotList.getByRole('button', { name: 'Đóng danh sách' }).click();

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
    expect(await eid.locator('.kpi-indicator-head .kpi-light').textContent()).toMatch(/^(Đạt|Chưa đạt)$/);

    // Its trend over the last six quarters: the change in words, and every quarter's figure in a table,
    // newest first, the quarter shown with the figure shown (a quarter never computed says so).
    const trend = eid.getByTestId('kpi-trend-T2.EID');
    await trend.locator('.kpi-trend-change').waitFor();
    expect(((await trend.locator('.kpi-trend-change').textContent()) ?? '').trim()).toMatch(
      /^(Tăng|Giảm) [\d,]+ điểm % so với Quý \d\/\d{4}$|^Không đổi so với Quý \d\/\d{4}$|^Chưa có kỳ trước để so sánh$/,
    );
    await trend.getByText('Kết quả 6 kỳ gần nhất').click();
    const quarters = trend.locator('tbody tr');
    expect(await quarters.count()).toBe(6);
    expect(await quarters.first().locator('th').textContent()).toBe(thisQuarter());
    expect(await quarters.first().locator('td').first().textContent()).toBe(
      await eid.locator('.kpi-value').textContent(),
    );
    for (const row of await quarters.all())
      expect(await row.locator('td').last().textContent()).toMatch(/^(Đạt|Chưa đạt|Chưa có số liệu|Chưa tính)$/);

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

    // The report of the quarter is offered to a reader of the province.
    await page.getByTestId('kpi-report').getByRole('link', { name: 'Tải báo cáo PDF' }).waitFor();

    // A commune's figure opens the list behind it, for a purpose; a leader is told plainly that leaders
    // see figures, not people (the server's 403), and the page goes on working.
    const firstRow = rows.first();
    const commune = ((await firstRow.locator('td').nth(1).locator('div').first().textContent()) ?? '').trim();
    await firstRow.getByRole('button', { name: `Xem danh sách chi tiết của ${commune}` }).click();
    await page.waitForURL(/[?&]ds=\d{5}/);
    await choosePurpose(page);
    const list = page.getByTestId('kpi-list');
    await list.getByText(`${EID} — ${commune}`, { exact: false }).waitFor();
    const refused = list.getByTestId('kpi-list-forbidden');
    await refused.getByText(`không được xem danh sách từng trường hợp của ${commune}`, { exact: false }).waitFor();
    await refused.getByText('Lãnh đạo theo dõi bằng số liệu tổng hợp.', { exact: false }).waitFor();
    expect(await list.getByRole('table').count()).toBe(0);
    expect(await list.getByRole('link', { name: 'Tải danh sách Excel' }).count()).toBe(0);
    expect(await hasHorizontalScroll(page)).toBe(false);
    await screenshot(page, 'kpi-leader-list-refused');
    expect((await checkA11y(page)).blocking).toEqual([]);
    await list.getByRole('button', { name: 'Đóng danh sách' }).click();
    await page.waitForURL((url) => !url.searchParams.has('ds'));
    await page.getByTestId('kpi-list').waitFor({ state: 'detached' });
    // The only failure the browser logged is the refusal itself.
    expect(problems.filter((p) => !/status of 403/.test(p))).toEqual([]);
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

  it("lets a commune's police open their commune's people aged 14 or over without an activated e-ID, and export them", async () => {
    const { page, context, problems } = await openPage(browser, '/chi-tieu', { as: 'ca.muongte', viewport: PHONE });
    await page.getByRole('heading', { level: 2, name: 'Kết quả của Xã Mường Tè' }).waitFor();
    // The report covers the province: not offered to a commune.
    expect(await page.getByTestId('kpi-report').count()).toBe(0);
    const eid = page.getByTestId('kpi-indicator-T2.EID');
    await eid.getByRole('button', { name: `Xem danh sách chi tiết: ${EID}` }).click();
    await page.waitForURL(/chiTieu=T2\.EID.*ds=03445|ds=03445.*chiTieu=T2\.EID/);
    await choosePurpose(page);

    const list = page.getByTestId('kpi-list');
    await list.getByText(`${EID} — Xã Mường Tè`, { exact: false }).waitFor();
    await list
      .getByText('Chưa đạt: trong số "Người từ đủ 14 tuổi đang cư trú (CSDL dân cư)"', { exact: false })
      .waitFor();
    await list.getByTestId('kpi-list-total').waitFor();
    const missing = await listTotal(list);
    expect(missing).toBeGreaterThan(0);
    const rows = list.locator('[data-testid="kpi-list-table"] tbody tr.ant-table-row');
    await rows.first().waitFor();
    expect(await rows.count()).toBe(Math.min(missing, 50));
    for (const header of ['Họ, chữ đệm và tên', 'Ngày sinh', 'Số định danh cá nhân', 'Mức định danh điện tử'])
      await list.getByRole('columnheader', { name: header }).waitFor();
    // Dates as dd/mm/yyyy (or a birth year), and nobody on the "not yet" side at e-ID level 2 with an activated account.
    expect((await rows.first().locator('td').nth(1).textContent()) ?? '').toMatch(/^(\d{2}\/\d{2}\/\d{4}|\d{4})$/);
    const firstName = ((await rows.first().locator('td').first().textContent()) ?? '').trim();
    expect(await hasHorizontalScroll(page)).toBe(false);
    await screenshot(page, 'kpi-commune-list');
    expect((await checkA11y(page)).blocking).toEqual([]);

    // The export: the same list as a workbook, a row per person under a title and the headers.
    const file = await download(page, list.getByRole('link', { name: 'Tải danh sách Excel' }));
    expect(file.name).toMatch(/^danh-sach-T2\.EID-03445-\d{4}-Q[1-4]\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file.bytes as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getRow(1).getCell(1).text).toContain('chưa đạt');
    expect(sheet.getRow(2).getCell(1).text).toBe('Họ, chữ đệm và tên');
    expect(sheet.rowCount).toBe(2 + missing);
    expect(sheet.getRow(3).getCell(1).text).toBe(firstName);

    // The other side: those counted, read again from the server.
    const counted = page.waitForResponse(
      (r) => r.url().includes('/api/v1/kpi/lists?') && r.url().includes('side=counted'),
    );
    await list.getByText('Đã đạt', { exact: true }).click();
    expect((await counted).status()).toBe(200);
    await list.getByText('Đã đạt: Người từ đủ 14 tuổi có tài khoản định danh điện tử mức 2 đã kích hoạt.').waitFor();
    await list.getByTestId('kpi-list-total').waitFor();
    const onSide = await listTotal(list);
    if (onSide > 0) {
      await rows.first().waitFor();
      expect(await rows.first().locator('td').last().textContent()).toBe('2');
    }
    expect(problems).toEqual([]);
    await context.close();
  });

  it('downloads the quarterly report as a PDF whose first page is not blank, and as a workbook', async () => {
    const { page, context, problems } = await openPage(browser, '/chi-tieu', { as: STAFF });
    await page.getByTestId('kpi-run-info').getByText(RUN_INFO).waitFor();
    const run = /lần tính số (\d+)/.exec((await page.getByTestId('kpi-run-info').textContent()) ?? '')![1];
    const report = page.getByTestId('kpi-report');
    await report
      .getByText(new RegExp(`^Báo cáo Quý \\d/\\d{4} lập từ lần tính số ${run}, theo 38 xã, phường hiện nay:`))
      .waitFor();

    const pdf = await download(page, report.getByRole('link', { name: 'Tải báo cáo PDF' }));
    expect(pdf.name).toMatch(new RegExp(`^bao-cao-de-an-06-\\d{4}-Q[1-4]-lan-${run}\\.pdf$`));
    expect(pdf.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    // Opened as a person would: its first page drawn to a picture, with print on it, and its text.
    const png = rasterizePage(pdf.bytes, 0, 72);
    expect(inkShare(png)).toBeGreaterThan(0.01);
    expect(extractText(pdf.bytes, 0)).toContain('BÁO CÁO KẾT QUẢ THỰC HIỆN ĐỀ ÁN 06');

    const xlsx = await download(page, report.getByRole('link', { name: 'Tải báo cáo Excel' }));
    expect(xlsx.name).toMatch(new RegExp(`-lan-${run}\\.xlsx$`));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.bytes as unknown as ArrayBuffer);
    const names = workbook.worksheets.map((w) => w.name);
    expect(names).toEqual(expect.arrayContaining(['Tỉnh', 'Xã, phường']));
    expect(workbook.getWorksheet('Xã, phường')!.rowCount).toBeGreaterThan(38);
    expect(problems).toEqual([]);
    await context.close();
  });

  it("shows the former districts and communes as tables, never on today's map, and their report", async () => {
    const { page, context, problems } = await openPage(browser, '/chi-tieu?chiTieu=T2.EID', { as: STAFF });
    await page.getByTestId('kpi-run-structure').getByText('38 xã, phường sau sắp xếp ngày 01/07/2025').waitFor();
    await page.locator('[data-testid="kpi-map"] canvas').waitFor();

    await page.getByTestId('kpi-structure').getByRole('combobox').click();
    await page.getByRole('option', { name: 'Trước 01/07/2025 (huyện, xã cũ)' }).click();
    await page.waitForURL(/[?&]coCau=cu/);
    // Computed now on the former units (the schedule's own run of them may not be done yet).
    await recompute(page);
    await page.getByTestId('kpi-run-structure').getByText('Theo đơn vị hành chính cũ').waitFor();
    await page.getByTestId('kpi-run-info').getByText(RUN_INFO).waitFor();

    // Today's map does not fit the former units: the table only, and the page says why.
    const ranking = page.getByTestId('kpi-ranking');
    await ranking
      .getByTestId('kpi-map-former')
      .getByText('không dùng cho đơn vị hành chính cũ', { exact: false })
      .waitFor();
    expect(await page.getByTestId('kpi-map').count()).toBe(0);
    const rows = page.locator('[data-testid="kpi-ranking-table"] tbody tr.ant-table-row');
    await rows.first().waitFor();
    expect(await rows.count()).toBeGreaterThan(38); // the former communes, more than today's 38
    // The districts rank apart, named as they were on 30/6/2025.
    await ranking.locator('.ant-segmented').getByText('Huyện', { exact: true }).click();
    await ranking.getByRole('columnheader', { name: 'Huyện, thành phố' }).waitFor();
    await ranking.getByRole('heading', { level: 2, name: 'Xếp hạng huyện, xã (trước 01/07/2025)' }).waitFor();
    await ranking.getByText(/^\d\/8 huyện, thành phố chưa đạt ngưỡng > 50\s%; \d chưa có số liệu\.$/).waitFor();
    expect(await rows.count()).toBe(8);
    await rows.filter({ hasText: 'Huyện Mường Tè' }).waitFor();
    await rows.filter({ hasText: 'Thành phố Lai Châu' }).waitFor();
    // Lists are worklists on today's communes: none behind a former unit's figure.
    expect(await page.getByRole('button', { name: /^Xem danh sách chi tiết/ }).count()).toBe(0);
    expect(await hasHorizontalScroll(page)).toBe(false);
    await screenshot(page, 'kpi-former-structure');
    expect((await checkA11y(page)).blocking).toEqual([]);

    // The report of that run says its structure and has a sheet of districts.
    const report = page.getByTestId('kpi-report');
    await report.getByText('theo các huyện, xã trước 01/07/2025', { exact: false }).waitFor();
    const xlsx = await download(page, report.getByRole('link', { name: 'Tải báo cáo Excel' }));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.bytes as unknown as ArrayBuffer);
    expect(workbook.getWorksheet('Huyện')!.rowCount).toBeGreaterThan(8);

    // Back to today's communes: the map again.
    await page.getByTestId('kpi-structure').getByRole('combobox').click();
    await page.getByRole('option', { name: 'Hiện nay (38 xã, phường)' }).click();
    await page.waitForURL((url) => !url.searchParams.has('coCau'));
    await page.locator('[data-testid="kpi-map"] canvas').waitFor();
    await page.getByTestId('kpi-run-structure').getByText('38 xã, phường sau sắp xếp ngày 01/07/2025').waitFor();
    expect(problems).toEqual([]);
    await context.close();
  });
});
