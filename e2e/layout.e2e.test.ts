import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { checkA11y, launchBrowser, openPage, screenshot, STAFF } from './browser';

describe('layout, language and home page', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('shows the home page in Vietnamese with the menu grouped by audience', async () => {
    const { page, context, problems } = await openPage(browser, '/', { as: STAFF });
    await page.getByRole('heading', { level: 1 }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('vi');
    const nav = page.getByRole('navigation', { name: 'Danh mục chính' });
    for (const text of ['Cán bộ đăng ký dân cư', 'Cơ quan thường trực Đề án 06', 'Quản trị', 'Tra cứu công dân']) {
      await nav.getByText(text, { exact: true }).waitFor();
    }
    // Only the pages this account may use: the Standing Agency does not administer users, and citizens' pages are not for staff.
    expect(await nav.getByText('Tài khoản cán bộ', { exact: true }).count()).toBe(0);
    expect(await nav.getByText('Ai đã xem dữ liệu của tôi', { exact: true }).count()).toBe(0);
    await page.getByTestId('signed-in-name').getByText('Công an tỉnh – thường trực Đề án 06 (demo)').waitFor();
    await page.getByRole('button', { name: 'Đăng xuất' }).waitFor();
    await screenshot(page, 'home');
    expect((await checkA11y(page)).blocking).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('switching to English changes the menu and is remembered after a reload', async () => {
    const { page, context } = await openPage(browser, '/', { as: STAFF });
    await page.getByText('English', { exact: true }).click();
    const nav = page.getByRole('navigation', { name: 'Main menu' });
    await nav.getByRole('link', { name: 'Search persons' }).waitFor();
    await nav.getByText('Registry officers', { exact: true }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await page.reload();
    await page.getByRole('navigation', { name: 'Main menu' }).getByRole('link', { name: 'Data quality' }).waitFor();
    await page.getByRole('heading', { level: 1, name: 'DVC06 – Project 06 public services' }).waitFor();
    await screenshot(page, 'home-english');
    expect((await checkA11y(page)).blocking).toEqual([]);
    await context.close();
  });

  it('shows a not-found page for an unknown address', async () => {
    const { page, context, problems } = await openPage(browser, '/khong-co-trang-nay', { as: STAFF });
    await page.getByRole('heading', { level: 1, name: 'Không tìm thấy trang' }).waitFor();
    await screenshot(page, 'not-found');
    expect((await checkA11y(page)).blocking).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('offers to reload when a page fails to load (e.g. after an update)', async () => {
    const { page, context } = await openPage(browser, '/', { as: STAFF });
    await page.getByRole('heading', { level: 1 }).waitFor();
    await context.route('**/assets/QualityPage-*.js', (route) => route.abort());
    await page
      .getByRole('navigation', { name: 'Danh mục chính' })
      .getByRole('link', { name: 'Chất lượng dữ liệu' })
      .click();
    await page.getByRole('alert').filter({ hasText: 'Không mở được trang này' }).waitFor();
    await page.getByRole('button', { name: 'Tải lại trang' }).waitFor();
    await context.close();
  });
});
