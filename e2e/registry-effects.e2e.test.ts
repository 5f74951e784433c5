import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import {
  chooseOption,
  checkA11y,
  choosePurpose,
  fillNewAddress,
  findPerson,
  launchBrowser,
  openPage,
  PHONE,
  PNG,
  runCommand,
  screenshot,
  signInWithEid,
  submitFiling,
} from './browser';

/*
 * Issue 13 §4: a permanent-residence registration (1.004222) approved by the commune police changes
 * the registry — the person's page shows the new address and a history line with the dossier — and
 * a second dossier the same citizen filed before that decision is refused with the reason.
 */

const OFFICER = 'ca.muongte';
const UNIT = '03445';
const PROCEDURE = '1.004222';

/** A living adult of Mường Tè, exempt from the fee, with a level 2 e-ID, whose record no decision has changed yet. */
function pickMover(): Promise<{ id: string; fullName: string; nationalId: string }> {
  return findPerson<{
    eId: { level: number };
    birthYear: number;
    changes: unknown[];
    ethnicityCode: string | null;
    household: { members: unknown[] } | null;
  }>(
    UNIT,
    // An ethnic-minority resident of Mường Tè is exempt from the fee: the dossier goes straight to the police.
    // Someone who lives with others: the form offers them as choices (issue 14 §2).
    (d) =>
      d.eId.level === 2 &&
      (d.household?.members.length ?? 0) >= 2 &&
      d.birthYear <= 2000 &&
      d.changes.length === 0 &&
      !!d.ethnicityCode &&
      d.ethnicityCode !== '01',
    ['giang', 'sung', 'lu', 'van', 'thi'],
  );
}

/** The live "you still type N fields" count above the form. */
async function typedLeft(page: Page): Promise<number> {
  const text = (await page.locator('.typed-remaining').textContent()) ?? '';
  return /đủ các ô/.test(text) ? 0 : Number(/Còn (\d+) ô để bạn tự nhập/.exec(text)?.[1] ?? NaN);
}

/**
 * The household's other members are offered, none chosen: one tap chooses a person, another
 * removes them; nobody moves unless chosen (issue 14 §2).
 */
async function checkMemberChoices(page: Page): Promise<void> {
  const choices = page.locator('.member-choices .member-choice');
  await choices.first().waitFor();
  const n = await choices.count();
  expect(n).toBeGreaterThan(0);
  expect(await page.locator('.member-choices input:checked').count()).toBe(0);
  await choices.first().click();
  await page.getByText('Đã chọn 1 người cùng thay đổi.').waitFor();
  expect(await page.locator('.member-choices input:checked').count()).toBe(1);
  await choices.first().click();
  await expect.poll(() => page.locator('.member-choices input:checked').count()).toBe(0);
}

/** Files 1.004222 from the filing page as the head of a new household at `village`; returns the dossier's id and code. */
async function fileRegistration(
  page: Page,
  fullName: string,
  village: string,
  checkForm = false,
  /** The code of a dossier of this procedure still open: the page warns, with a link to it. */
  openCode?: string,
): Promise<{ id: string; code: string }> {
  await page.goto(`/procedures/${PROCEDURE}/file`);
  await page.getByRole('heading', { level: 1, name: 'Nộp hồ sơ: Đăng ký thường trú' }).waitFor();
  await page.locator('#fullName').waitFor();
  const warning = page.locator('.open-dossier-warning');
  if (openCode) {
    await warning.getByText('Bạn đang có hồ sơ thủ tục này chưa giải quyết xong').waitFor();
    await warning.getByRole('link', { name: openCode }).waitFor();
  } else {
    expect(await warning.count()).toBe(0);
  }
  const before = await typedLeft(page);
  if (checkForm) await checkMemberChoices(page);
  await page.locator('#headFullName').fill(fullName);
  // The counter goes down as the citizen types (the head's name is theirs to type).
  if (checkForm) {
    await expect.poll(() => typedLeft(page)).toBe(before - 1);
    // A reload (or a dropped link) does not wipe what was typed (issue 14 §3).
    await page.reload();
    await page.getByText('Đã khôi phục những gì bạn nhập trước khi tải lại trang.').waitFor();
    expect(await page.locator('#headFullName').inputValue()).toBe(fullName);
  }
  await chooseOption(page, 'Mối quan hệ với chủ hộ', 'Chủ hộ');
  await fillNewAddress(page, 'Xã Mường Tè', village, 'Nhà mới dựng');
  await page.locator('#requestContent').fill('Đăng ký thường trú tại nhà mới, tách ra ở riêng.');
  if (checkForm) {
    // Saved as a draft on the server: the page's address now names it, to come back to another day.
    await page.getByRole('button', { name: 'Lưu nháp', exact: true }).click();
    await page.getByText(/^Đã lưu nháp lúc /).waitFor();
    expect(new URL(page.url()).searchParams.get('draft')).toMatch(/^[0-9a-f-]{36}$/);
  }
  if (checkForm) {
    // The result by post: the address is asked, and the dossier's page shows the choice (issue 14 §3).
    const delivery = page.getByRole('region', { name: 'Bạn muốn nhận kết quả thế nào?' });
    await delivery.getByText('Gửi qua bưu điện', { exact: true }).click();
    await page
      .getByLabel('Địa chỉ nhận kết quả (số nhà, thôn/tổ, xã/phường)')
      .fill('Nhà mới dựng, Bản Nậm Củm, xã Mường Tè');
  }
  const { code, dossierId } = await submitFiling(page, {
    document: 'lawful_dwelling',
    file: { name: 'giay-xac-nhan-nha.png', mimeType: 'image/png', buffer: PNG },
    procedureName: 'Đăng ký thường trú',
  });
  if (checkForm) await page.getByText('Gửi qua bưu điện đến: Nhà mới dựng, Bản Nậm Củm, xã Mường Tè').waitFor();
  return { id: dossierId, code };
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
    filed.push(await fileRegistration(page, mover.fullName, 'Bản Nậm Củm', true));
    // The second time, the page warns that the first is still open, and links to it (the citizen decides).
    filed.push(await fileRegistration(page, mover.fullName, 'Bản Nậm Củm', false, filed[0]!.code));
    expect(filed[0]!.code).not.toBe(filed[1]!.code);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('the commune police approve the first: the person’s page shows the new address and the history line with the dossier', async () => {
    const { page, context, problems } = await openPage(browser, `/dossiers/${filed[0]!.id}`, { as: OFFICER });
    await page.locator('.page-title').getByText('Đã nộp, chờ tiếp nhận', { exact: true }).waitFor();
    expect(await runCommand(page, 'Tiếp nhận')).toBeNull();
    expect(await runCommand(page, 'Bắt đầu giải quyết')).toBeNull();
    expect(await runCommand(page, 'Duyệt hồ sơ')).toBeNull();
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
    expect(await runCommand(page, 'Tiếp nhận')).toBeNull();
    expect(await runCommand(page, 'Bắt đầu giải quyết')).toBeNull();
    const refusal = await runCommand(page, 'Duyệt hồ sơ');
    expect(refusal).toContain('đã thay đổi sau khi nộp hồ sơ');
    expect(refusal).toContain(filed[0]!.code);
    await screenshot(page, 'dossier-stale-decision');
    await page.reload();
    await page.locator('.page-title').getByText('Đang giải quyết', { exact: true }).waitFor();
    await context.close();
  });
});
