import { mkdirSync, readFileSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { expect, inject } from 'vitest';
import { AgencyCodesFile, agencyCodeOfEntry, DEMO_PROVINCE_AGENCY_CODE } from '../src/contracts/agency-codes';

/** Where each journey saves one screenshot per page (to look at, not compared). */
export const SHOTS_DIR = '/tmp/dvc06-shots';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Debian's Chromium, driven by playwright-core (`npx playwright install` cannot work here). */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

export interface OpenedPage {
  page: Page;
  context: BrowserContext;
  /** Console errors, uncaught exceptions and CSP violations seen so far. */
  problems: string[];
}

/** The demo account most journeys act as: the Project 06 Standing Agency (whole province). */
export const STAFF = 'thuongtruc.tinh';
/** A phone's viewport (portrait). */
export const PHONE = { width: 390, height: 844 };

export interface OpenOptions {
  viewport?: { width: number; height: number };
  /** Sign in as this demo staff account first (a session made once in global-setup.ts); anonymous when absent. */
  as?: string;
}

/** Gives a browser context the session of a demo staff account. */
export async function signInAs(context: BrowserContext, username: string): Promise<void> {
  const session = inject('sessions')[username];
  if (!session) throw new Error(`no session for ${username}; add it to SESSION_USERS in global-setup.ts`);
  await context.addCookies([{ name: session.cookieName, value: session.cookieValue, url: inject('baseUrl') }]);
}

/** Opens a page of the app in a fresh context (own storage, signed in when `as` is given) and records what goes wrong in it. */
export async function openPage(browser: Browser, path: string, options: OpenOptions = {}): Promise<OpenedPage> {
  const context = await browser.newContext({
    baseURL: inject('baseUrl'),
    viewport: options.viewport ?? { width: 1366, height: 900 },
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
    // As a user who turned on "reduce motion": the app then opens dialogs and lists without
    // animation (shell/AntdProviders.tsx), so no click lands on a list still sliding in.
    reducedMotion: 'reduce',
  });
  if (options.as) await signInAs(context, options.as);
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (message) => {
    // An expected API 404 (e.g. no quality run yet) or 401 (wrong password) is logged by the browser as a failed resource.
    if (
      message.type() === 'error' &&
      !/Failed to load resource: the server responded with a status of (404|401)/.test(message.text())
    ) {
      problems.push(`console: ${message.text()}`);
    }
  });
  // The message and the first frames of the stack: a failure in CI must say where it happened.
  page.on('pageerror', (error) => {
    const problem = `pageerror: ${error.message}\n${(error.stack ?? '').split('\n').slice(1, 6).join('\n')}`;
    problems.push(problem);
    // Also on the test's stderr: a journey that passes on its retry leaves no other trace of it in the log.
    console.error(`[${page.url()}] ${problem}`);
  });
  await page.goto(path);
  return { page, context, problems };
}

/** Violations an accessibility check must not find. */
export interface AxeSummary {
  blocking: Array<{ id: string; impact: string; help: string; nodes: string[] }>;
  minor: string[];
}

/** Runs axe-core on the page; `blocking` lists the serious and critical violations. */
export async function checkA11y(page: Page): Promise<AxeSummary> {
  // A dialog or message half-way through its fade has low contrast for a moment: let antd's animations finish.
  await page
    .waitForFunction(
      () =>
        ![...document.querySelectorAll('[class*="-enter"], [class*="-appear"], [class*="-leave"]')].some((el) =>
          [...el.classList].some((c) => /^ant-.*-(enter|appear|leave)(-active|-prepare|-start)?$/.test(c)),
        ),
      undefined,
      { timeout: 5_000 },
    )
    .catch(() => undefined);
  const result = await new AxeBuilder({ page }).analyze();
  const blocking = result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({
      id: v.id,
      impact: v.impact ?? '',
      help: v.help,
      nodes: v.nodes.slice(0, 5).map((n) => n.target.join(' ')),
    }));
  const minor = result.violations
    .filter((v) => v.impact !== 'serious' && v.impact !== 'critical')
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.nodes
          .slice(0, 3)
          .map((n) => n.target.join(' '))
          .join(', ')}`,
    );
  if (process.env.E2E_AXE_VERBOSE && minor.length) console.warn(`axe on ${page.url()}:\n  ${minor.join('\n  ')}`);
  return { blocking, minor };
}

/** Saves a full-page screenshot as /tmp/dvc06-shots/<name>.png. */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SHOTS_DIR, { recursive: true });
  await page.screenshot({ path: `${SHOTS_DIR}/${name}.png`, fullPage: true });
}

/** True when the document is wider than the viewport (the user would have to scroll sideways). */
export function hasHorizontalScroll(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth + 1);
}

/** Calls the API from the test process (to pick test data or prepare state), as a demo staff account. */
export async function api<T>(path: string, body?: unknown, options: { as?: string; method?: string } = {}): Promise<T> {
  const session = inject('sessions')[options.as ?? STAFF];
  const method = options.method ?? (body === undefined ? 'GET' : 'POST');
  const headers: Record<string, string> = {};
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (session) {
    headers.cookie = `${session.cookieName}=${session.cookieValue}`;
    if (method !== 'GET') headers['x-csrf-token'] = session.csrfToken;
  }
  const response = await fetch(`${inject('baseUrl')}${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

/**
 * Answers the purpose dialog of a person's record: checks that nothing is pre-selected and
 * "Xem thông tin" is disabled until a choice, picks `purposeName` (or the first), confirms.
 * Returns the name of the purpose chosen.
 */
export async function choosePurpose(page: Page, purposeName?: string): Promise<string> {
  const dialog = page.getByRole('dialog', { name: 'Bạn xem thông tin này để làm gì?' });
  await dialog.waitFor();
  const radios = dialog.getByRole('radio');
  await radios.first().waitFor();
  const ok = dialog.getByRole('button', { name: 'Xem thông tin' });
  if (!(await ok.isDisabled())) throw new Error('"Xem thông tin" is enabled before a purpose is chosen');
  for (const radio of await radios.all()) {
    if (await radio.isChecked()) throw new Error('a purpose is pre-selected');
  }
  const radio = purposeName ? dialog.getByRole('radio', { name: purposeName, exact: true }) : radios.first();
  const label = purposeName ?? ((await dialog.locator('.purpose-option').first().textContent()) ?? '').trim();
  await radio.check();
  await ok.click();
  await dialog.waitFor({ state: 'hidden' });
  return label;
}

/** A 1×1 PNG and a one-page PDF for attachments: the server reads the type from the bytes. */
export const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);
export const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);

/** Signs in through the sandbox e-ID (demo passcode) from the /login page the app redirected to. */
export async function signInWithEid(page: Page, nationalId: string): Promise<void> {
  await page.waitForURL(/\/login\?returnTo=/);
  await page.getByRole('link', { name: 'Đăng nhập bằng VNeID' }).click();
  await page.locator('#nationalId').fill(nationalId);
  await page.locator('#passcode').fill('123456');
  await page.getByRole('button', { name: /^Đăng nhập/ }).click();
  await page.getByRole('button', { name: /^Đồng ý/ }).click();
}

/**
 * Waits until no dialog is still opening: a click or a keystroke during antd's opening animation
 * can be lost on a loaded machine.
 */
export async function dialogsSettled(page: Page): Promise<void> {
  await page.waitForFunction(
    () => !document.querySelector('.ant-modal[class*="-appear"], .ant-modal[class*="-enter"]'),
  );
}

/** Opens a command's dialog from the officer's dossier page ("Thao tác với hồ sơ"), once it has settled. */
export async function openCommand(page: Page, name: string): Promise<Locator> {
  await page.getByRole('region', { name: 'Thao tác với hồ sơ' }).getByRole('button', { name, exact: true }).click();
  const dialog = page.getByRole('dialog', { name });
  await dialog.waitFor();
  await dialogsSettled(page);
  return dialog;
}

/**
 * Runs a command from the officer's dossier page: fills `values` by label, confirms, and returns
 * the refusal the dialog shows, or null once the dialog closes.
 */
export async function runCommand(
  page: Page,
  name: string,
  values: Record<string, string> = {},
): Promise<string | null> {
  const dialog = await openCommand(page, name);
  for (const [label, value] of Object.entries(values)) await dialog.getByLabel(label, { exact: true }).fill(value);
  await dialog.getByRole('button', { name, exact: true }).click();
  const refusal = dialog.locator('.ant-alert-error').first();
  await Promise.race([dialog.waitFor({ state: 'hidden' }), refusal.waitFor()]);
  return (await refusal.isVisible()) ? ((await refusal.textContent()) ?? '') : null;
}

/**
 * After "Đăng xuất" was pressed for a citizen: confirms the sign-out at the e-ID too, which sends
 * the browser back to the portal's front door (`/`, the e-ID's post-logout address), and checks
 * the app no longer knows the session.
 */
export async function confirmEidSignOut(page: Page): Promise<void> {
  await page.getByRole('heading', { level: 1, name: 'Đăng xuất tài khoản định danh điện tử?' }).waitFor();
  await page
    .getByRole('button', { name: /^Đăng xuất/ })
    .first()
    .click();
  await page.getByRole('heading', { level: 1, name: 'Dịch vụ công trực tuyến tỉnh Lai Châu' }).waitFor();
  const me = await page.evaluate(
    async () => (await (await fetch('/api/v1/auth/me')).json()) as { authenticated: boolean },
  );
  if (me.authenticated) throw new Error('still signed in after signing out');
}

/**
 * The receiving agency's code (QCVN 102:2016) that starts the dossier codes of a commune, as the e2e server
 * (no PROVINCE_AGENCY_CODE, so the demo province code) builds it from reference/admin-units/12-agency-codes.json.
 */
export function receivingAgencyCode(unitCode: string): string {
  const file = AgencyCodesFile.parse(
    JSON.parse(readFileSync(new URL('../reference/admin-units/12-agency-codes.json', import.meta.url), 'utf8')),
  );
  const entry = file.agencies.find((a) => a.unitCode === unitCode);
  if (!entry) throw new Error(`no receiving agency listed for unit ${unitCode}`);
  return agencyCodeOfEntry(entry, DEMO_PROVINCE_AGENCY_CODE).code;
}

/**
 * Answers the structured new address of a residence form (from 5/12/2026): types the commune's
 * name without diacritics in the commune picker (as many phone users do) and chooses it, then
 * the village or residential group and, if given, the house and street.
 */
export async function fillNewAddress(page: Page, commune: string, village: string, street?: string): Promise<void> {
  const plain = commune
    .replace(/^(Xã|Phường)\s+/i, '')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase();
  // The procedure form's commune box (a combobox drawn without antd): typing lists the communes that match.
  await page.locator('#addressCommune').click();
  await page.keyboard.type(plain);
  await page
    .getByRole('listbox')
    .getByRole('option', { name: new RegExp(`^${commune}`) })
    .first()
    .click();
  await expect.poll(() => page.locator('#addressCommune').inputValue()).toBe(commune);
  await page.locator('#addressVillage').fill(village);
  if (street) await page.locator('#addressStreet').fill(street);
}

/** Chooses an option of a list on a procedure form (a native select, drawn without antd) by its label. */
export async function chooseOption(page: Page, label: string, option: string): Promise<void> {
  await page.getByLabel(label, { exact: true }).selectOption({ label: option });
}

/**
 * The end of a filing page: attaches one document, waits for the fee quote (the fee summary it
 * shows pushes the submit button down: a click during that shift can miss it on a loaded machine),
 * submits, and opens the dossier filed. Returns the fee shown, the code and the dossier page's id.
 */
export async function submitFiling(
  page: Page,
  options: {
    document: string;
    file: { name: string; mimeType: string; buffer: Buffer };
    procedureName: string;
    /** The form's phone field (`#phone` on most forms; the birth form's is the declarant's). */
    phoneField?: string;
  },
): Promise<{ fee: string; code: string; dossierId: string; payFirst: boolean }> {
  const phone = page.locator(options.phoneField ?? '#phone');
  if ((await phone.getAttribute('readonly')) === null && !(await phone.inputValue())) await phone.fill('0912345678');
  const section = page.locator(`section[data-document="${options.document}"]`);
  await section.locator('input[type=file]').setInputFiles(options.file);
  await section.getByText(options.file.name).waitFor();
  await page.getByTestId('fee-summary').waitFor();
  const fee = ((await page.getByTestId('fee-due').textContent()) ?? '').replace(/\s/g, '');
  await page.getByRole('button', { name: 'Nộp hồ sơ', exact: true }).click();
  const done = page.getByRole('heading', { name: 'Đã nộp hồ sơ' });
  const payFirst = page.getByRole('heading', { name: 'Còn một bước: nộp phí để gửi hồ sơ' });
  await done.or(payFirst).waitFor();
  const code = ((await page.getByTestId('filed-code').textContent()) ?? '').trim();
  const awaitingPayment = await payFirst.isVisible();
  if (awaitingPayment) {
    // A fee to pay comes first: the dossier is not sent until paid, and says until when (issue 14 §3).
    await page.getByText('CHƯA gửi đến cán bộ', { exact: false }).waitFor();
    await page.getByText(/Hạn nộp phí: .+ Quá hạn, hồ sơ tự hủy\./).waitFor();
    await page.getByRole('region', { name: 'Thanh toán lệ phí' }).waitFor();
    await page.getByRole('link', { name: /^Để sau/ }).click();
  } else {
    await page.getByRole('button', { name: 'Xem hồ sơ vừa nộp' }).click();
  }
  // The filing page's own title ("Nộp hồ sơ: <name>") also holds the name: wait for the dossier's page.
  await page.waitForURL(/\/me\/dossiers\/[0-9a-f-]{36}$/);
  await page.getByRole('heading', { level: 1, name: options.procedureName, exact: true }).waitFor();
  return { fee, code, dossierId: new URL(page.url()).pathname.split('/').pop() ?? '', payFirst: awaitingPayment };
}

/** A registry person as the search answers. */
interface FoundPerson {
  id: string;
  fullName: string;
  nationalId: string | null;
  status: string;
}

/**
 * The first living person of a commune with an ID number whose record (read by the Standing
 * Agency for "data cleaning") `accept`s, searching the common name parts in turn.
 */
export async function findPerson<D>(
  unitCode: string,
  accept: (detail: D) => boolean,
  names = ['thi', 'van', 'lo', 'giang', 'sung', 'lu'],
): Promise<{ id: string; fullName: string; nationalId: string }> {
  for (const name of names) {
    const page = await api<{ items: FoundPerson[] }>('/api/v1/population/persons/search', {
      name,
      unitCode,
      page: 1,
      pageSize: 40,
    });
    for (const p of page.items.filter((x) => x.nationalId && x.status === 'alive')) {
      const detail = await api<D>(`/api/v1/population/persons/${p.id}?purpose=data_cleaning`);
      if (accept(detail)) return { id: p.id, fullName: p.fullName, nationalId: p.nationalId! };
    }
  }
  throw new Error(`no person in unit ${unitCode} fits`);
}
