import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { PilotModel } from '../src/contracts/pilots';
import { PDF, PHONE, api, checkA11y, hasHorizontalScroll, launchBrowser, openPage, screenshot } from './browser';

const OFFICER = 'mohinh.doanket'; // focal officer of pilot models, UBND phường Đoàn Kết (03388)

/** Registers a pilot model of Đoàn Kết through the API, as its focal officer (a fresh one each run). */
function registerModel(title: string): Promise<PilotModel> {
  return api<PilotModel>(
    '/api/v1/pilots/models',
    {
      unitCode: '03388',
      agencyName: 'UBND phường Đoàn Kết (e2e)',
      sector: 'people_committee',
      title,
      description: 'Mô hình thử của hành trình trình duyệt (dữ liệu mẫu).',
      targets: [1, 4],
      letterNumber: '1074/UBND-KSTT',
      letterDate: '2023-03-27',
    },
    { as: OFFICER },
  );
}

/** Uploads a plan through the API (multipart), as the focal officer. */
async function uploadPlan(id: string): Promise<void> {
  const session = inject('sessions')[OFFICER]!;
  const form = new FormData();
  form.append('file', new Blob([PDF], { type: 'application/pdf' }), 'ke-hoach.pdf');
  const res = await fetch(`${inject('baseUrl')}/api/v1/pilots/models/${id}/plan`, {
    method: 'POST',
    headers: { cookie: `${session.cookieName}=${session.cookieValue}`, 'x-csrf-token': session.csrfToken },
    body: form,
  });
  if (!res.ok) throw new Error(`plan upload: ${res.status} ${await res.text()}`);
}

describe('pilot models (target 14)', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('lets an agency’s focal officer upload the plan of a model, which becomes “planned”', async () => {
    const title = `Mô hình hướng dẫn nộp hồ sơ trực tuyến tại quầy ${Date.now()} (e2e)`;
    const model = await registerModel(title);
    const { page, context, problems } = await openPage(browser, '/pilots', { as: OFFICER });
    await page.getByRole('heading', { level: 1, name: 'Mô hình điểm Đề án 06' }).waitFor();
    await page.getByText('Số hoá sổ hộ tịch phường Đoàn Kết (demo)').waitFor(); // the demo's model of the ward
    await page.getByRole('link', { name: title }).click();
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    expect(await page.getByTestId('pilot-state').textContent()).toContain('Đã đăng ký');

    await page.getByLabel('Chọn tệp kế hoạch', { exact: false }).setInputFiles({
      name: 'ke-hoach-trien-khai.pdf',
      mimeType: 'application/pdf',
      buffer: PDF,
    });
    await page.getByRole('button', { name: 'Tải lên kế hoạch' }).click();
    await page.getByRole('link', { name: 'ke-hoach-trien-khai.pdf' }).waitFor();
    await page.getByTestId('pilot-state').getByText('Đã có kế hoạch').waitFor();
    await page.getByText('Tải lên kế hoạch triển khai: ke-hoach-trien-khai.pdf').waitFor(); // the history row
    const stored = await api<PilotModel>(`/api/v1/pilots/models/${model.id}`, undefined, { as: OFFICER });
    expect(stored.state).toBe('planned');
    await screenshot(page, 'pilots-planned');
    expect((await checkA11y(page)).blocking).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('lets the Standing Agency evaluate a completed model and propose a commendation', async () => {
    const title = `Mô hình thanh toán lệ phí trực tuyến ${Date.now()} (e2e)`;
    const model = await registerModel(title);
    await uploadPlan(model.id);
    for (const to of ['in_progress', 'completed'])
      await api(`/api/v1/pilots/models/${model.id}/transitions`, { to }, { as: OFFICER });

    const { page: p, context, problems } = await openPage(browser, `/pilots/${model.id}`, { as: 'thuongtruc.tinh' });
    await p.getByRole('heading', { level: 1, name: title }).waitFor();
    await p.getByLabel('Nội dung đánh giá').fill('Mô hình đạt mục tiêu, cách làm có thể nhân rộng ra các xã.');
    await p.getByLabel('Xếp loại').click();
    await p.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: 'Tốt' }).click();
    await p.getByRole('radio', { name: 'Có' }).check();
    await p.getByLabel('Lý do đề xuất khen thưởng').fill('Hoàn thành đúng hạn, vượt chỉ tiêu hồ sơ trực tuyến.');
    await p.getByRole('button', { name: 'Ghi kết quả đánh giá' }).click();
    await p.getByTestId('pilot-state').getByText('Đã đánh giá').waitFor();
    await p.getByText('Có: Hoàn thành đúng hạn, vượt chỉ tiêu hồ sơ trực tuyến.').waitFor();
    await screenshot(p, 'pilots-evaluated');
    expect((await checkA11y(p)).blocking).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('shows the list with its overdue flags on a phone without scrolling sideways', async () => {
    const { page, context, problems } = await openPage(browser, '/pilots', { as: 'thuongtruc.tinh', viewport: PHONE });
    await page.getByRole('heading', { level: 1, name: 'Mô hình điểm Đề án 06' }).waitFor();
    await page.getByText('Quá hạn gửi kế hoạch').first().waitFor(); // the demo's tax model has no plan
    expect(await hasHorizontalScroll(page)).toBe(false);
    await screenshot(page, 'pilots-phone');
    expect(problems).toEqual([]);
    await context.close();
  });
});
