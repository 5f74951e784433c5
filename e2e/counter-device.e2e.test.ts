import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import {
  api,
  checkA11y,
  confirmEidSignOut,
  hasHorizontalScroll,
  launchBrowser,
  openPage,
  PNG,
  screenshot,
  signInWithEid,
  fillNewAddress,
} from './browser';

/** The commune police of Xã Mường Tè: records counter visits there (demo account, a session made in global-setup.ts). */
const OFFICER = 'ca.muongte';
const OFFICER_UNIT = '03445';
/** Đăng ký tạm trú (temporary residence registration), e-ID level 2. */
const PROCEDURE = '1.004194';

interface PersonSummary {
  id: string;
  fullName: string;
  nationalId: string | null;
  status: string;
}

/** A living adult of Mường Tè with a level 2 e-ID, the last such one found (the filing journey takes the first). */
async function pickCitizen(): Promise<{ fullName: string; nationalId: string }> {
  let found: { fullName: string; nationalId: string } | undefined;
  for (const name of ['thi', 'van']) {
    const page = await api<{ items: PersonSummary[] }>('/api/v1/population/persons/search', {
      name,
      unitCode: OFFICER_UNIT,
      page: 1,
      pageSize: 40,
    });
    for (const p of page.items.filter((x) => x.nationalId && x.status === 'alive')) {
      const detail = await api<{ eId: { level: number }; birthYear: number }>(
        `/api/v1/population/persons/${p.id}?purpose=data_cleaning`,
      );
      if (detail.eId.level === 2 && detail.birthYear <= 2005)
        found = { fullName: p.fullName, nationalId: p.nationalId! };
    }
    if (found) return found;
  }
  throw new Error(`no living adult with a level 2 e-ID account in unit ${OFFICER_UNIT}`);
}

describe('a counter device: the officer sets the counter PC up, a citizen files on it with guidance ("assisted")', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('records the dossier as filed online at the counter, naming the counter and the guiding officer', async () => {
    const citizen = await pickCitizen();
    const { page, context, problems } = await openPage(browser, '/counter', { as: OFFICER });
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    const card = page.getByRole('region', { name: 'Thiết bị tại quầy cho công dân tự nộp hồ sơ' });
    await page.locator('#counter-label').fill('Quầy 3');
    await card.getByRole('button', { name: 'Dùng máy này làm thiết bị tại quầy' }).click();
    const status = card.getByRole('status');
    await status
      .getByText('Máy này đang là thiết bị tại Quầy 3 – Xã Mường Tè, cán bộ hướng dẫn:', { exact: false })
      .waitFor();
    const officerName =
      ((await status.locator('.ant-alert-title').textContent()) ?? '').split('cán bộ hướng dẫn: ')[1]?.trim() ?? '';
    expect(officerName).not.toBe('');
    await screenshot(page, 'counter-device');
    expect((await checkA11y(page)).blocking).toEqual([]);

    // The officer's account leaves the PC (its cookie only: the shared demo session stays open for other journeys).
    await context.clearCookies({ name: inject('sessions')[OFFICER]!.cookieName });
    await page.goto(`/procedures/${PROCEDURE}/file`);
    await signInWithEid(page, citizen.nationalId);
    await page.getByRole('heading', { level: 1, name: 'Nộp hồ sơ: Đăng ký tạm trú' }).waitFor();
    await page.getByText('Bạn đang nộp trên máy tại Bộ phận một cửa: Quầy 3 – Xã Mường Tè', { exact: true }).waitFor();
    await page.getByText(`Cán bộ ${officerName} hướng dẫn bạn.`, { exact: false }).waitFor();

    await page.locator('#fullName').waitFor();
    await fillNewAddress(page, 'Xã Mường Tè', 'Bản Nậm Củm');
    await page.locator('#requestContent').fill('Đăng ký tạm trú để đi làm ở xã Mường Tè.');
    const phone = page.locator('#phone');
    if ((await phone.getAttribute('readonly')) === null && !(await phone.inputValue())) await phone.fill('0912345678');
    const dwelling = page.locator('section[data-document="lawful_dwelling"]');
    await dwelling
      .locator('input[type=file]')
      .setInputFiles({ name: 'giay-cho-o.png', mimeType: 'image/png', buffer: PNG });
    await dwelling.getByText('giay-cho-o.png').waitFor();
    expect(await hasHorizontalScroll(page)).toBe(false);
    await screenshot(page, 'counter-device-filing');
    expect((await checkA11y(page)).blocking).toEqual([]);

    await page.getByRole('button', { name: 'Nộp hồ sơ', exact: true }).click();
    // Filed — or, with a fee at the counter rate, filed and waiting for its payment (issue 14 §3).
    await page
      .getByRole('heading', { name: 'Đã nộp hồ sơ' })
      .or(page.getByRole('heading', { name: 'Còn một bước: nộp phí để gửi hồ sơ' }))
      .waitFor();
    const code = ((await page.getByTestId('filed-code').textContent()) ?? '').trim();
    expect(code).toMatch(/^\S+-\d{6}-\d{4}$/);

    // A shared computer: the page asks the citizen to sign out, and the button does it (here and at the e-ID).
    await page.getByText('Bạn đang dùng máy chung tại Bộ phận một cửa.', { exact: false }).waitFor();
    await screenshot(page, 'counter-device-filed');
    expect((await checkA11y(page)).blocking).toEqual([]);
    await page.getByRole('button', { name: 'Đăng xuất khỏi máy này' }).click();
    await confirmEidSignOut(page);
    expect(problems).toEqual([]);
    await context.close();

    // The commune police see how it was filed: at which counter, guided by whom.
    const officer = await openPage(browser, `/dossiers?queue=all&code=${encodeURIComponent(code)}`, { as: OFFICER });
    await officer.page.getByRole('link', { name: code }).click();
    await officer.page.getByRole('heading', { level: 1, name: `Hồ sơ ${code}` }).waitFor();
    await officer.page
      .getByText(`Trực tuyến tại quầy (Quầy 3), cán bộ hướng dẫn: ${officerName}`, { exact: true })
      .waitFor();

    // At the counter, the filing waits in today's list; "Ghi lượt tiếp" puts its facts in the visit form.
    await officer.page.goto('/counter');
    const filings = officer.page
      .locator('.ant-card')
      .filter({ hasText: 'Công dân tự nộp trên thiết bị tại quầy hôm nay' });
    const row = filings.locator('tr').filter({ hasText: code });
    await row.waitFor();
    expect(await row.textContent()).toContain(citizen.fullName);
    await row.getByRole('button', { name: `Ghi lượt tiếp cho hồ sơ ${code} của ${citizen.fullName}` }).click();
    await expect.poll(() => officer.page.locator('#dossierCode').inputValue()).toBe(code);
    expect(await officer.page.getByRole('radio', { name: 'Đã nộp trực tuyến', exact: true }).isChecked()).toBe(true);
    expect(
      await officer.page.getByRole('radio', { name: 'Công dân nhập, cán bộ hỗ trợ', exact: true }).isChecked(),
    ).toBe(true);
    await screenshot(officer.page, 'counter-assisted-filings');
    expect((await checkA11y(officer.page)).blocking).toEqual([]);
    expect(officer.problems).toEqual([]);
    await officer.context.close();
  });
});
