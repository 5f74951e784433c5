import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { ProcedureVersion } from '../src/contracts/procedures';
import { api, checkA11y, hasHorizontalScroll, launchBrowser, openPage, PHONE, screenshot } from './browser';

/** Đăng ký kết hôn (marriage registration): no other journey files it, so a new version changes nothing they see. */
const MARRIAGE = '1.000894';

/** Xác nhận thông tin về cư trú: its result, a CT07, is valid for the version's number of days. */
const CONFIRMATION = '1.010041';

/** Tomorrow in Vietnam as the date picker shows it (DD/MM/YYYY): the default start of a new version. */
function tomorrowShown(): string {
  const d = new Date(Date.now() + 7 * 3600_000 + 24 * 3600_000).toISOString().slice(0, 10);
  return `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}`;
}

/** The administrator's catalog with the versions card of one procedure open. */
async function openVersions(browser: Browser, code: string) {
  const opened = await openPage(browser, '/admin/procedures', { as: 'quantri' });
  const { page } = opened;
  await page.getByRole('heading', { level: 1, name: 'Danh mục thủ tục hành chính' }).waitFor();
  await page.getByRole('button', { name: code, exact: true }).click();
  const versions = page.locator('.ant-card').filter({ hasText: `Các phiên bản của thủ tục ${code}` });
  await versions.locator('tbody tr.ant-table-row').first().waitFor();
  return { ...opened, versions };
}

describe('the procedure catalog', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('lets a visitor on a phone find a procedure without diacritics, read its documents, fee and time limit, and go to sign in to file', async () => {
    const { page, context, problems } = await openPage(browser, '/procedures', { viewport: PHONE });
    await page.getByRole('heading', { level: 1, name: 'Thủ tục hành chính' }).waitFor();
    const search = page.getByRole('searchbox', { name: 'Tìm thủ tục' });
    await search.fill('tam tru');
    await search.press('Enter');
    const card = page.getByRole('link', { name: /Đăng ký tạm trú/ }).first();
    await card.waitFor();
    // The catalog searches as one types and keeps the unfiltered list on screen until the answer
    // comes: the temporary-residence card is there before the search is applied (on a cold server
    // the first attempt used to read the unfiltered list here). Wait for the filtered list.
    await expect.poll(() => page.getByRole('link', { name: /Đăng ký khai sinh/ }).count()).toBe(0);
    expect(await page.getByRole('link', { name: /Đăng ký tạm trú/ }).count()).toBeGreaterThan(0);
    expect(await hasHorizontalScroll(page)).toBe(false);
    expect((await checkA11y(page)).blocking).toEqual([]);

    await card.click();
    await page.getByRole('heading', { level: 1, name: 'Đăng ký tạm trú' }).waitFor();
    await page.getByText('Giấy tờ cần có', { exact: true }).waitFor();
    await page.getByText('Lệ phí', { exact: true }).first().waitFor();
    await page.getByText('Thời hạn giải quyết', { exact: true }).first().waitFor();
    await page.getByText('3 ngày làm việc', { exact: false }).first().waitFor();
    expect(await hasHorizontalScroll(page)).toBe(false);
    await screenshot(page, 'procedure-page-phone');
    expect((await checkA11y(page)).blocking).toEqual([]);

    // Filing needs the citizen's own e-ID: the link leads to sign-in, and back to the form afterwards.
    await page.getByRole('link', { name: 'Nộp trực tuyến' }).click();
    await page.waitForURL(/\/login\?returnTo=/);
    expect(decodeURIComponent(new URL(page.url()).searchParams.get('returnTo') ?? '')).toBe(
      '/procedures/1.004194/file',
    );
    expect(problems).toEqual([]);
    await context.close();
  });

  it('lets an administrator create a new version from tomorrow, which leaves the version in force as it is', async () => {
    const { page, context, problems, versions } = await openVersions(browser, MARRIAGE);
    const before = await versions.locator('tbody tr.ant-table-row').count();
    await versions.getByRole('button', { name: 'Tạo phiên bản mới' }).click();

    // The change note is required: the form says so and sends nothing.
    await versions.getByRole('button', { name: 'Tạo phiên bản', exact: true }).click();
    await versions.getByText('Ghi rõ lý do thay đổi', { exact: true }).waitFor();
    expect(await page.locator('#effectiveFrom').inputValue()).toBe(tomorrowShown());
    await page.locator('#timeLimitWorkingDays').fill('1');
    // Marriage is settled the same day with a 15:00 cut-off since 5/12/2026; a 1-day limit has no cut-off.
    expect(await page.locator('#sameDayCutoff').inputValue()).toBe('15:00');
    await page.locator('#sameDayCutoff').fill('');
    await page.locator('#changeNote').fill('Thời hạn 1 ngày làm việc theo văn bản mới (kiểm thử)');
    await versions.getByRole('button', { name: 'Tạo phiên bản', exact: true }).click();
    await versions.getByText(`hiệu lực từ ${tomorrowShown()}`, { exact: false }).waitFor();
    await expect.poll(() => versions.locator('tbody tr.ant-table-row').count()).toBe(before + 1);
    const newest = versions.locator('tbody tr.ant-table-row').first();
    expect(await newest.textContent()).toContain('Thời hạn 1 ngày làm việc theo văn bản mới (kiểm thử)');
    expect(await newest.textContent()).toContain(`${tomorrowShown()} – nay`);
    // The version in force today ends tonight, and the catalog still answers with it until then.
    expect(await versions.locator('tbody tr.ant-table-row').nth(1).textContent()).not.toContain('– nay');
    await screenshot(page, 'procedure-admin-new-version');
    expect((await checkA11y(page)).blocking).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('lets an administrator set, in a new version, how many days a residence confirmation (CT07) is valid', async () => {
    const { page, context, problems, versions } = await openVersions(browser, CONFIRMATION);
    await versions.getByRole('button', { name: 'Tạo phiên bản mới' }).click();
    const validity = page.getByLabel('Số ngày giấy xác nhận (CT07) có giá trị');
    expect(await validity.inputValue()).toBe('30'); // the version in force
    await validity.fill('60');
    await page.locator('#changeNote').fill('Giấy xác nhận có giá trị 60 ngày (kiểm thử)');
    await versions.getByRole('button', { name: 'Tạo phiên bản', exact: true }).click();
    await versions.getByText(`hiệu lực từ ${tomorrowShown()}`, { exact: false }).waitFor();
    const { items } = await api<{ items: ProcedureVersion[] }>(
      `/api/v1/procedures/${CONFIRMATION}/versions`,
      undefined,
      {
        as: 'quantri',
      },
    );
    const byNote = (note: string) => items.find((v) => v.changeNote === note);
    expect(byNote('Giấy xác nhận có giá trị 60 ngày (kiểm thử)')?.resultValidDays).toBe(60);
    expect(items.filter((v) => v.resultValidDays === 30)).toHaveLength(1); // the version in force is unchanged
    expect(problems).toEqual([]);
    await context.close();
  });
});
