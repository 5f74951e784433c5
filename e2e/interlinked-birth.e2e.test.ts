import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import {
  chooseOption,
  api,
  checkA11y,
  choosePurpose,
  findPerson,
  hasHorizontalScroll,
  launchBrowser,
  openCommand,
  openPage,
  runCommand,
  PHONE,
  PNG,
  screenshot,
  signInWithEid,
  STAFF,
  submitFiling,
} from './browser';

/*
 * Issue 13 §4, journey 1: a mother on a phone files the interlinked birth group (LT.01, version of
 * 6/12/2026) for her newborn — her own and the father's data prefilled from the registry, the child's
 * name typed — and follows it while three agencies do their steps: the civil-status officer
 * registers the birth (the child gets an ID number), the commune police register the child's
 * permanent residence in the mother's household and issue the identity card, Social Insurance
 * enters the health-insurance card. She sees the number, the card and downloads the result; the
 * child is found in the registry with the household.
 */

const UNIT = '03445';
const CIVIL_STATUS = 'tuphap.muongte';
const POLICE = 'ca.muongte';
const INSURANCE = 'bhyt.tinh';
const PROCEDURE = 'LT.01';
const TITLE =
  'Liên thông: Đăng ký khai sinh – Đăng ký thường trú – Cấp thẻ bảo hiểm y tế – Cấp thẻ căn cước cho trẻ em dưới 6 tuổi';
const CHILD = 'Lò Thị Ban Mai';
const CARD = 'TE1120987654321';

interface Detail {
  sex: string;
  birthYear: number;
  eId: { level: number };
  ethnicityCode: string | null;
  household: { relationToHead: string | null; members: Array<{ relationToHead: string | null }> } | null;
}

/** A mother of Mường Tè with a level 2 e-ID, head of her household or the head's wife (the child joins it). */
function pickMother() {
  return findPerson<Detail>(
    UNIT,
    (d) =>
      d.sex === 'female' &&
      d.eId.level === 2 &&
      d.birthYear >= 1982 &&
      d.birthYear <= 2004 &&
      !!d.ethnicityCode &&
      d.ethnicityCode !== '01' &&
      (d.household?.relationToHead === 'head' || d.household?.relationToHead === 'spouse'),
    ['thi', 'lo', 'lu', 'giang'],
  );
}

const today = () => new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
const dmy = (iso: string) => iso.split('-').reverse().join('/');

const steps = (page: Page) => page.locator('.section-card').filter({ hasText: 'Các bước liên thông' });

describe('the interlinked birth group, filed on a phone and done by three agencies', () => {
  let browser: Browser;
  let mother: { id: string; fullName: string; nationalId: string };
  let dossier: { id: string; code: string };
  let childId = '';

  beforeAll(async () => {
    browser = await launchBrowser();
    mother = await pickMother();
  });
  afterAll(async () => browser?.close());

  it('the mother files it on her phone: her data prefilled, the child’s typed; the planned steps are shown', async () => {
    const { page, context, problems } = await openPage(browser, `/procedures/${PROCEDURE}/file`, { viewport: PHONE });
    await signInWithEid(page, mother.nationalId);
    await page.getByRole('heading', { level: 1, name: `Nộp hồ sơ: ${TITLE}` }).waitFor();
    await page.locator('#motherFullName').waitFor();
    expect(await page.locator('#motherFullName').inputValue()).toBe(mother.fullName);
    await chooseOption(page, 'Quan hệ với người được khai sinh', 'Mẹ');
    await page.locator('#childFullName').fill(CHILD);
    const birth = page.locator('#childBirthDate');
    await birth.click();
    await birth.fill(dmy(today()));
    await birth.press('Enter');
    await chooseOption(page, 'Giới tính của trẻ', 'Nữ');
    await page.locator('#childBirthPlace').fill('Trạm y tế xã Mường Tè, tỉnh Lai Châu');
    await page.locator('#childEthnicity').fill('Thái');
    const nationality = page.locator('#childNationality');
    if (!(await nationality.inputValue())) await nationality.fill('Việt Nam');
    await chooseOption(page, 'Quan hệ của trẻ với chủ hộ', 'Con');
    await page.locator('#healthFacility').fill('Trạm y tế xã Mường Tè');
    expect(await hasHorizontalScroll(page)).toBe(false);
    const filed = await submitFiling(page, {
      document: 'birth_certificate',
      file: { name: 'giay-chung-sinh.png', mimeType: 'image/png', buffer: PNG },
      procedureName: TITLE,
      phoneField: '#declarantPhone',
    });
    dossier = { id: filed.dossierId, code: filed.code };
    await steps(page).getByText('Đăng ký khai sinh', { exact: true }).waitFor();
    expect(await steps(page).getByText('Sẽ thực hiện').count()).toBe(4);
    await screenshot(page, 'interlinked-birth-filed');
    expect((await checkA11y(page)).blocking).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('the civil-status officer receives it and registers the birth: the child gets an ID number', async () => {
    const { page, context, problems } = await openPage(browser, `/dossiers/${dossier.id}`, { as: CIVIL_STATUS });
    expect(await runCommand(page, 'Tiếp nhận')).toBeNull();
    expect(await runCommand(page, 'Bắt đầu giải quyết')).toBeNull();
    expect(await runCommand(page, 'Hoàn thành bước')).toBeNull();
    const number = steps(page)
      .locator('dt', { hasText: 'Số định danh cá nhân của trẻ' })
      .locator('xpath=following-sibling::dd');
    await number.waitFor();
    childId = ((await number.textContent()) ?? '').trim();
    expect(childId).toMatch(/^012\d{9}$/);
    await steps(page).getByText('Đang xử lý').waitFor(); // the police's step runs now
    expect(problems).toEqual([]);
    await context.close();
  });

  it('the commune police find it in their queue and register the child in the mother’s household', async () => {
    const { page, context, problems } = await openPage(browser, '/dossiers', { as: POLICE });
    await page.getByRole('link', { name: dossier.code }).first().click();
    await page.waitForURL(new RegExp(`/dossiers/${dossier.id}$`));
    expect(await runCommand(page, 'Hoàn thành bước')).toBeNull();
    await steps(page).getByText('Đã xong').nth(1).waitFor();
    expect(problems).toEqual([]);
    await context.close();
  });

  it('Social Insurance enters the card number (a wrong one is refused on its field), then the police the identity card', async () => {
    const { page, context, problems } = await openPage(browser, `/dossiers/${dossier.id}`, { as: INSURANCE });
    const dialog = await openCommand(page, 'Hoàn thành bước');
    await dialog.getByLabel('Mã số thẻ BHYT', { exact: true }).fill('AB12');
    await dialog.getByLabel('Thẻ có giá trị từ ngày', { exact: true }).fill(today());
    await dialog.getByRole('button', { name: 'Hoàn thành bước', exact: true }).click();
    await dialog.getByText('bắt đầu bằng TE1').waitFor();
    await screenshot(page, 'interlinked-card-refused');
    await dialog.getByLabel('Mã số thẻ BHYT', { exact: true }).fill(CARD);
    await dialog.getByRole('button', { name: 'Hoàn thành bước', exact: true }).click();
    await dialog.waitFor({ state: 'hidden' });
    // The refused card number is the one 400 the browser logs.
    expect(problems.filter((p) => !p.includes('status of 400'))).toEqual([]);
    await context.close();

    const police = await openPage(browser, `/dossiers/${dossier.id}`, { as: POLICE });
    expect(await runCommand(police.page, 'Hoàn thành bước', { 'Ngày cấp thẻ căn cước': today() })).toBeNull();
    await police.page.locator('.page-title').getByText('Đã duyệt', { exact: true }).waitFor();
    expect(police.problems).toEqual([]);
    await police.context.close();
  });

  it('the mother follows it on her phone: every step done, the number, the card, the result to download', async () => {
    // The civil-status desk that received the group issues its result (the CT08 about the child, the birth extract).
    const civil = await openPage(browser, `/dossiers/${dossier.id}`, { as: CIVIL_STATUS });
    expect(await runCommand(civil.page, 'Trả kết quả giải quyết')).toBeNull();
    await civil.context.close();
    const { page, context, problems } = await openPage(browser, `/me/dossiers/${dossier.id}`, { viewport: PHONE });
    await signInWithEid(page, mother.nationalId);
    await steps(page).getByText(CARD).waitFor();
    expect(await steps(page).getByText('Đã xong').count()).toBe(4);
    expect(await steps(page).getByText(childId).count()).toBeGreaterThan(0);
    // Two results: the CT08 of the residence step and the child's electronic birth extract.
    const results = page.locator('.result-documents li');
    for (const name of ['Thông báo kết quả giải quyết (Mẫu CT08)', 'Trích lục khai sinh (bản điện tử)']) {
      const link = results.filter({ hasText: name }).getByRole('link', { name: 'Tải giấy tờ (PDF)' });
      const response = await page.request.get((await link.getAttribute('href'))!);
      expect(response.headers()['content-type']).toContain('application/pdf');
    }
    expect(await hasHorizontalScroll(page)).toBe(false);
    await screenshot(page, 'interlinked-birth-followed');
    expect((await checkA11y(page)).blocking).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('the child is found in the registry by name and by ID number, in the mother’s household', async () => {
    expect(childId).toMatch(/^012\d{9}$/);
    const found = await api<{ items: Array<{ id: string; nationalId: string | null }> }>(
      '/api/v1/population/persons/search',
      {
        nationalId: childId,
        page: 1,
        pageSize: 5,
      },
    );
    expect(found.items.map((p) => p.nationalId)).toEqual([childId]);
    const { page, context, problems } = await openPage(browser, '/population/search', { as: STAFF });
    await page.getByLabel('Họ và tên').fill(CHILD);
    await page.getByRole('button', { name: 'Tìm kiếm' }).click();
    await page.getByRole('link', { name: CHILD, exact: true }).first().click();
    await choosePurpose(page);
    await page.getByRole('heading', { level: 1, name: CHILD }).waitFor();
    await page.getByText(childId, { exact: true }).first().waitFor();
    await page.getByText(mother.fullName, { exact: true }).first().waitFor(); // the household's members
    await screenshot(page, 'interlinked-child-in-registry');
    expect(problems).toEqual([]);
    await context.close();
  });
});
