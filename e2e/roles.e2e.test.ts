import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { api, checkA11y, launchBrowser, openPage, screenshot } from './browser';

interface RoleList {
  items: Array<{ code: string; actions: string[] }>;
}

const ADMIN = 'quantri';
const auditorActions = async () =>
  (await api<RoleList>('/api/v1/identity/roles', undefined, { as: ADMIN })).items.find((r) => r.code === 'auditor')!
    .actions;

describe('administrator: roles and the permission matrix', () => {
  let browser: Browser;
  let before: string[];
  beforeAll(async () => {
    browser = await launchBrowser();
    before = await auditorActions();
  });
  afterAll(async () => {
    // Leave the shared server's matrix as it was for the other journeys.
    await api(`/api/v1/identity/roles/auditor/actions`, { actions: before }, { as: ADMIN }).catch(() => undefined);
    await browser?.close();
  });

  it('shows the role × action matrix grouped by module, saves a change and lists it in the history', async () => {
    const { page, context, problems } = await openPage(browser, '/admin/roles', { as: ADMIN });
    await page.getByRole('heading', { level: 1, name: 'Vai trò và phân quyền' }).waitFor();
    const nav = page.getByRole('navigation', { name: 'Danh mục chính' });
    await nav.getByRole('link', { name: 'Vai trò và phân quyền' }).waitFor();
    const matrix = page.getByTestId('role-matrix');
    await matrix
      .getByRole('rowheader', { name: /Dữ liệu dân cư/ })
      .first()
      .waitFor();
    await matrix.getByRole('columnheader', { name: 'Kiểm tra, giám sát' }).waitFor();

    const cell = page.getByRole('checkbox', { name: 'Kiểm tra, giám sát: Tìm kiếm công dân', exact: true });
    expect(await cell.isChecked()).toBe(false);
    // The citizen role cannot be given a staff action: the box is disabled.
    expect(await page.getByRole('checkbox', { name: 'Công dân: Tìm kiếm công dân', exact: true }).isDisabled()).toBe(
      true,
    );
    await cell.check();
    await page.getByText('Có 1 thay đổi chưa lưu').waitFor();
    await screenshot(page, 'admin-roles-pending');
    await page.getByRole('button', { name: 'Lưu thay đổi' }).click();
    await page.getByText('Đã lưu bảng phân quyền').waitFor();
    expect(await auditorActions()).toContain('population.person.search');
    const history = page.getByTestId('role-history');
    await history.getByText('sửa quyền của Kiểm tra, giám sát', { exact: false }).first().waitFor();
    expect(await history.locator('li').first().textContent()).toContain('Tìm kiếm công dân');
    await screenshot(page, 'admin-roles');
    expect((await checkA11y(page)).blocking).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('shows the administrator their roles with unit names and whether two-step sign-in is on', async () => {
    const { page, context, problems } = await openPage(browser, '/account', { as: ADMIN });
    await page.getByRole('heading', { level: 1, name: 'Mật khẩu và bảo mật' }).waitFor();
    await page.getByText('Quản trị hệ thống', { exact: true }).waitFor();
    await page.getByText(/Lai Châu \(12\)/).waitFor();
    expect(await page.getByTestId('totp-status').textContent()).toBe('Chưa bật');
    await screenshot(page, 'account-roles');
    expect((await checkA11y(page)).blocking).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });
});
