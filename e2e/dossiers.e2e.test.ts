import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import {
  api,
  checkA11y,
  dialogsSettled,
  hasHorizontalScroll,
  launchBrowser,
  openPage,
  PDF,
  PHONE,
  PNG,
  receivingAgencyCode,
  screenshot,
  signInWithEid,
  fillNewAddress,
  findPerson,
} from './browser';

/** The commune police of Xã Mường Tè (demo account, a session made in global-setup.ts). */
const OFFICER = 'ca.muongte';
const OFFICER_UNIT = '03445';
/** Đăng ký tạm trú (temporary residence registration), handled by the commune police, e-ID level 2. */
const PROCEDURE = '1.004194';

interface PersonSummary {
  id: string;
  fullName: string;
  nationalId: string | null;
  status: string;
}
interface Citizen {
  id: string;
  fullName: string;
  nationalId: string;
}

/** A living adult of Mường Tè with a level 2 e-ID (found by the Standing Agency, for the purpose "data cleaning"). */
function pickCitizen(): Promise<Citizen> {
  return findPerson<{ eId: { level: number }; birthYear: number }>(
    OFFICER_UNIT,
    (d) => d.eId.level === 2 && d.birthYear <= 2005,
  );
}

/** A living person whose e-ID account is only level 1 (anywhere in the province). */
async function pickLevelOneCitizen(): Promise<Citizen> {
  for (const name of ['van', 'thi', 'lo', 'giang']) {
    const page = await api<{ items: PersonSummary[] }>('/api/v1/population/persons/search', {
      name,
      page: 1,
      pageSize: 40,
    });
    for (const p of page.items.filter((x) => x.nationalId && x.status === 'alive')) {
      const detail = await api<{ eId: { level: number } }>(`/api/v1/population/persons/${p.id}?purpose=data_cleaning`);
      if (detail.eId.level === 1) return { id: p.id, fullName: p.fullName, nationalId: p.nationalId! };
    }
  }
  throw new Error('no living person with a level 1 e-ID account');
}

/** Runs a command from the officer's dossier page through its dialog and waits for the new state. */
async function officerCommand(
  page: Page,
  button: string,
  state: string,
  fill?: (dialog: ReturnType<Page['getByRole']>) => Promise<void>,
): Promise<void> {
  await page
    .getByRole('region', { name: 'Thao tác với hồ sơ' })
    .getByRole('button', { name: button, exact: true })
    .click();
  const dialog = page.getByRole('dialog', { name: button });
  await dialog.waitFor();
  // A click during the dialog's opening animation can be lost: let it finish first.
  await dialogsSettled(page);
  if (fill) await fill(dialog);
  await dialog.getByRole('button', { name: button, exact: true }).click();
  // Either the dialog closes, or it shows why the server refused: fail with that message.
  const refusal = dialog.locator('.ant-alert-error, .ant-form-item-explain-error').first();
  await Promise.race([dialog.waitFor({ state: 'hidden' }), refusal.waitFor()]);
  if (await refusal.isVisible()) throw new Error(`"${button}" was refused: ${await refusal.textContent()}`);
  await page.locator('.page-title').getByText(state, { exact: true }).waitFor();
}

describe('dossiers: a citizen files a temporary residence registration online; the commune police handle it', () => {
  let browser: Browser;
  let citizen: Citizen;
  let citizenContext: BrowserContext;
  let citizenPage: Page;
  let citizenProblems: string[];
  let officerContext: BrowserContext;
  let officerPage: Page;
  let officerProblems: string[];
  let code = '';
  let dossierId = '';

  beforeAll(async () => {
    browser = await launchBrowser();
    citizen = await pickCitizen();
  });
  afterAll(async () => {
    await citizenContext?.close();
    await officerContext?.close();
    await browser?.close();
  });

  it('tells a citizen with a level 1 e-ID why they cannot file a level 2 procedure and what to do (phone)', async () => {
    const person = await pickLevelOneCitizen();
    const { page, context, problems } = await openPage(browser, `/procedures/${PROCEDURE}/file`, { viewport: PHONE });
    await signInWithEid(page, person.nationalId);
    await page.getByRole('heading', { level: 1, name: 'Nộp hồ sơ: Đăng ký tạm trú' }).waitFor();
    const block = page.getByRole('alert').filter({ hasText: 'Bạn chưa nộp được hồ sơ này trực tuyến' });
    await block.waitFor();
    const text = (await block.textContent()) ?? '';
    expect(text).toContain('mức 2');
    expect(text).toContain('Công an xã, phường');
    expect(text).toContain('VNeID');
    expect(await page.getByRole('button', { name: 'Nộp hồ sơ', exact: true }).count()).toBe(0);
    expect(await hasHorizontalScroll(page)).toBe(false);
    await screenshot(page, 'dossier-level1-phone');
    expect((await checkA11y(page)).blocking).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('signs in with the sandbox e-ID, sees the prefilled form, attaches a document and submits (phone)', async () => {
    ({
      page: citizenPage,
      context: citizenContext,
      problems: citizenProblems,
    } = await openPage(browser, `/procedures/${PROCEDURE}/file`, { viewport: PHONE }));
    const page = citizenPage;
    await signInWithEid(page, citizen.nationalId);

    await page.getByRole('heading', { level: 1, name: 'Nộp hồ sơ: Đăng ký tạm trú' }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/procedures/${PROCEDURE}/file`);
    // Fee and time limit in plain words.
    await page.getByText('Lệ phí nộp trực tuyến').waitFor();
    await page.getByText('3 ngày làm việc', { exact: false }).first().waitFor();
    // Prefilled from the population database: the name, read-only, with the badge.
    await page.locator('#fullName').waitFor();
    expect(await page.locator('#fullName').inputValue()).toBe(citizen.fullName);
    expect(await page.locator('#fullName').getAttribute('readonly')).not.toBeNull();
    expect(await page.locator('label[for="fullName"]').textContent()).toContain('Từ CSDL quốc gia về dân cư');
    expect(await page.locator('#nationalId').inputValue()).toBe(citizen.nationalId);
    expect(await hasHorizontalScroll(page)).toBe(false);
    await screenshot(page, 'dossier-filing-phone');
    expect((await checkA11y(page)).blocking).toEqual([]);

    // Submitting without the required proof of a lawful dwelling is stopped before sending, on that document.
    await fillNewAddress(page, 'Xã Mường Tè', 'Bản Nậm Củm');
    await page.locator('#requestContent').fill('Đăng ký tạm trú tại nhà người thân để đi làm ở xã Mường Tè.');
    const phone = page.locator('#phone');
    if ((await phone.getAttribute('readonly')) === null && !(await phone.inputValue())) await phone.fill('0912345678');
    await page.getByRole('button', { name: 'Nộp hồ sơ', exact: true }).click();
    const dwelling = page.locator('section[data-document="lawful_dwelling"]');
    await dwelling.getByText('Chưa đính kèm. Giấy tờ này bắt buộc.').waitFor();
    // A wrong file type is refused in the browser.
    await dwelling.locator('input[type=file]').setInputFiles({
      name: 'so-do.docx',
      mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      buffer: Buffer.from('PK'),
    });
    await dwelling.getByText('chỉ nhận ảnh JPG, PNG hoặc tệp PDF', { exact: false }).waitFor();
    await dwelling
      .locator('input[type=file]')
      .setInputFiles({ name: 'hop-dong-thue-nha.png', mimeType: 'image/png', buffer: PNG });
    await dwelling.getByText('hop-dong-thue-nha.png').waitFor();
    expect(await dwelling.getByText('Chưa đính kèm. Giấy tờ này bắt buộc.').count()).toBe(0);

    // The fee owed now, from the registry (this journey's citizen is exempt, so no payment step follows).
    await page.getByTestId('fee-summary').waitFor();
    expect(
      (await page.getByTestId('fee-due').textContent())?.replace(/\s/g, ''),
      'the journey needs a citizen exempt from the fee',
    ).toBe('0đồng');

    await page.getByRole('button', { name: 'Nộp hồ sơ', exact: true }).click();
    await page.getByRole('heading', { name: 'Đã nộp hồ sơ' }).waitFor();
    code = ((await page.getByTestId('filed-code').textContent()) ?? '').trim();
    expect(code).toMatch(/^\S+-\d{6}-\d{4}$/);
    expect(code.startsWith(`${receivingAgencyCode(OFFICER_UNIT)}-`)).toBe(true);
    expect(await hasHorizontalScroll(page)).toBe(false);
    await screenshot(page, 'dossier-filed-phone');
    expect((await checkA11y(page)).blocking).toEqual([]);

    await page.getByRole('button', { name: 'Xem hồ sơ vừa nộp' }).click();
    await page.getByRole('heading', { level: 1, name: 'Đăng ký tạm trú' }).waitFor();
    dossierId = new URL(page.url()).pathname.split('/').pop() ?? '';
    await page.getByText(code, { exact: true }).waitFor();
    await page.locator('.status-now').getByText('Đã nộp, chờ tiếp nhận').waitFor();
    expect(await hasHorizontalScroll(page)).toBe(false);
    expect((await checkA11y(page)).blocking).toEqual([]);
  });

  it('the commune police find it among the new dossiers, receive it, read the registry data and ask for a supplement', async () => {
    ({
      page: officerPage,
      context: officerContext,
      problems: officerProblems,
    } = await openPage(browser, '/dossiers', { as: OFFICER }));
    const page = officerPage;
    await page.getByRole('heading', { level: 1, name: 'Hồ sơ cần xử lý' }).waitFor();
    await page.getByRole('tab', { name: 'Mới', exact: true }).waitFor();
    const row = page.locator('tr').filter({ hasText: code });
    await row.waitFor();
    expect(await row.textContent()).toContain(citizen.fullName);
    await screenshot(page, 'dossier-workqueue');
    expect((await checkA11y(page)).blocking).toEqual([]);

    // The same dossier by the person's ID number (sent in the body, not the URL), then back to the queue.
    const person = page.getByLabel('Hồ sơ của công dân (số định danh hoặc họ tên)');
    await person.fill(citizen.nationalId);
    await page.getByRole('button', { name: 'Tìm', exact: true }).click();
    const found = page
      .locator('.section-card')
      .filter({ hasText: 'Hồ sơ của công dân' })
      .locator('tr')
      .filter({ hasText: code });
    await found.waitFor();
    expect(page.url()).not.toContain(citizen.nationalId);
    await page.getByRole('button', { name: 'Xoá', exact: true }).click();
    // Or by the name typed without tone marks, as the citizen says it.
    await person.fill(citizen.fullName.normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/g, 'd').toLowerCase());
    await page.getByRole('button', { name: 'Tìm', exact: true }).click();
    await found.waitFor();
    await page.getByRole('button', { name: 'Xoá', exact: true }).click();
    // "Tất cả" with a code filter.
    await page.getByRole('tab', { name: 'Tất cả', exact: true }).click();
    await page.getByLabel('Tìm theo mã hồ sơ').fill(code);
    await page.getByLabel('Tìm theo mã hồ sơ').press('Enter');
    await page.waitForURL((url) => url.searchParams.get('queue') === 'all' && url.searchParams.get('code') === code);
    await expect.poll(() => page.locator('tbody tr.ant-table-row').count()).toBe(1);
    await page.locator('tr').filter({ hasText: code }).waitFor();

    await page.locator('tr').filter({ hasText: code }).getByRole('link', { name: code }).click();
    await page.getByRole('heading', { level: 1, name: `Hồ sơ ${code}` }).waitFor();
    await page.getByRole('link', { name: 'hop-dong-thue-nha.png' }).waitFor();
    await officerCommand(page, 'Tiếp nhận', 'Đã tiếp nhận');

    // The citizen sees it received at once, with the date the result is due.
    await citizenPage.reload();
    await citizenPage.locator('.status-now').getByText('Đã tiếp nhận', { exact: true }).waitFor();
    await citizenPage.getByText('Hẹn trả kết quả', { exact: false }).first().waitFor();

    // The receipt slip is a PDF, opened in a new tab.
    const receipt = page.getByRole('link', { name: 'In giấy tiếp nhận, hẹn trả' });
    await receipt.waitFor();
    expect(await receipt.getAttribute('target')).toBe('_blank');
    const pdf = await page.request.get((await receipt.getAttribute('href')) ?? '');
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toContain('application/pdf');

    // The applicant's registry data, on request (logged with the purpose "dossier processing").
    await page.getByRole('button', { name: 'Xem dữ liệu dân cư' }).click();
    await page.getByText('Quá trình cư trú').waitFor();
    await page.getByText(citizen.nationalId, { exact: true }).first().waitFor();
    await screenshot(page, 'dossier-officer-detail');
    expect((await checkA11y(page)).blocking).toEqual([]);

    await officerCommand(page, 'Yêu cầu bổ sung', 'Cần bổ sung giấy tờ', async (dialog) => {
      await dialog.getByLabel('Giấy tờ, thông tin cần bổ sung').fill('Hợp đồng thuê nhà có chữ ký của chủ nhà');
      await dialog.getByLabel('Lý do', { exact: true }).fill('Bản đã nộp chưa có chữ ký của chủ sở hữu chỗ ở');
      expect((await checkA11y(page)).blocking).toEqual([]);
    });
    await page.getByText('Hợp đồng thuê nhà có chữ ký của chủ nhà', { exact: false }).first().waitFor();
  });

  it('the citizen sees the request first on the dossier page and resubmits with a file (phone)', async () => {
    const page = citizenPage;
    await page.goto(`/me/dossiers/${dossierId}`);
    const request = page.getByRole('region', { name: 'Cần bổ sung giấy tờ' });
    await request.getByText('Hợp đồng thuê nhà có chữ ký của chủ nhà').waitFor();
    await request.getByText('Thời hạn giải quyết tạm dừng', { exact: false }).waitFor();
    expect(await hasHorizontalScroll(page)).toBe(false);
    await screenshot(page, 'dossier-supplement-phone');
    expect((await checkA11y(page)).blocking).toEqual([]);

    await request
      .locator('section[data-document="lawful_dwelling"] input[type=file]')
      .setInputFiles({ name: 'hop-dong-co-chu-ky.pdf', mimeType: 'application/pdf', buffer: PDF });
    await request.getByText('hop-dong-co-chu-ky.pdf').waitFor();
    await request.getByLabel('Ghi chú cho cán bộ (nếu cần)').fill('Đã bổ sung bản có chữ ký.');
    await request.getByRole('button', { name: 'Gửi bổ sung' }).click();
    await page.locator('.status-now').getByText('Đang giải quyết').waitFor();
    expect(await page.getByRole('region', { name: 'Cần bổ sung giấy tờ' }).count()).toBe(0);
    await page.getByRole('link', { name: 'hop-dong-co-chu-ky.pdf' }).waitFor();
  });

  it('the officer approves and issues the result; the citizen sees it in "Hồ sơ của tôi"', async () => {
    const page = officerPage;
    await page.reload();
    await page.locator('.page-title').getByText('Đang giải quyết', { exact: true }).waitFor();
    await officerCommand(page, 'Duyệt hồ sơ', 'Đã duyệt');
    await officerCommand(page, 'Trả kết quả giải quyết', 'Đã có kết quả');
    await screenshot(page, 'dossier-officer-result');
    expect(officerProblems).toEqual([]);

    const mine = citizenPage;
    await mine.goto('/me/dossiers');
    await mine.getByRole('heading', { level: 1, name: 'Hồ sơ của tôi' }).waitFor();
    const card = mine.locator('.dossier-card').filter({ hasText: code });
    await card.getByText('Đã có kết quả').waitFor();
    expect(await hasHorizontalScroll(mine)).toBe(false);
    await screenshot(mine, 'dossier-mine-phone');
    expect((await checkA11y(mine)).blocking).toEqual([]);
    await card.click();
    await mine.getByText('Hồ sơ đã có kết quả', { exact: false }).waitFor();
    for (const step of [
      'Nộp hồ sơ',
      'Tiếp nhận hồ sơ',
      'Yêu cầu bổ sung giấy tờ',
      'Đã nộp bổ sung',
      'Hồ sơ được duyệt',
      'Có kết quả giải quyết',
    ]) {
      await mine.locator('.dossier-timeline').getByText(step, { exact: true }).waitFor();
    }
    expect(citizenProblems).toEqual([]);
  });

  it('anyone looks the dossier up by code (from the QR link) and ID number, signed out', async () => {
    const { page, context, problems } = await openPage(browser, `/tra-cuu?ma=${encodeURIComponent(code)}`, {
      viewport: PHONE,
    });
    await page.getByRole('heading', { level: 1, name: 'Tra cứu tình trạng hồ sơ' }).waitFor();
    expect(await page.getByLabel('Mã hồ sơ').inputValue()).toBe(code);
    await page.getByLabel('Số định danh cá nhân của người nộp').fill('012345678901');
    await page.getByRole('button', { name: 'Tra cứu' }).click();
    await page
      .getByRole('alert')
      .filter({ hasText: /Không tìm thấy|không/ })
      .first()
      .waitFor();
    expect(await page.getByText('Đã có kết quả').count()).toBe(0);

    await page.getByLabel('Số định danh cá nhân của người nộp').fill(citizen.nationalId);
    await page.getByRole('button', { name: 'Tra cứu' }).click();
    const result = page.getByRole('region', { name: 'Đăng ký tạm trú' });
    await result.getByText('Đã có kết quả', { exact: true }).first().waitFor();
    await result.getByText(code, { exact: true }).waitFor();
    expect(await page.getByText(citizen.fullName).count()).toBe(0); // no personal data in the public answer
    expect(await hasHorizontalScroll(page)).toBe(false);
    await screenshot(page, 'dossier-lookup-phone');
    expect((await checkA11y(page)).blocking).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('shows the Standing Agency the dossier read-only (it watches, the commune decides)', async () => {
    const { page, context, problems } = await openPage(browser, `/dossiers/${dossierId}`, { as: 'thuongtruc.tinh' });
    await page.getByRole('heading', { level: 1, name: `Hồ sơ ${code}` }).waitFor();
    await page.getByText('Không có thao tác nào lúc này.').waitFor();
    expect(await page.getByRole('region', { name: 'Thao tác với hồ sơ' }).getByRole('button').count()).toBe(0);
    expect(problems).toEqual([]);
    await context.close();
  });
});
