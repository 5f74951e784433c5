import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { checkA11y, hasHorizontalScroll, launchBrowser, openPage, PHONE, screenshot } from './browser';

/*
 * Issue 14 §1: a visitor on a phone lands on a public front door — find a procedure without
 * accents, the procedures by field, follow a dossier, sign in — and an unknown address is "not
 * found", not the sign-in page.
 */

describe('the public front door', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => browser?.close());

  it('greets a visitor on a phone with the search, the procedures by field, the lookup and sign-in', async () => {
    const { page, context, problems } = await openPage(browser, '/', { viewport: PHONE });
    await page.getByRole('heading', { level: 1, name: 'Dịch vụ công trực tuyến tỉnh Lai Châu' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/');
    for (const field of ['Cư trú', 'Hộ tịch', 'Liên thông'])
      await page.getByRole('heading', { level: 3, name: field, exact: true }).waitFor();
    await page.getByRole('link', { name: /^Xem tất cả \d+ thủ tục cư trú$/ }).waitFor();
    // The most used first: the residence procedure with the most filings of the last 90 days leads its list.
    const popular = (await (await page.request.get('/api/v1/dossiers/popular')).json()) as {
      items: Array<{ procedureCode: string; count: number }>;
    };
    const catalog = (await (await page.request.get('/api/v1/procedures?field=residence')).json()) as {
      items: Array<{ code: string; nameVi: string }>;
    };
    const top = popular.items.find((i) => catalog.items.some((p) => p.code === i.procedureCode));
    expect(top, 'the demo province has residence dossiers').toBeDefined();
    const name = catalog.items.find((p) => p.code === top!.procedureCode)!.nameVi;
    const first = page.getByRole('region', { name: 'Cư trú' }).getByRole('link').first();
    expect(await first.textContent()).toBe(name);
    expect(await hasHorizontalScroll(page)).toBe(false);
    await screenshot(page, 'public-home');
    expect((await checkA11y(page)).blocking).toEqual([]);

    // Searching without accents opens the catalog with the matching procedures.
    await page.getByLabel('Bạn cần làm thủ tục gì?').fill('tam tru');
    await page.getByRole('button', { name: 'Tìm thủ tục' }).click();
    await page.waitForURL(/\/procedures\?q=tam/);
    await page
      .getByRole('link', { name: /Đăng ký tạm trú/ })
      .first()
      .waitFor();
    // The catalog's bar leads to the lookup too (no sign-in needed), and fits the phone.
    await page.getByRole('navigation').getByRole('link', { name: 'Tra cứu hồ sơ', exact: true }).waitFor();
    expect(await hasHorizontalScroll(page)).toBe(false);

    // Back home, the lookup and the sign-in are one tap away.
    await page.goBack();
    await page.getByRole('button', { name: 'Tra cứu hồ sơ' }).click();
    await page.getByRole('heading', { level: 1, name: 'Tra cứu tình trạng hồ sơ' }).waitFor();
    await page.goBack();
    await page.getByRole('button', { name: 'Đăng nhập bằng VNeID để nộp hồ sơ' }).click();
    await page.waitForURL(/\/login/);
    expect(problems).toEqual([]);
    await context.close();
  });

  it("lets a visitor pick their commune and see its help desk and the province's centre, tel: and mailto: links", async () => {
    const { page, context, problems } = await openPage(browser, '/', { viewport: PHONE });
    const help = page.getByRole('region', { name: 'Cần hỗ trợ?' });
    const commune = help.getByLabel('Bạn ở xã, phường nào?');
    // Before a choice: the province's centre (demo data) and the general advice.
    await help
      .getByRole('heading', { level: 3, name: 'Trung tâm Phục vụ hành chính công tỉnh Lai Châu (demo)' })
      .waitFor();
    await help.getByText(/Đến Bộ phận Một cửa của Ủy ban nhân dân xã, phường nơi bạn ở/).waitFor();

    await commune.selectOption({ label: 'Phường Đoàn Kết' });
    const desk = help.getByRole('article', { name: 'Bộ phận Một cửa phường Đoàn Kết (demo)' });
    await desk.waitFor();
    expect(await desk.getByRole('link', { name: '0213 0000 011' }).getAttribute('href')).toBe('tel:02130000011');
    expect(await desk.getByRole('link', { name: 'motcua-doanket.demo@example.org' }).getAttribute('href')).toBe(
      'mailto:motcua-doanket.demo@example.org',
    );
    await help.getByRole('article', { name: 'Công an phường Đoàn Kết (demo)' }).waitFor();
    await help.getByRole('article', { name: 'Trung tâm Phục vụ hành chính công tỉnh Lai Châu (demo)' }).waitFor();
    // The commune has its own desks: the general advice gives way to them.
    expect(await help.getByText(/Đến Bộ phận Một cửa của Ủy ban nhân dân xã/).count()).toBe(0);
    expect(await hasHorizontalScroll(page)).toBe(false);
    await screenshot(page, 'public-home-help-desks');
    expect((await checkA11y(page)).blocking).toEqual([]);

    // A commune with nothing recorded keeps the general advice (no number made up), with the province's centre.
    await commune.selectOption({ label: 'Xã Bình Lư' });
    await help.getByText('Chưa có thông tin liên hệ của Xã Bình Lư trên trang này.').waitFor();
    await help.getByText(/Đến Bộ phận Một cửa của Ủy ban nhân dân xã/).waitFor();
    await help.getByRole('article', { name: 'Trung tâm Phục vụ hành chính công tỉnh Lai Châu (demo)' }).waitFor();
    expect(await help.getByRole('article').count()).toBe(1);

    // The choice is remembered on this device.
    await page.reload();
    await page.getByText('Chưa có thông tin liên hệ của Xã Bình Lư trên trang này.').waitFor();
    expect(await page.getByLabel('Bạn ở xã, phường nào?').inputValue()).toMatch(/^\d{5}$/);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('answers "not found" for an unknown address, with a way home', async () => {
    const { page, context, problems } = await openPage(browser, '/thu-tuc', { viewport: PHONE });
    await page.getByRole('heading', { level: 1, name: 'Không tìm thấy trang' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/thu-tuc');
    await page.getByRole('button', { name: 'Về trang chủ' }).click();
    await page.getByRole('heading', { level: 1, name: 'Dịch vụ công trực tuyến tỉnh Lai Châu' }).waitFor();
    expect(problems).toEqual([]);
    await context.close();
  });

  it('accepts an ID number typed in groups with spaces in the status lookup', async () => {
    const { page, context } = await openPage(browser, '/tra-cuu?ma=000.00.12.X99-261207-9999', { viewport: PHONE });
    await page.getByLabel('Số định danh cá nhân của người nộp').fill('0121 9000 0101');
    await page.getByRole('button', { name: 'Tra cứu' }).click();
    // Sent (no form error): the server answers that no such dossier exists.
    await page
      .getByRole('alert')
      .filter({ hasText: /Không tìm thấy/ })
      .first()
      .waitFor();
    expect(await page.getByText('Số định danh cá nhân gồm 12 chữ số').count()).toBe(0);
    await context.close();
  });
});
