import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { api, checkA11y, hasHorizontalScroll, launchBrowser, openPage, PHONE, screenshot } from './browser';

interface PersonSummary {
  id: string;
  fullName: string;
  nationalId: string | null;
  residenceUnitCode: string | null;
}

/** A person living in Phường Đoàn Kết (03388), found by the province-wide Standing Agency. */
async function personInDoanKet(): Promise<PersonSummary & { nationalId: string }> {
  for (const name of ['thi', 'van', 'lo', 'giang', 'nguyen']) {
    const page = await api<{ items: PersonSummary[] }>('/api/v1/population/persons/search', {
      name,
      unitCode: '03388',
      page: 1,
      pageSize: 50,
    });
    const person = page.items.find((p) => p.nationalId && p.residenceUnitCode === '03388');
    if (person?.nationalId) return { ...person, nationalId: person.nationalId };
  }
  throw new Error('nobody with an ID number in Phường Đoàn Kết');
}

describe('sign-in and what each account may see', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('offers citizens VNeID and staff an account form, on a counter PC and on a phone', async () => {
    const { page, context, problems } = await openPage(browser, '/login');
    await page.getByRole('heading', { level: 1, name: 'Đăng nhập' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Công dân' }).waitFor();
    await page.getByRole('link', { name: 'Đăng nhập bằng VNeID' }).waitFor();
    await page.getByText('mức 2', { exact: false }).first().waitFor();
    await page.getByRole('heading', { level: 2, name: 'Cán bộ, công chức' }).waitFor();
    await page.getByLabel('Tên đăng nhập').waitFor();
    await screenshot(page, 'login');
    expect((await checkA11y(page)).blocking).toEqual([]);
    await page.setViewportSize(PHONE);
    await page.waitForTimeout(300);
    expect(await hasHorizontalScroll(page)).toBe(false);
    await screenshot(page, 'login-phone');
    expect((await checkA11y(page)).blocking).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('says so when the password is wrong (d)', async () => {
    const { page, context } = await openPage(browser, '/login');
    await page.getByLabel('Tên đăng nhập').fill('tuphap.doanket');
    await page.getByLabel('Mật khẩu', { exact: true }).fill('sai-mat-khau-roi');
    await page.getByRole('button', { name: 'Đăng nhập bằng tài khoản' }).click();
    await page.getByRole('alert').filter({ hasText: 'Tên đăng nhập hoặc mật khẩu không đúng' }).waitFor();
    expect(page.url()).toContain('/login');
    await screenshot(page, 'login-wrong-password');
    expect((await checkA11y(page)).blocking).toEqual([]);
    await context.close();
  });

  it('sends a visitor to /login and back to the page asked for; the menu shows only that role’s pages; sign-out', async () => {
    const { page, context, problems } = await openPage(browser, '/quality');
    await page.waitForURL(/\/login\?returnTo=%2Fquality$/);
    await page.getByLabel('Tên đăng nhập').fill('lanhdao.tinh');
    await page.getByLabel('Mật khẩu', { exact: true }).fill('LaiChau@Demo2026');
    await page.getByRole('button', { name: 'Đăng nhập bằng tài khoản' }).click();
    await page.getByRole('heading', { level: 1, name: 'Chất lượng dữ liệu dân cư' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/quality');
    const nav = page.getByRole('navigation', { name: 'Danh mục chính' });
    await nav.getByRole('link', { name: 'Chất lượng dữ liệu' }).waitFor();
    expect(await nav.getByRole('link', { name: 'Tra cứu công dân' }).count()).toBe(0); // a leader sees reports only
    await page.getByTestId('signed-in-name').getByText('Lãnh đạo UBND tỉnh (demo)').waitFor();

    await page.getByRole('button', { name: 'Đăng xuất' }).click();
    await page.getByText('Bạn đã đăng xuất.').waitFor();
    expect(new URL(page.url()).pathname).toBe('/login');
    const me = await page.evaluate(
      async () => (await (await fetch('/api/v1/auth/me')).json()) as { authenticated: boolean },
    );
    expect(me.authenticated).toBe(false);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('commune police of Mường Tè cannot find a person living in Phường Đoàn Kết (c)', async () => {
    const person = await personInDoanKet();
    const viaApi = await api<{ total: number }>(
      '/api/v1/population/persons/search',
      { nationalId: person.nationalId, page: 1, pageSize: 20 },
      { as: 'ca.muongte' },
    );
    expect(viaApi.total).toBe(0);

    const { page, context, problems } = await openPage(browser, '/population/search', { as: 'ca.muongte' });
    await page.getByLabel('Số định danh cá nhân').fill(person.nationalId);
    await page.getByRole('button', { name: 'Tìm kiếm' }).click();
    await page.getByText('Không tìm thấy ai').waitFor();
    expect(await page.getByText(person.fullName).count()).toBe(0);
    await screenshot(page, 'search-out-of-unit');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('goes to /login, coming back to the same page, when the session ends while working', async () => {
    const { page, context } = await openPage(browser, '/population/search', { as: 'ca.muongte' });
    await page.getByLabel('Họ và tên').fill('thi');
    await context.clearCookies(); // as if the session had timed out
    await page.getByRole('button', { name: 'Tìm kiếm' }).click();
    await page.waitForURL(/\/login\?returnTo=%2Fpopulation%2Fsearch$/);
    await page.getByText('Phiên làm việc đã hết hạn', { exact: false }).waitFor();
    await context.close();
  });

  it('shows "no access" for a page the account may not use', async () => {
    const { page, context } = await openPage(browser, '/admin/users', { as: 'ca.muongte' });
    await page.getByRole('heading', { level: 1, name: 'Không có quyền truy cập' }).waitFor();
    expect(await page.getByRole('navigation', { name: 'Danh mục chính' }).getByText('Tài khoản cán bộ').count()).toBe(
      0,
    );
    expect((await checkA11y(page)).blocking).toEqual([]);
    await context.close();
  });
});
