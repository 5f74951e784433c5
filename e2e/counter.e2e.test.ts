import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { api, checkA11y, launchBrowser, openPage, screenshot, STAFF } from './browser';

interface PersonSummary {
  id: string;
  fullName: string;
  nationalId: string | null;
  status: 'alive' | 'deceased';
}

/** The commune police of Xã Mường Tè: records visits at its counter (demo account). */
const OFFICER = 'ca.muongte';

/** A living person with an ID number in the demo registry of Mường Tè. */
async function pickCitizen(): Promise<PersonSummary & { nationalId: string }> {
  for (const name of ['thi', 'van', 'lo', 'giang', 'sung']) {
    const page = await api<{ items: PersonSummary[] }>(
      '/api/v1/population/persons/search',
      { name, unitCode: '03445', page: 1, pageSize: 50 },
      { as: OFFICER },
    );
    const person = page.items.find((p) => p.status === 'alive' && p.nationalId);
    if (person) return person as PersonSummary & { nationalId: string };
  }
  throw new Error('no living person with an ID number in the demo registry of Mường Tè');
}

/**
 * Picks an antd radio and makes sure it took: inside a modal that is still animating (or on a busy
 * CI machine) a first click can land before the control listens, so try again until it is checked.
 */
async function pickRadio(page: Page, scope: ReturnType<Page['locator']> | Page, name: string): Promise<void> {
  const radio = scope.getByRole('radio', { name, exact: true });
  for (let attempt = 0; attempt < 20; attempt++) {
    await radio.check({ force: true, timeout: 2_000 }).catch(() => undefined);
    if (await radio.isChecked()) return;
    await page.waitForTimeout(250);
  }
  throw new Error(`radio "${name}" could not be checked`);
}

describe('the one-stop counter log', () => {
  let browser: Browser;
  /** The citizen recorded by the first journey (the second checks a reader sees initials only). */
  let recorded: PersonSummary | undefined;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('records a visit found by ID number, lists it under the counter, corrects it and shows the history', async () => {
    const citizen = await pickCitizen();
    recorded = citizen;
    const { page, context, problems } = await openPage(browser, '/counter', { as: OFFICER });
    await page.getByRole('heading', { level: 1, name: 'Sổ tiếp công dân tại quầy một cửa' }).waitFor();
    await page.getByLabel('Quầy', { exact: true }).fill('Quầy e2e');

    await page.getByLabel('Số định danh cá nhân của công dân').fill(citizen.nationalId);
    await page.getByText(`${citizen.fullName}, sinh năm`, { exact: false }).waitFor();

    await page.getByLabel('Thủ tục hành chính').click();
    await page.getByLabel('Thủ tục hành chính').fill('tam tru');
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: '1.004194' }).click();
    await pickRadio(page, page, 'Đã nộp trực tuyến');
    await pickRadio(page, page, 'Công dân tự nhập');
    await screenshot(page, 'counter-form');
    expect((await checkA11y(page)).blocking).toEqual([]);

    await page.getByRole('button', { name: 'Ghi lượt tiếp' }).click();
    const row = page.locator('.ant-table-row').filter({ hasText: citizen.fullName }).first();
    await row.waitFor();
    expect(await row.getByText('Đã nộp trực tuyến').count()).toBe(1);
    // The form is cleared for the next citizen.
    expect(await page.getByLabel('Số định danh cá nhân của công dân').inputValue()).toBe('');

    await row.getByRole('button', { name: 'Sửa' }).click();
    const dialog = page.getByRole('dialog', { name: 'Sửa lượt tiếp' });
    await dialog.waitFor();
    await pickRadio(page, dialog, 'Công dân nhập, cán bộ hỗ trợ');
    await dialog.getByLabel('Lý do sửa').fill('Bấm nhầm người nhập');
    await dialog.getByRole('button', { name: 'Lưu bản sửa' }).click();
    await row.getByText('Đã sửa 1 lần').waitFor();

    await row.getByRole('button', { name: 'Lịch sử' }).click();
    const history = page.getByRole('dialog', { name: 'Lịch sử lượt tiếp' });
    await history.getByText('Lần 2', { exact: false }).waitFor();
    expect(await history.getByText('Bấm nhầm người nhập', { exact: false }).count()).toBe(1);
    await screenshot(page, 'counter-history');
    await history.getByRole('button', { name: /close|đóng/i }).click();

    await page.locator('.counter-total-row').waitFor();
    await screenshot(page, 'counter-page');
    expect((await checkA11y(page)).blocking).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('shows the Standing Agency the list and the summary, with initials instead of names and no form', async () => {
    const { page, context, problems } = await openPage(browser, '/counter', { as: STAFF });
    await page.getByText('Bạn chỉ có quyền xem sổ tiếp công dân', { exact: false }).waitFor();
    expect(await page.getByRole('button', { name: 'Ghi lượt tiếp' }).count()).toBe(0);
    await page.getByText('Tổng hợp theo ngày và đơn vị').waitFor();
    if (recorded) {
      const initials = recorded.fullName
        .split(/\s+/)
        .map((w) => `${[...w][0]!.toLocaleUpperCase('vi')}.`)
        .join(' ');
      await page.locator('.ant-table-row').filter({ hasText: initials }).first().waitFor();
      expect(await page.getByText(recorded.fullName, { exact: true }).count()).toBe(0);
    }
    await page.locator('.counter-total-row').waitFor();
    await screenshot(page, 'counter-reader');
    expect((await checkA11y(page)).blocking).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });
});
