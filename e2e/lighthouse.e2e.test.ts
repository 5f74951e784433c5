import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import lighthouse from 'lighthouse';
import { launch, type LaunchedChrome } from 'chrome-launcher';
import { CHROMIUM_ARGS, findPerson, launchBrowser, openPage, signInWithEid } from './browser';

/**
 * A phone on a slow link (issue 14 §6): Lighthouse's performance score of the public pages a visitor
 * opens first, and of the filing form a signed-in citizen opens from a procedure's page (ADR 0023),
 * with its default (mobile) settings: a Moto G Power's screen, simulated slow 4G
 * (150 ms, 1.6 Mbit/s) and a CPU four times slower, computed by Lighthouse's simulation (lantern)
 * from each load of each page. Each page must score 90 or more: the median of three loads,
 * performance only, so the check stays short (about 20 s a page); docs/PERFORMANCE.md has the
 * figures and how to reproduce them with the CLI.
 */
const MIN_SCORE = 90;

/** Đăng ký tạm trú, the procedure the catalog journey opens and the dossiers journey files. */
const PROCEDURE = '1.004194';

/**
 * The pages, and what the server answers them with (loaded once before, so no page pays a cold
 * start); `citizen`: opened with a signed-in citizen's session (its cookie sent by Lighthouse).
 */
const PAGES: Array<{ path: string; warm: string[]; citizen?: true }> = [
  { path: '/', warm: ['/api/v1/procedures', '/api/v1/dossiers/popular'] },
  { path: '/procedures', warm: ['/api/v1/procedures'] },
  // Đăng ký tạm trú, the procedure the catalog journey opens.
  { path: `/procedures/${PROCEDURE}`, warm: [`/api/v1/procedures/${PROCEDURE}`] },
  { path: '/tra-cuu', warm: [] },
  { path: '/login', warm: [] },
  // The filing form, prefilled from the registry (warmed by the sign-in, which lands on it).
  { path: `/procedures/${PROCEDURE}/file`, warm: [], citizen: true },
];

/**
 * Signs a citizen of Xã Mường Tè with a level 2 e-ID in through the sandbox e-ID, from the filing
 * page (where the sign-in returns, so its answers are warm); returns the session's cookie header.
 */
async function citizenCookie(): Promise<string> {
  const citizen = await findPerson<{ eId: { level: number }; birthYear: number }>(
    '03445',
    (d) => d.eId.level === 2 && d.birthYear <= 2005,
  );
  const browser = await launchBrowser();
  try {
    const { page, context } = await openPage(browser, `/procedures/${PROCEDURE}/file`);
    await signInWithEid(page, citizen.nationalId);
    await page.locator('#fullName').waitFor();
    const cookies = await context.cookies();
    return cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  } finally {
    await browser.close();
  }
}

interface Measured {
  score: number | null;
  fcp?: number;
  lcp?: number;
  tbt?: number;
  cls?: number;
  si?: number;
  error?: string;
}

describe('the public pages on a phone on a slow link (Lighthouse, mobile)', () => {
  let chrome: LaunchedChrome;
  let cookie = '';
  const baseUrl = inject('baseUrl');

  beforeAll(async () => {
    chrome = await launch({
      chromePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      // The journeys' flags (no sandbox as root, no background traffic on this closed network).
      chromeFlags: CHROMIUM_ARGS.map((flag) => (flag === '--headless' ? '--headless=new' : flag)),
      logLevel: 'silent',
    });
    for (const { path, warm } of PAGES) for (const url of [path, ...warm]) await fetch(`${baseUrl}${url}`);
    cookie = await citizenCookie();
  }, 120_000);
  afterAll(() => {
    chrome?.kill();
  });

  it.each(PAGES.map((p) => [p.path, p.citizen === true] as const))(
    `scores ${MIN_SCORE} or more for %s (signed-in citizen: %s)`,
    async (path, citizen) => {
      const run = async () =>
        (
          await lighthouse(`${baseUrl}${path}`, {
            port: chrome.port,
            onlyCategories: ['performance'],
            logLevel: 'error',
            output: 'json',
            ...(citizen && { extraHeaders: { Cookie: cookie } }),
          })
        )?.lhr;
      // A run whose trace Chrome failed to record (NO_NAVSTART: "Please run Lighthouse again", seen
      // about once in ten runs on a busy machine) measured nothing: it is run once more. A score
      // under the bar is never run again.
      const measure = async () => {
        let result = await run();
        if (result?.runtimeError) {
          console.log(`${path}: ${result.runtimeError.code}, run again`);
          result = await run();
        }
        return result;
      };
      // The median of three loads, as Lighthouse's guidance on variability advises: one load's total
      // blocking time moved between 103 and 260 ms for the same build of / on this machine (clean-clone
      // runs at 6390b3a and a490a4c, same bundle bytes), the score between 94 and 88 — and only / failed,
      // the first page measured in a fresh Chrome, whose first load scored lowest again alone (93, 94, 94).
      const runs = [await measure(), await measure(), await measure()];
      const scoreOf = (r: (typeof runs)[number]) => r?.categories.performance?.score ?? -1;
      const sorted = [...runs].sort((a, b) => scoreOf(a) - scoreOf(b));
      const lhr = sorted[1];
      console.log(`${path}: scores of the three loads ${runs.map((r) => Math.round(scoreOf(r) * 100)).join(', ')}`);
      const value = (id: string) => lhr?.audits[id]?.numericValue;
      const measured: Measured = {
        score: lhr?.categories.performance?.score == null ? null : Math.round(lhr.categories.performance.score * 100),
        fcp: value('first-contentful-paint'),
        lcp: value('largest-contentful-paint'),
        tbt: value('total-blocking-time'),
        cls: value('cumulative-layout-shift'),
        si: value('speed-index'),
        error: lhr?.runtimeError ? `${lhr.runtimeError.code}: ${lhr.runtimeError.message}` : undefined,
      };
      const line = `${path}: performance ${measured.score} (FCP ${Math.round(measured.fcp ?? 0)} ms, LCP ${Math.round(
        measured.lcp ?? 0,
      )} ms, TBT ${Math.round(measured.tbt ?? 0)} ms, CLS ${(measured.cls ?? 0).toFixed(3)}, SI ${Math.round(
        measured.si ?? 0,
      )} ms)${measured.error ? ` — ${measured.error}` : ''}`;
      console.log(line);
      expect(measured.error, line).toBeUndefined();
      // Still on the page measured: a session Lighthouse failed to send would have gone to /login.
      expect(new URL(lhr?.finalDisplayedUrl ?? '').pathname, line).toBe(path);
      expect(measured.score ?? 0, line).toBeGreaterThanOrEqual(MIN_SCORE);
    },
    120_000,
  );
});
