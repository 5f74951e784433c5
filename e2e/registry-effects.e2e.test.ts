import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import {
  api,
  checkA11y,
  choosePurpose,
  dialogsSettled,
  fillNewAddress,
  launchBrowser,
  openPage,
  PHONE,
  PNG,
  screenshot,
  signInWithEid,
} from './browser';

/*
 * Issue 13 §4: a permanent-residence registration (1.004222) approved by the commune police changes
 * the registry — the person's page shows the new address and a history line with the dossier — and
 * a second dossier the same citizen filed before that decision is refused with the reason.
 */

const OFFICER = 'ca.muongte';
const UNIT = '03445';
const PROCEDURE = '1.004222';

interface PersonSummary {
  id: string;
  fullName: string;
  nationalId: string | null;
  status: string;
}

/** A living adult of Mường Tè, exempt from the fee, with a level 2 e-ID, whose record no decision has changed yet. */
async function pickMover(): Promise<{ id: string; fullName: string; nationalId: string }> {
  for (const name of ['giang', 'sung', 'lu', 'van', 'thi']) {
    const page = await api<{ items: PersonSummary[] }>('/api/v1/population/persons/search', {
      name,
      unitCode: UNIT,
      page: 1,
      pageSize: 40,
    });
    for (const p of page.items.filter((x) => x.nationalId && x.status === 'alive')) {
      const detail = await api<{
        eId: { level: number };
        birthYear: number;
        changes: unknown[];
        ethnicityCode: string | null;
      }>(`/api/v1/population/persons/${p.id}?purpose=data_cleaning`);
      // An ethnic-minority resident of Mường Tè is exempt from the fee: the dossier goes straight to the police.
      const exempt = detail.ethnicityCode !== null && detail.ethnicityCode !== '01';
      if (detail.eId.level === 2 && detail.birthYear <= 2000 && detail.changes.length === 0 && exempt)
        return { id: p.id, fullName: p.fullName, nationalId: p.nationalId! };
    }
  }
  throw new Error(`no living adult with a level 2 e-ID account in unit ${UNIT}`);
}

/** Files 1.004222 from the filing page as the head of a new household at `village`; returns the dossier's id and code. */
async function fileRegistration(page: Page, fullName: string, village: string): Promise<{ id: string; code: string }> {
  await page.goto(`/procedures/${PROCEDURE}/file`);
  await page.getByRole('heading', { level: 1, name: 'Nộp hồ sơ: Đăng ký thường trú' }).waitFor();
  await page.locator('#fullName').waitFor();
  await page.locator('#headFullName').fill(fullName);
  await page.getByLabel('Mối quan hệ với chủ hộ', { exact: true }).click();
  await page
    .locator('.ant-select-dropdown:visible .ant-select-item-option')
    .filter({ hasText: 'Chủ hộ' })
    .first()
    .click();
  await fillNewAddress(page, 'Xã Mường Tè', village, 'Nhà mới dựng');
  await page.locator('#requestContent').fill('Đăng ký thường trú tại nhà mới, tách ra ở riêng.');
  const phone = page.locator('#phone');
  if ((await phone.getAttribute('readonly')) === null && !(await phone.inputValue())) await phone.fill('0912345678');
  const dwelling = page.locator('section[data-document="lawful_dwelling"]');
  await dwelling
    .locator('input[type=file]')
    .setInputFiles({ name: 'giay-xac-nhan-nha.png', mimeType: 'image/png', buffer: PNG });
  await dwelling.getByText('giay-xac-nhan-nha.png').waitFor();
  await page.getByRole('button', { name: 'Nộp hồ sơ', exact: true }).click();
  await page.getByRole('heading', { name: 'Đã nộp hồ sơ' }).waitFor();
  const code = ((await page.getByTestId('filed-code').textContent()) ?? '').trim();
  await page.getByRole('button', { name: 'Xem hồ sơ vừa nộp' }).click();
  await page.getByRole('heading', { level: 1, name: 'Đăng ký thường trú' }).waitFor();
  return { id: new URL(page.url()).pathname.split('/').pop() ?? '', code };
}

/** Runs a command from the officer's dossier page; returns the refusal shown in the dialog, if any. */
async function command(page: Page, button: string): Promise<string | null> {
  await page
    .getByRole('region', { name: 'Thao tác với hồ sơ' })
    .getByRole('button', { name: button, exact: true })
    .click();
  const dialog = page.getByRole('dialog', { name: button });
  await dialog.waitFor();
  await dialogsSettled(page);
  await dialog.getByRole('button', { name: button, exact: true }).click();
  const refusal = dialog.locator('.ant-alert-error').first();
  await Promise.race([dialog.waitFor({ state: 'hidden' }), refusal.waitFor()]);
  return (await refusal.isVisible()) ? ((await refusal.textContent()) ?? '') : null;
}

describe('a permanent residence registration changes the registry when approved', () => {
  let browser: Browser;
  let mover: { id: string; fullName: string; nationalId: string };
  const filed: Array<{ id: string; code: string }> = [];

  beforeAll(async () => {
    browser = await launchBrowser();
    mover = await pickMover();
  });
  afterAll(async () => browser?.close());

  it('a citizen files the registration twice from a phone (two household members on two phones, as happens)', async () => {
    const { page, context, problems } = await openPage(browser, `/procedures/${PROCEDURE}/file`, { viewport: PHONE });
    await signInWithEid(page, mover.nationalId);
    filed.push(await fileRegistration(page, mover.fullName, 'Bản Nậm Củm'));
    filed.push(await fileRegistration(page, mover.fullName, 'Bản Nậm Củm'));
    expect(filed[0]!.code).not.toBe(filed[1]!.code);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('the commune police approve the first: the person’s page shows the new address and the history line with the dossier', async () => {
    const { page, context, problems } = await openPage(browser, `/dossiers/${filed[0]!.id}`, { as: OFFICER });
    await page.locator('.page-title').getByText('Đã nộp, chờ tiếp nhận', { exact: true }).waitFor();
    expect(await command(page, 'Tiếp nhận')).toBeNull();
    expect(await command(page, 'Bắt đầu giải quyết')).toBeNull();
    expect(await command(page, 'Duyệt hồ sơ')).toBeNull();
    await page.locator('.page-title').getByText('Đã duyệt', { exact: true }).waitFor();

    await page.goto(`/population/persons/${mover.id}`);
    await choosePurpose(page);
    const changes = page.locator('.section-card').filter({ hasText: 'Thay đổi theo quyết định giải quyết hồ sơ' });
    await changes.getByText('Đăng ký thường trú', { exact: false }).waitFor();
    await changes.getByRole('link', { name: filed[0]!.code }).waitFor();
    const residences = page.locator('.section-card').filter({ hasText: 'Quá trình cư trú' }).first();
    await residences.getByText('Nhà mới dựng, Bản Nậm Củm').waitFor();
    await screenshot(page, 'person-after-decision');
    expect((await checkA11y(page)).blocking).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('the second dossier, filed before that decision, is refused with the reason and changes nothing', async () => {
    const { page, context } = await openPage(browser, `/dossiers/${filed[1]!.id}`, { as: OFFICER });
    await page.locator('.page-title').getByText('Đã nộp, chờ tiếp nhận', { exact: true }).waitFor();
    expect(await command(page, 'Tiếp nhận')).toBeNull();
    expect(await command(page, 'Bắt đầu giải quyết')).toBeNull();
    const refusal = await command(page, 'Duyệt hồ sơ');
    expect(refusal).toContain('đã thay đổi sau khi nộp hồ sơ');
    expect(refusal).toContain(filed[0]!.code);
    await screenshot(page, 'dossier-stale-decision');
    await page.reload();
    await page.locator('.page-title').getByText('Đang giải quyết', { exact: true }).waitFor();
    await context.close();
  });
});
