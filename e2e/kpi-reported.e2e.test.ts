import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { ReportedExpected } from '../src/contracts/kpi';
import { api, checkA11y, launchBrowser, openPage, PDF, screenshot, STAFF } from './browser';

/**
 * Issue 15 §3: a value DVC06 cannot count (T5.OFFICERS, receiving officers who use registry data
 * instead of residence papers). Mường Tè's commune police enter it for a past quarter with an
 * evidence PDF and submit it; the Standing Agency (another account) approves it; the row then shows
 * approved and locked, and the officer who submitted it has no "Duyệt" button and is refused by the
 * API. Then the Standing Agency un-approves it with a reason, and the commune sees the reason and its
 * form again. The quarter is six before the one under way, which no other journey uses; the test checks
 * first that nothing was entered for it (values are never deleted, so none is cleaned up).
 */

const OFFICER = 'ca.muongte';
const MUONG_TE = '03445';
const ROW = `tr[data-row-key="T5.OFFICERS|${MUONG_TE}"]`;

/** The quarter `back` quarters before the one under way in Vietnam, and its label on the page. */
function pastQuarter(back: number): { code: string; label: string } {
  const today = new Date(Date.now() + 7 * 3600_000);
  const index = today.getUTCFullYear() * 4 + Math.floor(today.getUTCMonth() / 3) - back;
  const [year, part] = [Math.floor(index / 4), (index % 4) + 1];
  return { code: `${year}-Q${part}`, label: `Quý ${part}/${year}` };
}
const PERIOD = pastQuarter(6);

async function pickQuarter(page: Page, label: string): Promise<void> {
  await page.getByTestId('kpirep-controls').getByRole('combobox').click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: label }).click();
  await page.waitForURL(new RegExp(`[?&]ky=${PERIOD.code}`));
}

/** Calls the API as the officer, expecting a refusal; its status. */
async function refusedStatus(path: string, body: unknown): Promise<number> {
  const session = inject('sessions')[OFFICER]!;
  const response = await fetch(`${inject('baseUrl')}${path}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      cookie: `${session.cookieName}=${session.cookieValue}`,
      'x-csrf-token': session.csrfToken,
    },
    body: JSON.stringify(body),
  });
  return response.status;
}

describe('values units report, and their approval', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('lets a commune officer enter and submit a value with its evidence, the Standing Agency approve it (locked) and un-approve it', async () => {
    const before = await api<ReportedExpected>(
      `/api/v1/kpi/reported/expected?period=${PERIOD.code}&unitCode=${MUONG_TE}`,
      undefined,
      { as: OFFICER },
    );
    expect(before.rows.map((r) => [r.indicatorCode, r.state])).toEqual([['T5.OFFICERS', 'not_entered']]);

    // The commune's officer: the quarter's row, overdue (the quarter ended long ago), then the form.
    const officer = await openPage(browser, '/chi-tieu/bao-cao', { as: OFFICER });
    let page = officer.page;
    await page.getByRole('heading', { level: 1, name: 'Số liệu đơn vị báo cáo' }).waitFor();
    await pickQuarter(page, PERIOD.label);
    const row = page.locator(ROW);
    await row.getByText('Chưa nhập', { exact: true }).waitFor();
    await row.getByText('Quá hạn', { exact: true }).waitFor();
    // Her commune only. A count does not wait: in a full CI run (stop 29) it read 0 at once after the
    // row's texts were found, twice — the table between two renders — so it is polled until settled.
    await expect.poll(() => page.locator('tbody tr[data-row-key]').count(), { timeout: 10_000 }).toBe(1);
    await row.getByRole('button', { name: 'Nhập số liệu: Xã Mường Tè' }).click();
    const drawer = page.getByTestId('kpirep-drawer');
    await drawer.getByText('Cán bộ, công chức tiếp nhận TTHC của đơn vị').waitFor(); // what the denominator counts

    // A numerator over the denominator is refused under its field; then the right figures and the PDF.
    await drawer.getByLabel('Tử số').fill('6');
    await drawer.getByLabel('Mẫu số').fill('5');
    await drawer.getByRole('button', { name: 'Lưu nháp' }).click();
    await drawer.getByText('Tử số không được lớn hơn mẫu số').waitFor();
    await drawer.getByLabel('Tử số').fill('4');
    await drawer.getByText('Tỉ lệ: 80,0%').waitFor();
    await drawer
      .getByLabel(/^Chọn tệp minh chứng/)
      .setInputFiles({ name: 'bien-ban-kiem-tra.pdf', mimeType: 'application/pdf', buffer: PDF });
    await screenshot(page, 'kpi-reported-officer-form');
    expect((await checkA11y(page)).blocking).toEqual([]);
    await drawer.getByRole('button', { name: 'Gửi duyệt' }).click();
    await page.getByText('Đã gửi số liệu để Cơ quan thường trực duyệt').waitFor();
    await drawer.getByText(/^Số liệu đã gửi lúc/).waitFor();
    await drawer.getByRole('link', { name: 'bien-ban-kiem-tra.pdf' }).waitFor();
    // Her own value: no approval for her, in the page or through the API.
    expect(await drawer.getByRole('button', { name: 'Duyệt', exact: true }).count()).toBe(0);
    const history = drawer.getByTestId('kpirep-history');
    for (const step of ['Nhập số liệu', 'Đính kèm minh chứng', 'Gửi duyệt'])
      await history.getByText(step, { exact: true }).waitFor();
    await history
      .getByText(/Công an cấp xã/)
      .first()
      .waitFor();
    await page.getByRole('dialog').getByRole('button', { name: 'Đóng' }).click();
    await row.getByText('Chờ duyệt', { exact: true }).waitFor();
    expect(await row.getByText('Quá hạn', { exact: true }).count()).toBe(0);
    const sent = await api<ReportedExpected>(
      `/api/v1/kpi/reported/expected?period=${PERIOD.code}&unitCode=${MUONG_TE}`,
      undefined,
      { as: OFFICER },
    );
    const value = sent.rows[0]!.value!;
    expect(value).toMatchObject({ state: 'submitted', numerator: 4, denominator: 5 });
    expect(await refusedStatus(`/api/v1/kpi/reported/${value.id}/approve`, { version: value.version })).toBe(403);
    expect(officer.problems).toEqual([]);
    await officer.context.close();

    // The Standing Agency: every commune's row; the filter "Chờ duyệt", the evidence, then "Duyệt".
    const standing = await openPage(browser, `/chi-tieu/bao-cao?ky=${PERIOD.code}`, { as: STAFF });
    page = standing.page;
    await page
      .getByTestId('kpirep-summary')
      .getByText(/^38 đơn vị phải báo cáo/)
      .waitFor();
    await screenshot(page, 'kpi-reported-standing-list');
    await page
      .getByTestId('kpirep-list')
      .getByText(/^Chờ duyệt \(\d+\)$/)
      .click();
    await page.waitForURL(/[?&]loc=waiting/);
    const waiting = page.locator(ROW);
    await waiting.getByRole('button', { name: 'Xem và duyệt: Xã Mường Tè' }).click();
    const decide = page.getByTestId('kpirep-decide');
    const evidence = page.getByTestId('kpirep-drawer').getByRole('link', { name: 'bien-ban-kiem-tra.pdf' });
    const file = await standing.context.request.get((await evidence.getAttribute('href'))!);
    expect([file.status(), (await file.body()).subarray(0, 5).toString()]).toEqual([200, '%PDF-']);
    await screenshot(page, 'kpi-reported-standing-decide');
    expect((await checkA11y(page)).blocking).toEqual([]);
    await decide.getByRole('button', { name: 'Duyệt', exact: true }).click();
    await page.locator('.ant-popconfirm:visible').getByRole('button', { name: 'Duyệt', exact: true }).click();
    await page.getByText('Đã duyệt số liệu', { exact: true }).waitFor();
    const locked = page.getByTestId('kpirep-drawer');
    await locked.getByText('Đã khoá', { exact: true }).waitFor();
    await locked.getByText(/đã khoá: không ai sửa được/).waitFor();
    await locked.getByTestId('kpirep-history').getByText('Duyệt', { exact: true }).waitFor();
    await page.getByRole('dialog').getByRole('button', { name: 'Đóng' }).click();
    await page
      .getByTestId('kpirep-list')
      .getByText(/^Đã duyệt \(\d+\)$/)
      .click();
    await page.locator(ROW).getByText('Đã duyệt', { exact: true }).waitFor();
    expect(standing.problems).toEqual([]);
    await standing.context.close();

    // Back at the commune: approved and locked, nothing to change.
    const again = await openPage(browser, `/chi-tieu/bao-cao?ky=${PERIOD.code}`, { as: OFFICER });
    const done = again.page.locator(ROW);
    await done.getByText('Đã duyệt', { exact: true }).waitFor();
    await done.getByRole('button', { name: 'Xem: Xã Mường Tè' }).click();
    const view = again.page.getByTestId('kpirep-drawer');
    await view.getByText('Đã khoá', { exact: true }).waitFor();
    expect(await view.getByRole('button', { name: 'Gửi duyệt' }).count()).toBe(0);
    expect(await view.getByLabel('Tử số').count()).toBe(0);
    expect(again.problems).toEqual([]);
    await again.context.close();

    // The Standing Agency reopens it with a reason (required); the commune sees why, and the form again.
    const reopen = await openPage(browser, `/chi-tieu/bao-cao?ky=${PERIOD.code}`, { as: STAFF });
    await reopen.page.locator(ROW).getByRole('button', { name: 'Xem: Xã Mường Tè' }).click();
    const unapprove = reopen.page.getByTestId('kpirep-decide');
    await unapprove.getByRole('button', { name: 'Bỏ duyệt' }).click();
    await unapprove.getByText('Hãy ghi lý do', { exact: true }).waitFor();
    await unapprove.getByLabel(/^Lý do/).fill('Danh sách cán bộ tiếp nhận chưa có xác nhận của UBND xã');
    await unapprove.getByRole('button', { name: 'Bỏ duyệt' }).click();
    await reopen.page.getByText('Đã bỏ duyệt; số liệu được trả lại đơn vị').waitFor();
    await reopen.page.locator(ROW).getByText('Bị trả lại', { exact: true }).waitFor();
    expect(reopen.problems).toEqual([]);
    await reopen.context.close();

    const fix = await openPage(browser, `/chi-tieu/bao-cao?ky=${PERIOD.code}`, { as: OFFICER });
    await fix.page.locator(ROW).getByRole('button', { name: 'Sửa và gửi lại: Xã Mường Tè' }).click();
    const back = fix.page.getByTestId('kpirep-sent-back');
    await back.getByText('Cơ quan thường trực đã bỏ duyệt số liệu').waitFor();
    await back.getByText(/chưa có xác nhận của UBND xã/).waitFor();
    expect(await fix.page.getByTestId('kpirep-drawer').getByLabel('Tử số').inputValue()).toBe('4');
    await fix.page.getByTestId('kpirep-history').getByText('Bỏ duyệt', { exact: true }).waitFor();
    expect(fix.problems).toEqual([]);
    await fix.context.close();
  });
});
