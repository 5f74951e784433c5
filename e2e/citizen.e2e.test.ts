import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import {
  api,
  checkA11y,
  choosePurpose,
  confirmEidSignOut,
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
  status: string;
}
interface Purpose {
  code: string;
  nameVi: string;
  active: boolean;
}

/**
 * A living person with a level 2 e-ID account, found by the Standing Agency (which reads records
 * for the purpose `purpose`: this setup read is itself recorded in the person's access log).
 */
async function pickCitizen(purpose: string): Promise<{ id: string; fullName: string; nationalId: string }> {
  for (const name of ['thi', 'van', 'lo', 'giang']) {
    const page = await api<{ items: PersonSummary[] }>('/api/v1/population/persons/search', {
      name,
      page: 1,
      pageSize: 30,
    });
    for (const p of page.items.filter((x) => x.nationalId && x.status === 'alive')) {
      const detail = await api<{ eId: { level: number } }>(`/api/v1/population/persons/${p.id}?purpose=${purpose}`);
      if (detail.eId.level === 2) return { id: p.id, fullName: p.fullName, nationalId: p.nationalId! };
    }
  }
  throw new Error('no living person with a level 2 e-ID account');
}

describe('citizen: sign in with the sandbox e-ID, see who viewed my data, consents', () => {
  let browser: Browser;
  let citizen: { id: string; fullName: string; nationalId: string };
  let purposes: Purpose[];
  let citizenContext: BrowserContext;
  let citizenPage: Page;
  let citizenProblems: string[];

  beforeAll(async () => {
    browser = await launchBrowser();
    purposes = (await api<{ items: Purpose[] }>('/api/v1/audit/purposes')).items.filter((p) => p.active);
    expect(purposes.length).toBeGreaterThan(0);
    // The setup reads for another purpose than the one the officer picks in (b); never the citizen's own `self_service`.
    const setupPurpose =
      purposes.find((p) => p.code !== purposes[0]!.code && p.code !== 'self_service') ?? purposes[0]!;
    citizen = await pickCitizen(setupPurpose.code);
  });
  afterAll(async () => {
    await citizenContext?.close();
    await browser?.close();
  });

  it('signs in through the sandbox e-ID on a phone and sees "Ai đã xem dữ liệu của tôi" (a)', async () => {
    ({
      page: citizenPage,
      context: citizenContext,
      problems: citizenProblems,
    } = await openPage(browser, '/me/access-log', { viewport: PHONE }));
    const page = citizenPage;
    await page.waitForURL(/\/login\?returnTo=%2Fme%2Faccess-log$/);
    await page.getByRole('link', { name: 'Đăng nhập bằng VNeID' }).click();
    await page.locator('#nationalId').waitFor();
    await screenshot(page, 'eid-login-phone');
    await page.locator('#nationalId').fill(citizen.nationalId);
    await page.locator('#passcode').fill('123456');
    await page.getByRole('button', { name: /^Đăng nhập/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Đồng ý chia sẻ thông tin' }).waitFor();
    await screenshot(page, 'eid-consent-phone');
    await page.getByRole('button', { name: /^Đồng ý/ }).click();

    await page.getByRole('heading', { level: 1, name: 'Ai đã xem dữ liệu của tôi' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/me/access-log');
    await page.getByText('lần truy cập', { exact: false }).waitFor();
    expect(await hasHorizontalScroll(page)).toBe(false);
    await screenshot(page, 'citizen-access-log-phone');
    expect((await checkA11y(page)).blocking).toEqual([]);
  });

  it('shows my own record, read-only, on a phone', async () => {
    const page = citizenPage;
    await page.goto('/me');
    await page.getByRole('heading', { level: 1, name: 'Thông tin của tôi' }).waitFor();
    await page.getByText(citizen.fullName, { exact: true }).first().waitFor();
    await page.getByText(citizen.nationalId, { exact: true }).waitFor();
    await page.getByText('Mức 2', { exact: true }).waitFor();
    expect(await page.getByRole('textbox').count()).toBe(0);
    expect(await hasHorizontalScroll(page)).toBe(false);
    await screenshot(page, 'citizen-record-phone');
    expect((await checkA11y(page)).blocking).toEqual([]);
  });

  it('an officer opens the record for a chosen purpose; the citizen then sees that access with role, unit and purpose (b)', async () => {
    const purpose = purposes[0]!;
    const officer = await openPage(browser, '/population/search', { as: STAFF });
    await officer.page.getByLabel('Số định danh cá nhân').fill(citizen.nationalId);
    await officer.page.getByRole('button', { name: 'Tìm kiếm' }).click();
    await officer.page.getByRole('link', { name: citizen.fullName, exact: true }).click();
    expect(await choosePurpose(officer.page, purpose.nameVi)).toBe(purpose.nameVi);
    await officer.page.getByRole('heading', { level: 1, name: citizen.fullName }).waitFor();
    expect(officer.problems).toEqual([]);
    await officer.context.close();

    const page = citizenPage;
    await page.goto('/me/access-log');
    const entry = page
      .locator('.access-card')
      .filter({ hasText: purpose.nameVi })
      .filter({ hasText: 'Xem thông tin công dân' })
      .first();
    await entry.waitFor();
    const text = (await entry.textContent()) ?? '';
    expect(text).toMatch(/\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}/);
    expect(text).toContain('Cơ quan thường trực Đề án 06');
    expect(text).toContain('Lai Châu');
    expect(text).toContain('Thông tin dân cư của bạn'); // the line names what was read
    expect(await page.getByText('(demo)', { exact: false }).count()).toBe(0); // never the officer's account name
    await screenshot(page, 'citizen-access-log-after-officer-phone');
    expect((await checkA11y(page)).blocking).toEqual([]);
  });

  it('gives consent to SMS messages only by ticking an unticked box, and withdraws it', async () => {
    const page = citizenPage;
    await page.goto('/me/consents');
    await page.getByRole('heading', { level: 1, name: 'Sự đồng ý của tôi' }).waitFor();
    await page.getByTestId('consent-text').getByText('tin nhắn SMS', { exact: false }).waitFor();
    const box = page.getByRole('checkbox', { name: 'Tôi đã đọc và đồng ý với nội dung trên' });
    expect(await box.isChecked()).toBe(false);
    const give = page.getByRole('button', { name: 'Xác nhận đồng ý' });
    expect(await give.isDisabled()).toBe(true);
    expect(await hasHorizontalScroll(page)).toBe(false);
    await screenshot(page, 'citizen-consents-phone');
    expect((await checkA11y(page)).blocking).toEqual([]);

    await box.check();
    await give.click();
    await page.getByText('Đang đồng ý từ', { exact: false }).waitFor();
    await page.getByRole('button', { name: 'Rút lại sự đồng ý' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Rút lại sự đồng ý' }).click();
    await page.getByText('Đã rút lại', { exact: true }).waitFor();
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    await page.getByRole('checkbox', { name: 'Tôi đã đọc và đồng ý với nội dung trên' }).waitFor();
    expect(await page.getByRole('checkbox', { name: 'Tôi đã đọc và đồng ý với nội dung trên' }).isChecked()).toBe(
      false,
    );
    await screenshot(page, 'citizen-consents-withdrawn-phone');
    expect((await checkA11y(page)).blocking).toEqual([]);
  });

  it('signs out of DVC06 and of the e-ID', async () => {
    const page = citizenPage;
    await page.getByRole('button', { name: 'Đăng xuất' }).click();
    await confirmEidSignOut(page);
    expect(citizenProblems).toEqual([]);
  });
});
