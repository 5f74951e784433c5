import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { Secret, TOTP } from 'otpauth';
import { checkA11y, launchBrowser, openPage, screenshot } from './browser';

const suffix = Date.now().toString(36).slice(-5);
const USERNAME = `e2e.motcua.${suffix}`;
const DISPLAY_NAME = `Cán bộ thử nghiệm ${suffix}`;
const NEW_PASSWORD = 'Mot cau mat khau du dai 2026';

/** Picks an option of an antd Select: opens it, types to filter (searchable selects), clicks the option. */
async function selectOption(page: Page, label: string, option: string | RegExp, typed?: string): Promise<void> {
  await page.getByLabel(label, { exact: true }).click();
  if (typed) await page.keyboard.type(typed);
  await page
    .locator('.ant-select-dropdown:visible .ant-select-item-option')
    .filter({ hasText: option })
    .first()
    .click();
}

function totpCode(secret: string, timestamp = Date.now()): string {
  return new TOTP({
    algorithm: 'SHA1',
    digits: 6,
    period: 30,
    secret: Secret.fromBase32(secret.replace(/\s+/g, '')),
  }).generate({ timestamp });
}

async function signInWithForm(page: Page, username: string, password: string): Promise<void> {
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Đăng nhập bằng tài khoản' }).click();
}

describe('administration of staff accounts, and the new account’s first sign-in', () => {
  let browser: Browser;
  let temporaryPassword = '';
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('the administrator creates an account (temporary password shown once) and gives it a role in a commune', async () => {
    const { page, context, problems } = await openPage(browser, '/admin/users', { as: 'quantri' });
    await page.getByRole('heading', { level: 1, name: 'Tài khoản cán bộ' }).waitFor();
    await page.getByText('ca.doanket', { exact: true }).waitFor();
    await screenshot(page, 'admin-users');
    expect((await checkA11y(page)).blocking).toEqual([]);

    await page.getByRole('button', { name: 'Tạo tài khoản' }).click();
    const create = page.getByRole('dialog', { name: 'Tạo tài khoản cán bộ' });
    await create.getByLabel('Tên đăng nhập').fill(USERNAME);
    await create.getByLabel('Họ và tên (hoặc tên bộ phận)').fill(DISPLAY_NAME);
    await create.getByRole('button', { name: 'Tạo' }).click();
    const shown = page.getByRole('dialog', { name: `Mật khẩu tạm của ${DISPLAY_NAME}` });
    temporaryPassword = ((await shown.getByTestId('temporary-password').textContent()) ?? '').trim();
    expect(temporaryPassword.length).toBeGreaterThanOrEqual(12);
    await screenshot(page, 'admin-temporary-password');
    expect((await checkA11y(page)).blocking).toEqual([]);
    await shown.getByRole('button', { name: 'Tôi đã ghi lại' }).click();

    await page.getByRole('button', { name: `Thêm vai trò cho ${DISPLAY_NAME}` }).click();
    const assign = page.getByRole('dialog', { name: `Thêm vai trò cho ${DISPLAY_NAME}` });
    await assign.waitFor();
    await selectOption(page, 'Vai trò', 'Cán bộ bộ phận một cửa');
    await selectOption(page, 'Đơn vị (tỉnh hoặc xã, phường)', /Đoàn Kết/, 'doan ket');
    await screenshot(page, 'admin-assign-role');
    expect((await checkA11y(page)).blocking).toEqual([]);
    await assign.getByRole('button', { name: 'Giao vai trò' }).click();
    const row = page.locator('tr').filter({ hasText: USERNAME });
    await row.getByText(/Cán bộ bộ phận một cửa · Phường Đoàn Kết/).waitFor();
    expect(problems).toEqual([]);
    await context.close();
  });

  it('the new officer must change the temporary password, then turns on two-step sign-in', async () => {
    const { page, context, problems } = await openPage(browser, '/login');
    await signInWithForm(page, USERNAME, temporaryPassword);
    await page.getByRole('heading', { level: 1, name: 'Mật khẩu và bảo mật' }).waitFor();
    await page.getByRole('alert').filter({ hasText: 'mật khẩu tạm' }).waitFor();
    await page.getByLabel('Mật khẩu hiện tại').fill(temporaryPassword);
    await page.getByLabel('Mật khẩu mới', { exact: true }).fill(NEW_PASSWORD);
    await page.getByLabel('Nhập lại mật khẩu mới').fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'Đổi mật khẩu' }).click();
    await page.getByText('Đã đổi mật khẩu').waitFor();
    await page
      .getByRole('navigation', { name: 'Danh mục chính' })
      .getByRole('link', { name: 'Tra cứu công dân' })
      .waitFor();

    await page.getByRole('button', { name: 'Thiết lập xác thực hai lớp' }).click();
    const secret = ((await page.getByTestId('totp-secret').textContent()) ?? '').trim();
    expect(secret).toMatch(/^[A-Z2-7 ]{16,}$/);
    expect((await page.getByTestId('totp-uri').textContent()) ?? '').toMatch(/^otpauth:\/\/totp\//);
    await screenshot(page, 'account-totp-setup');
    expect((await checkA11y(page)).blocking).toEqual([]);
    await page.getByLabel('Mã xác thực (6 số)').fill(totpCode(secret));
    await page.getByRole('button', { name: 'Bật xác thực hai lớp' }).click();
    await page
      .getByRole('alert')
      .or(page.locator('.ant-alert-success'))
      .filter({ hasText: 'Đã bật xác thực hai lớp' })
      .first()
      .waitFor();

    // Next sign-in asks for the 6-digit code.
    await page.getByRole('button', { name: 'Đăng xuất' }).click();
    await page.getByText('Bạn đã đăng xuất.').waitFor();
    await signInWithForm(page, USERNAME, NEW_PASSWORD);
    const code = page.getByLabel('Mã xác thực (6 số)');
    await code.waitFor();
    await screenshot(page, 'login-totp');
    expect((await checkA11y(page)).blocking).toEqual([]);
    // A code is accepted once (no replay): the code that turned TOTP on cannot sign in within the same
    // 30-second step, so use the next step's code (the server allows one step of clock drift).
    await code.fill(totpCode(secret, Date.now() + 30_000));
    await page.getByRole('button', { name: 'Đăng nhập bằng tài khoản' }).click();
    await page.getByTestId('signed-in-name').getByText(DISPLAY_NAME).waitFor();
    expect(problems).toEqual([]);
    await context.close();
  });
});
