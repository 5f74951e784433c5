import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { SandboxMail } from '../src/contracts/notifications';
import {
  api,
  checkA11y,
  dialogsSettled,
  fillNewAddress,
  findPerson,
  launchBrowser,
  openPage,
  PDF,
  PHONE,
  PNG,
  screenshot,
  signInWithEid,
} from './browser';

/*
 * Issue 17 §6, the whole service in one browser journey: a citizen chooses e-mail and files a
 * temporary residence registration online; the commune police receive it — the "received" e-mail
 * arrives at the app's local SMTP server (read back from what it kept) and the in-app message in
 * the citizen's inbox; the police ask for a supplement (message and e-mail), the citizen resubmits,
 * the police approve, issue and hand over the result ("result ready"); the citizen follows the
 * message's rating link and rates; the police see the rating; the national portal's sandbox shows
 * every state change of the dossier, in order.
 */

/** The commune police of Xã Mường Tè (demo account, a session made in global-setup.ts). */
const OFFICER = 'ca.muongte';
const OFFICER_UNIT = '03445';
/** Đăng ký tạm trú: handled by the commune police, level 2 e-ID, documents an officer can ask to supplement. */
const PROCEDURE = '1.004194';
/** The administrator: reads what the local SMTP server received (notifications.outbox.read). */
const ADMIN = 'quantri';
/** What the background jobs deliver (notifications and pushes, collected every 5 s) is waited for up to this. */
const DELIVERY = { timeout: 30_000, interval: 500 };

describe('the service journey: file, told by e-mail and in the app, supplement, result, rating, national sync', () => {
  let browser: Browser;
  let citizen: { id: string; fullName: string; nationalId: string };
  let citizenContext: BrowserContext;
  let citizenPage: Page;
  let citizenProblems: string[];
  let officerContext: BrowserContext;
  let officerPage: Page;
  let officerProblems: string[];
  /** This run's own e-mail domain: the local SMTP server keeps every run's mail. */
  const mailDomain = `hanh-trinh-${Date.now().toString(36)}.example.vn`;
  const email = `congdan@${mailDomain}`;
  let code = '';
  let dossierId = '';

  /**
   * The mail the local SMTP server received for this dossier at this run's address, oldest first
   * (subjects "Vietnamese / English").
   */
  const mailOf = async (): Promise<SandboxMail[]> =>
    (await api<SandboxMail[]>('/api/v1/notifications/sandbox-mail', undefined, { as: ADMIN }))
      .filter((m) => m.subject?.includes(code) && m.rcptTo.some((r) => r.endsWith(`@${mailDomain}`)))
      .reverse();

  /** Reloads the citizen's inbox until the message with `subject` is there; returns its text. */
  async function inboxMessage(subject: string): Promise<string> {
    const page = citizenPage;
    const item = page.locator('li.notification-item').filter({ hasText: subject });
    await expect
      .poll(async () => {
        await page.goto('/me/thong-bao');
        await page.getByRole('heading', { level: 1, name: 'Thông báo của tôi' }).waitFor();
        // The inbox has loaded: its messages, or the note that there are none.
        await page.locator('li.notification-item').or(page.getByText('Chưa có thông báo nào')).first().waitFor();
        return item.count();
      }, DELIVERY)
      .toBe(1);
    return (await item.textContent()) ?? '';
  }

  /** Runs a command from the officer's dossier page through its dialog and waits for the new state. */
  async function officerCommand(
    button: string,
    state: string,
    fill?: (dialog: ReturnType<Page['getByRole']>) => Promise<void>,
  ): Promise<void> {
    const page = officerPage;
    await page
      .getByRole('region', { name: 'Thao tác với hồ sơ' })
      .getByRole('button', { name: button, exact: true })
      .click();
    const dialog = page.getByRole('dialog', { name: button });
    await dialog.waitFor();
    await dialogsSettled(page);
    if (fill) await fill(dialog);
    await dialog.getByRole('button', { name: button, exact: true }).click();
    const refusal = dialog.locator('.ant-alert-error, .ant-form-item-explain-error').first();
    await Promise.race([dialog.waitFor({ state: 'hidden' }), refusal.waitFor()]);
    if (await refusal.isVisible()) throw new Error(`"${button}" was refused: ${await refusal.textContent()}`);
    await page.locator('.page-title').getByText(state, { exact: true }).waitFor();
  }

  beforeAll(async () => {
    browser = await launchBrowser();
    // A level 2 e-ID adult of Mường Tè from an ethnic minority (exempt from the residence fee, so no
    // payment step), found by other names than the other journeys' citizens.
    citizen = await findPerson<{ eId: { level: number }; birthYear: number; ethnicityCode: string | null }>(
      OFFICER_UNIT,
      (d) => d.eId.level === 2 && d.birthYear <= 2000 && !!d.ethnicityCode && d.ethnicityCode !== '01',
      ['sung', 'giang', 'lu', 'lo', 'van', 'thi'],
    );
  });
  afterAll(async () => {
    await citizenContext?.close();
    await officerContext?.close();
    await browser?.close();
  });

  it('the citizen signs in with the e-ID, chooses e-mail and files a temporary residence registration (phone)', async () => {
    ({
      page: citizenPage,
      context: citizenContext,
      problems: citizenProblems,
    } = await openPage(browser, '/me/thong-bao', { viewport: PHONE }));
    const page = citizenPage;
    await signInWithEid(page, citizen.nationalId);
    await page.getByRole('heading', { level: 1, name: 'Thông báo của tôi' }).waitFor();
    const channels = page.locator('.section-card').filter({ hasText: 'Kênh nhận thông báo' });
    const emailSwitch = channels.getByRole('switch', { name: 'Nhận qua e-mail' });
    await emailSwitch.waitFor();
    if ((await emailSwitch.getAttribute('aria-checked')) !== 'true') await emailSwitch.click();
    await channels.getByLabel('Địa chỉ e-mail').fill(email);
    await channels.getByRole('button', { name: 'Lưu lựa chọn' }).click();
    await page.getByText('Đã lưu kênh nhận thông báo').waitFor();

    await page.goto(`/procedures/${PROCEDURE}/file`);
    await page.getByRole('heading', { level: 1, name: 'Nộp hồ sơ: Đăng ký tạm trú' }).waitFor();
    await page.locator('#fullName').waitFor();
    expect(await page.locator('#nationalId').inputValue()).toBe(citizen.nationalId);
    await fillNewAddress(page, 'Xã Mường Tè', 'Bản Nậm Củm');
    await page.locator('#requestContent').fill('Đăng ký tạm trú tại nhà người thân để đi làm ở xã Mường Tè.');
    const phone = page.locator('#phone');
    if ((await phone.getAttribute('readonly')) === null && !(await phone.inputValue())) await phone.fill('0912345678');
    const dwelling = page.locator('section[data-document="lawful_dwelling"]');
    await dwelling
      .locator('input[type=file]')
      .setInputFiles({ name: 'hop-dong-thue-nha.png', mimeType: 'image/png', buffer: PNG });
    await dwelling.getByText('hop-dong-thue-nha.png').waitFor();
    await page.getByTestId('fee-summary').waitFor();
    expect(
      (await page.getByTestId('fee-due').textContent())?.replace(/\s/g, ''),
      'the journey needs a citizen exempt from the fee',
    ).toBe('0đồng');
    await page.getByRole('button', { name: 'Nộp hồ sơ', exact: true }).click();
    await page.getByRole('heading', { name: 'Đã nộp hồ sơ' }).waitFor();
    code = ((await page.getByTestId('filed-code').textContent()) ?? '').trim();
    expect(code).toMatch(/^\S+-\d{6}-\d{4}$/);
    await page.getByRole('button', { name: 'Xem hồ sơ vừa nộp' }).click();
    await page.getByRole('heading', { level: 1, name: 'Đăng ký tạm trú' }).waitFor();
    dossierId = new URL(page.url()).pathname.split('/').pop() ?? '';
    await page.locator('.status-now').getByText('Đã nộp, chờ tiếp nhận').waitFor();
  });

  it('the commune police receive it; the "received" e-mail reaches the SMTP server and the message the inbox', async () => {
    ({
      page: officerPage,
      context: officerContext,
      problems: officerProblems,
    } = await openPage(browser, `/dossiers/${dossierId}`, { as: OFFICER }));
    await officerPage.getByRole('heading', { level: 1, name: `Hồ sơ ${code}` }).waitFor();
    await officerCommand('Tiếp nhận', 'Đã tiếp nhận');

    // Sent by the queue's job over SMTP to the server the app started itself (SMTP_URL unset), which keeps it.
    await expect
      .poll(async () => (await mailOf()).map((m) => m.subject?.split(' / ')[0]), DELIVERY)
      .toEqual([`Hồ sơ ${code} đã được tiếp nhận`]);
    const [received] = await mailOf();
    expect(received!.subject).toBe(`Hồ sơ ${code} đã được tiếp nhận / Dossier ${code} received`);
    expect(received!.rcptTo).toEqual([`c***@${mailDomain}`]);
    expect(received!.duplicates).toBe(0);

    const text = await inboxMessage(`Hồ sơ ${code} đã được tiếp nhận`);
    expect(text).toContain('Tiếp nhận hồ sơ');
    expect(text).toMatch(/Ngày hẹn trả kết quả: \d{2}\/\d{2}\/\d{4} \d{2}:\d{2}/);
    await screenshot(citizenPage, 'journey-inbox-received');
    expect((await checkA11y(citizenPage)).blocking).toEqual([]);
  });

  it('the police ask for a supplement; the citizen is told (inbox and e-mail) and resubmits (phone)', async () => {
    await officerCommand('Yêu cầu bổ sung', 'Cần bổ sung giấy tờ', async (dialog) => {
      await dialog.getByLabel('Giấy tờ, thông tin cần bổ sung').fill('Hợp đồng thuê nhà có chữ ký của chủ nhà');
      await dialog.getByLabel('Lý do', { exact: true }).fill('Bản đã nộp chưa có chữ ký của chủ sở hữu chỗ ở');
    });

    const text = await inboxMessage(`Hồ sơ ${code} cần bổ sung`);
    expect(text).toContain('- Hợp đồng thuê nhà có chữ ký của chủ nhà: Bản đã nộp chưa có chữ ký của chủ sở hữu chỗ ở');
    await expect
      .poll(async () => (await mailOf()).map((m) => m.subject?.split(' / ')[0]), DELIVERY)
      .toEqual([`Hồ sơ ${code} đã được tiếp nhận`, `Hồ sơ ${code} cần bổ sung`]);

    const page = citizenPage;
    await page.goto(`/me/dossiers/${dossierId}`);
    const request = page.getByRole('region', { name: 'Cần bổ sung giấy tờ' });
    await request.getByText('Hợp đồng thuê nhà có chữ ký của chủ nhà').waitFor();
    await request
      .locator('section[data-document="lawful_dwelling"] input[type=file]')
      .setInputFiles({ name: 'hop-dong-co-chu-ky.pdf', mimeType: 'application/pdf', buffer: PDF });
    await request.getByText('hop-dong-co-chu-ky.pdf').waitFor();
    await request.getByLabel('Ghi chú cho cán bộ (nếu cần)').fill('Đã bổ sung bản có chữ ký.');
    await request.getByRole('button', { name: 'Gửi bổ sung' }).click();
    await page.locator('.status-now').getByText('Đang giải quyết').waitFor();
  });

  it('the police approve, issue the result and hand it over; the citizen gets "result ready"', async () => {
    const page = officerPage;
    await page.reload();
    await page.locator('.page-title').getByText('Đang giải quyết', { exact: true }).waitFor();
    await page.getByRole('link', { name: 'hop-dong-co-chu-ky.pdf' }).waitFor();
    await officerCommand('Duyệt hồ sơ', 'Đã duyệt');
    await officerCommand('Trả kết quả giải quyết', 'Đã có kết quả');
    await officerCommand('Đã giao kết quả', 'Đã trả kết quả');

    const text = await inboxMessage(`Đã có kết quả hồ sơ ${code}`);
    expect(text).toContain('Có kết quả');
    await expect
      .poll(async () => (await mailOf()).map((m) => m.subject?.split(' / ')[0]), DELIVERY)
      .toEqual([`Hồ sơ ${code} đã được tiếp nhận`, `Hồ sơ ${code} cần bổ sung`, `Đã có kết quả hồ sơ ${code}`]);
    expect((await mailOf()).every((m) => m.duplicates === 0)).toBe(true);
  });

  it('the citizen follows the rating link of the result message and rates; the police see the rating', async () => {
    const page = citizenPage;
    const message = page.locator('li.notification-item').filter({ hasText: `Đã có kết quả hồ sơ ${code}` });
    const link = /https?:\/\/\S+\/danh-gia\/[\w-]+/.exec((await message.textContent()) ?? '')?.[0];
    expect(link, 'the result message carries the rating link').toBeDefined();
    await page.goto(link!);
    const card = page.locator('#danh-gia');
    await card.getByText('Bạn thấy việc giải quyết hồ sơ này thế nào?').waitFor();
    expect(new URL(page.url()).pathname).toBe(`/me/dossiers/${dossierId}`);
    await card.getByRole('button', { name: /Hài lòng/ }).click();
    await card.getByLabel('Góp ý thêm (không bắt buộc)').fill('Được báo từng bước qua e-mail, rất tiện.');
    expect((await checkA11y(page)).blocking).toEqual([]);
    await screenshot(page, 'journey-rating');
    await card.getByRole('button', { name: 'Gửi đánh giá' }).click();
    await card.getByText('Bạn đã đánh giá: Hài lòng').waitFor();
    expect(citizenProblems).toEqual([]);

    const officer = officerPage;
    await officer.reload();
    await officer.getByRole('heading', { level: 1, name: `Hồ sơ ${code}` }).waitFor();
    const rating = officer.getByTestId('dossier-rating');
    await rating.getByText('Hài lòng', { exact: true }).waitFor();
    await rating.getByText('Được báo từng bước qua e-mail, rất tiện.').waitFor();
    await rating.getByText(/qua đường dẫn trong thông báo kết quả/).waitFor();
    await screenshot(officer, 'journey-officer-rating');
    expect((await checkA11y(officer)).blocking).toEqual([]);
    expect(officerProblems).toEqual([]);
  });

  it('the national portal sandbox shows every state change of the dossier, in order', async () => {
    const { page, context, problems } = await openPage(browser, '/', { as: ADMIN });
    const rows = page.locator('tbody tr');
    const expected = [
      '1 — Mới đăng ký',
      '2 — Được tiếp nhận',
      '5 — Yêu cầu bổ sung giấy tờ',
      '4 — Đang xử lý',
      '9 — Đã xử lý xong', // approved
      '9 — Đã xử lý xong', // result issued
      '10 — Đã trả kết quả',
    ];
    // Collected every 5 s and pushed by the queue's jobs, one after the other.
    await expect
      .poll(async () => {
        await page.goto(`/portal-sandbox?ma=${encodeURIComponent(code)}`);
        await page.getByRole('heading', { level: 1, name: 'Đồng bộ hồ sơ đã nhận' }).waitFor();
        return rows.count();
      }, DELIVERY)
      .toBe(expected.length);
    const cells = await rows.evaluateAll((trs) =>
      trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => (td.textContent ?? '').trim())),
    );
    expect(cells.map((c) => c[0])).toEqual(expected.map((_, i) => String(i + 1)));
    expect(cells.map((c) => c[1])).toEqual(expected);
    expect(cells.map((c) => c[3])).toEqual(expected.map(() => 'Đúng thứ tự'));
    expect(cells.map((c) => c[4])).toEqual(expected.map(() => '0'));
    await screenshot(page, 'journey-portal-sandbox');
    expect(problems).toEqual([]);
    await context.close();
  });
});
