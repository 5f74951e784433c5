/** Citizen sign-in for the procedures module's HTTP tests (never imported by production code). */
import { Browser, formAction } from '../eid-sandbox/test-support';

/**
 * Signs a citizen in through the sandbox e-ID of a listening test app (as test/citizen-eid.test.ts
 * does); returns the browser holding the session cookie.
 */
export async function eidSignIn(base: string, nationalId: string): Promise<Browser> {
  const stopAt = `${base}/me`;
  const browser = new Browser();
  let res = await browser.request(`${base}/api/v1/auth/eid/login?returnTo=/me`);
  let page = await browser.follow(res, `${base}/api/v1/auth/eid/login`, stopAt);
  let html = await page.response.text();
  res = await browser.request(new URL(formAction(html, '/login'), page.url).href, { form: { nationalId, passcode: '123456' } });
  page = await browser.follow(res, page.url, stopAt);
  if (!page.url.startsWith(stopAt)) {
    html = await page.response.text();
    res = await browser.request(new URL(formAction(html, '/consent'), page.url).href, { form: {} });
    page = await browser.follow(res, page.url, stopAt);
  }
  if (!page.url.startsWith(stopAt)) throw new Error(`e-ID sign-in of ${nationalId} did not land on /me: ${page.url}`);
  return browser;
}
