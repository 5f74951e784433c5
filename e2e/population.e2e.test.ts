import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import {
  api,
  checkA11y,
  choosePurpose,
  hasHorizontalScroll,
  launchBrowser,
  openPage,
  PHONE,
  screenshot,
  STAFF,
} from './browser';

interface PersonSummary {
  id: string;
  fullName: string;
  nationalId: string | null;
}

const fold = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase();

/** A person of the demo registry whose name has diacritics (so typing it without them means something). */
async function pickPerson(): Promise<PersonSummary> {
  for (const name of ['thi', 'van', 'giang', 'lo', 'nguyen', 'tong', 'lu']) {
    const page = await api<{ items: PersonSummary[] }>('/api/v1/population/persons/search', {
      name,
      page: 1,
      pageSize: 50,
    });
    const person = page.items.find((p) => fold(p.fullName) !== p.fullName.toLowerCase());
    if (person) return person;
  }
  throw new Error('no person with diacritics in the demo registry');
}

describe('person search', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('finds a person by a name typed without diacritics and opens the record', async () => {
    const person = await pickPerson();
    const { page, context, problems } = await openPage(browser, '/population/search', { as: STAFF });
    await page.getByText('Tìm không dấu cũng được', { exact: false }).waitFor();
    await page.getByLabel('Họ và tên').fill(fold(person.fullName));
    await page.getByRole('button', { name: 'Tìm kiếm' }).click();
    const link = page.getByRole('link', { name: person.fullName, exact: true }).first();
    await link.waitFor();
    await screenshot(page, 'population-search');
    expect((await checkA11y(page)).blocking).toEqual([]);

    await link.click();
    // The purpose is asked first (nothing pre-selected), then the record loads.
    await page.getByRole('dialog', { name: 'Bạn xem thông tin này để làm gì?' }).getByRole('radio').first().waitFor();
    await page.waitForTimeout(400); // the dialog's opening animation
    await screenshot(page, 'population-purpose-dialog');
    expect((await checkA11y(page)).blocking).toEqual([]);
    await choosePurpose(page);
    await page.getByRole('heading', { level: 1, name: person.fullName }).waitFor();
    await page.getByText('Quá trình cư trú').waitFor();
    if (person.nationalId) expect(await page.getByText(person.nationalId, { exact: true }).count()).toBeGreaterThan(0);
    await screenshot(page, 'population-person');
    expect((await checkA11y(page)).blocking).toEqual([]);

    // Back returns to the same results.
    await page.getByRole('button', { name: /Quay lại tra cứu/ }).click();
    await page.getByRole('link', { name: person.fullName, exact: true }).first().waitFor();
    expect(problems).toEqual([]);
    await context.close();
  });

  it('puts the "ID number or name" message on the form when both are empty', async () => {
    const { page, context } = await openPage(browser, '/population/search', { as: STAFF });
    await page.getByRole('button', { name: 'Tìm kiếm' }).click();
    await page.getByText('Nhập số định danh hoặc họ tên để tìm').waitFor();
    await page.getByLabel('Số định danh cá nhân').fill('123');
    await page.getByRole('button', { name: 'Tìm kiếm' }).click();
    await page.getByText('Số định danh phải gồm đúng 12 chữ số').waitFor();
    await context.close();
  });

  it('renders the search page on a phone (390×844) without sideways scrolling', async () => {
    const { page, context, problems } = await openPage(browser, '/population/search', { viewport: PHONE, as: STAFF });
    await page.getByLabel('Họ và tên').waitFor();
    await page.getByLabel('Họ và tên').fill('thi');
    await page.getByRole('button', { name: 'Tìm kiếm' }).click();
    await page.locator('.ant-table-row').first().waitFor();
    expect(await hasHorizontalScroll(page)).toBe(false);
    await screenshot(page, 'population-search-phone');
    expect((await checkA11y(page)).blocking).toEqual([]);
    await page.getByRole('button', { name: 'Mở danh mục' }).click();
    await page.getByRole('link', { name: 'Chất lượng dữ liệu' }).waitFor();
    await page.waitForTimeout(400); // drawer animation
    await screenshot(page, 'menu-phone');
    expect((await checkA11y(page)).blocking).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });
});
