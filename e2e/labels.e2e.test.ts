import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { PersonDetail } from '../src/contracts/population';
import { checkA11y, choosePurpose, findPerson, hasHorizontalScroll, launchBrowser, openPage, STAFF } from './browser';

/**
 * Issue 14 §7: one language per page — no English label on a Vietnamese page, no Vietnamese code
 * value ("Religion: Không") on an English one — and the catalog's field tabs on a 360 px phone.
 */

const SMALL_PHONE = { width: 360, height: 740 };

describe('labels in one language, tabs on a small phone', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('keeps every field tab of the catalog on one line at 360 px, "Liên thông" included', async () => {
    const { page, context, problems } = await openPage(browser, '/procedures', { viewport: SMALL_PHONE });
    await page.getByRole('heading', { level: 1, name: 'Thủ tục hành chính' }).waitFor();
    // One radio per field, in a label (whatever draws the tabs).
    const label = (name: string) => page.locator('.catalog-fields label').filter({ hasText: name });
    await page.locator('.catalog-fields').getByRole('radio', { name: 'Liên thông' }).waitFor({ state: 'attached' });
    const heights = await Promise.all(
      ['Tất cả', 'Cư trú', 'Hộ tịch', 'Liên thông'].map(async (name) => (await label(name).boundingBox())!.height),
    );
    // One line each: all four the same height (a wrapped label is a line taller).
    expect(new Set(heights.map((h) => Math.round(h))).size, JSON.stringify(heights)).toBe(1);
    const lines = await label('Liên thông').evaluate((el) => {
      const text = [...el.querySelectorAll('*'), el]
        .flatMap((e) => [...e.childNodes])
        .find((n) => n.nodeType === Node.TEXT_NODE && n.textContent?.includes('Liên thông'))!;
      const range = document.createRange();
      range.selectNodeContents(text);
      return range.getClientRects().length; // one rectangle per line of text
    });
    expect(lines).toBe(1);
    // The tab can still be reached and chosen; the page itself never scrolls sideways.
    await label('Liên thông').click();
    await page.waitForURL(/field=interlinked/);
    expect(await hasHorizontalScroll(page)).toBe(false);
    expect((await checkA11y(page)).blocking).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('shows a person without religion as "Tôn giáo: Không" in Vietnamese and "Religion: None" in English', async () => {
    const person = await findPerson<PersonDetail>(
      '03388',
      (d) => d.religionCode === '00' && d.residences.some((r) => r.kind === 'permanent'),
    );
    const { page, context, problems } = await openPage(browser, `/population/persons/${person.id}`, { as: STAFF });
    await choosePurpose(page);
    await page.getByRole('heading', { level: 1, name: person.fullName }).waitFor();
    await page.getByText('Quá trình cư trú').waitFor();
    const religionRow = page.locator('.ant-descriptions-row, tr').filter({ hasText: 'Tôn giáo' }).first();
    expect(await religionRow.textContent()).toContain('Không');
    await page
      .getByRole('cell', { name: /^Thường trú/ })
      .first()
      .waitFor();
    const vietnamese = await page.locator('main').innerText();
    expect(vietnamese).not.toMatch(/\b(Religion|Permanent|Temporary|Current|Ethnicity|None)\b/);

    await page.evaluate(() => window.localStorage.setItem('dvc06.lang', 'en'));
    await page.reload();
    const dialog = page.getByRole('dialog', { name: 'Why are you viewing this record?' });
    await dialog.getByRole('radio').first().check();
    await dialog.getByRole('button', { name: 'View the record' }).click();
    await page.getByRole('heading', { level: 1, name: person.fullName }).waitFor();
    const english = page.locator('.ant-descriptions-row, tr').filter({ hasText: 'Religion' }).first();
    await expect.poll(async () => (await english.textContent()) ?? '').toContain('None');
    expect(await english.textContent()).not.toContain('Không');
    await page
      .getByRole('cell', { name: /^Permanent Current residence/ })
      .first()
      .waitFor();
    expect(problems).toEqual([]);
    await context.close();
  });
});
