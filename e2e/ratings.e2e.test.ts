import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { ratingLinkToken } from '../src/server/modules/service-index/rating-link';
import { testConfig } from '../test/db';
import {
  api,
  checkA11y,
  findPerson,
  hasHorizontalScroll,
  launchBrowser,
  openPage,
  PHONE,
  screenshot,
  signInWithEid,
} from './browser';

/*
 * Issue 17 §5–6: a citizen whose residence confirmation was returned opens the link of the result
 * message on a phone, signs in, rates the service with one large button and a comment; the commune
 * police see the rating on the dossier's page.
 */

const OFFICER = 'ca.muongte';
const UNIT = '03445';
// The journeys' server runs with the development defaults: the same SESSION_SECRET as the tests'.
const SECRET = testConfig().SESSION_SECRET!;

describe('a citizen rates a returned dossier and the officer sees it', () => {
  let browser: Browser;
  let citizen: { id: string; fullName: string; nationalId: string };
  let dossier: { id: string; code: string };

  beforeAll(async () => {
    browser = await launchBrowser();
    citizen = await findPerson<{ eId: { level: number }; birthYear: number }>(
      UNIT,
      // An older citizen (the card is made for them), not the one of the residence-confirmation journey.
      (d) => d.eId.level === 2 && d.birthYear <= 1985,
    );
  });
  afterAll(async () => browser?.close());

  it('the citizen files a residence confirmation, which the commune police decide and return', async () => {
    const { page, context, problems } = await openPage(browser, '/procedures/1.010041/file', { viewport: PHONE });
    await signInWithEid(page, citizen.nationalId);
    await page.getByRole('heading', { level: 1, name: 'Nộp hồ sơ: Xác nhận thông tin về cư trú' }).waitFor();
    await page.locator('#fullName').waitFor();
    const phone = page.locator('#phone');
    if ((await phone.getAttribute('readonly')) === null && !(await phone.inputValue())) await phone.fill('0912345678');
    await page.locator('#requestContent').fill('Xác nhận cư trú để làm thủ tục hưởng chế độ.');
    await page.getByRole('button', { name: 'Nộp hồ sơ', exact: true }).click();
    await page.getByRole('heading', { name: 'Đã nộp hồ sơ' }).waitFor();
    const code = ((await page.getByTestId('filed-code').textContent()) ?? '').trim();
    await page.getByRole('button', { name: 'Xem hồ sơ vừa nộp' }).click();
    await page.getByRole('heading', { level: 1, name: 'Xác nhận thông tin về cư trú' }).waitFor();
    dossier = { id: new URL(page.url()).pathname.split('/').pop() ?? '', code };
    // Before the result: no rating card.
    expect(await page.getByRole('heading', { name: 'Đánh giá dịch vụ' }).count()).toBe(0);
    expect(problems).toEqual([]);
    await context.close();
    for (const c of ['receive', 'start_processing', 'approve', 'issue_result', 'return_result'])
      await api(`/api/v1/dossiers/${dossier.id}/commands/${c}`, {}, { as: OFFICER });
  });

  it('opens the result message’s link on a phone, signs in and rates with large buttons', async () => {
    const token = ratingLinkToken(SECRET, dossier.id);
    const { page, context, problems } = await openPage(browser, `/danh-gia/${token}`, { viewport: PHONE });
    await signInWithEid(page, citizen.nationalId);
    const card = page.locator('#danh-gia');
    await card.getByText('Bạn thấy việc giải quyết hồ sơ này thế nào?').waitFor();
    expect(new URL(page.url()).pathname).toBe(`/me/dossiers/${dossier.id}`);
    const satisfied = card.getByRole('button', { name: /Hài lòng/ });
    const box = await satisfied.boundingBox();
    expect(box!.height).toBeGreaterThanOrEqual(48); // a large touch target
    expect(box!.width).toBeGreaterThan(PHONE.width / 2); // one choice per line on a phone
    expect(await hasHorizontalScroll(page)).toBe(false);
    // Sending without a choice says what to do.
    await card.getByRole('button', { name: 'Gửi đánh giá' }).click();
    await card.getByText('Hãy chọn một mức đánh giá ở trên').waitFor();
    await satisfied.click();
    expect(await satisfied.getAttribute('aria-pressed')).toBe('true');
    await card.getByLabel('Góp ý thêm (không bắt buộc)').fill('Cán bộ hướng dẫn tận tình, trả kết quả sớm.');
    expect((await checkA11y(page)).blocking).toEqual([]);
    await screenshot(page, 'citizen-rating-card');
    await card.getByRole('button', { name: 'Gửi đánh giá' }).click();
    await card.getByText('Cảm ơn bạn đã đánh giá.').waitFor();
    await card.getByText('Bạn đã đánh giá: Hài lòng').waitFor();
    expect(await card.getByRole('button', { name: 'Gửi đánh giá' }).count()).toBe(0);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('the commune police see the rating on the dossier’s page', async () => {
    const { page, context, problems } = await openPage(browser, `/dossiers/${dossier.id}`, { as: OFFICER });
    const card = page.getByTestId('dossier-rating');
    await card.getByText('Đánh giá của người dân').waitFor();
    await card.getByText('Hài lòng', { exact: true }).waitFor();
    await card.getByText('Cán bộ hướng dẫn tận tình, trả kết quả sớm.').waitFor();
    await card.getByText(/qua đường dẫn trong thông báo kết quả/).waitFor();
    await screenshot(page, 'officer-dossier-rating');
    expect(problems).toEqual([]);
    await context.close();
  });
});
