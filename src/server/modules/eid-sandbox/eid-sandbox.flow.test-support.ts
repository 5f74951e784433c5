/** Shared setup of the e-ID sandbox flow tests: three citizens, the running sandbox, the steps of a sign-in. */
import { afterAll, beforeAll, expect } from 'vitest';
import { randomBytes } from 'node:crypto';
import { createTestDatabase, type TestDatabase } from '../../../../test/db';
import { makeHousehold, makePerson } from '../../../../test/factories';
import { copyRegistryBatch } from '../population';
import { Browser, formAction, freePort, pkce, startSandbox, verifyJwt, type RunningSandbox } from './test-support';

export { Browser, formAction, hiddenInputs, pkce } from './test-support';

export const level2 = makePerson({
  nationalId: '012190000001',
  idCardNumber: '012190000001',
  eIdLevel: 2,
  phone: '0912000001',
});
export const level1 = makePerson({
  nationalId: '012085000123',
  idCardNumber: '012085000123',
  fullName: 'Giàng A Páo',
  birthDate: '1985-07-02',
  birthYear: 1985,
  sex: 'male',
  eIdLevel: 1,
  phone: null,
});
export const level0 = makePerson({
  nationalId: '012315000777',
  fullName: 'Giàng Thị Mai',
  birthDate: '2015-01-20',
  birthYear: 2015,
  eIdLevel: 0,
  eIdActivatedOn: null,
});

let database: TestDatabase;
/** The running sandbox and its discovery document, set before the tests of the file that calls useFlowSandbox(). */
export let s: RunningSandbox;
export let discovery: Record<string, string>;

/** Starts the sandbox on a fresh registry (three people, e-ID levels 2, 1, 0) for the calling test file. */
export function useFlowSandbox(): void {
  beforeAll(async () => {
    database = await createTestDatabase();
    await copyRegistryBatch(database, makeHousehold('03445', [level2]));
    await copyRegistryBatch(database, makeHousehold('03388', [level1, level0]));
    s = await startSandbox(database, await freePort());
    discovery = (await (await fetch(`${s.sandbox.issuer}/.well-known/openid-configuration`)).json()) as Record<
      string,
      string
    >;
  });
  afterAll(async () => {
    await s?.close();
    await database?.dispose();
  });
}

/** Starts an authorization request; returns the browser's landing page and what the RP must keep. */
export async function authorize(browser: Browser, extra: Record<string, string> = {}) {
  const { verifier, challenge } = pkce();
  const state = randomBytes(8).toString('hex');
  const nonce = randomBytes(8).toString('hex');
  const params = new URLSearchParams({
    client_id: s.config.OIDC_CLIENT_ID,
    redirect_uri: s.redirectUri,
    response_type: 'code',
    scope: 'openid profile phone',
    state,
    nonce,
    code_challenge: challenge,
    code_challenge_method: 'S256',
    ...extra,
  });
  const url = `${discovery.authorization_endpoint}?${params.toString()}`;
  const landed = await browser.follow(await browser.request(url), url, s.redirectUri);
  return { ...landed, verifier, state, nonce };
}

export async function submit(
  browser: Browser,
  pageUrl: string,
  html: string,
  suffix: string,
  form: Record<string, string> = {},
) {
  const action = new URL(formAction(html, suffix), pageUrl).href;
  const response = await browser.request(action, { form });
  return { response, action };
}

/** The whole journey for one person: authorize, sign in, consent when asked; returns the code and RP state. */
export async function signIn(browser: Browser, nationalId: string) {
  const start = await authorize(browser);
  let page = await start.response.text();
  const login = await submit(browser, start.url, page, '/login', { nationalId, passcode: '123456' });
  let landed = await browser.follow(login.response, login.action, s.redirectUri);
  if (!landed.url.startsWith(s.redirectUri)) {
    page = await landed.response.text();
    expect(page).toContain('Đồng ý chia sẻ thông tin');
    for (const shared of [
      'Số định danh cá nhân',
      'Mức tài khoản định danh điện tử',
      'Họ, chữ đệm và tên',
      'Ngày, tháng, năm sinh',
      'Số điện thoại',
    ]) {
      expect(page).toContain(shared);
    }
    const consent = await submit(browser, landed.url, page, '/consent');
    landed = await browser.follow(consent.response, consent.action, s.redirectUri);
  }
  const callback = new URL(landed.url);
  return { callback, verifier: start.verifier, state: start.state, nonce: start.nonce };
}

export async function exchange(code: string, verifier: string) {
  const body = new URLSearchParams({
    grant_type: 'authorization_code',
    code,
    redirect_uri: s.redirectUri,
    code_verifier: verifier,
    client_id: s.config.OIDC_CLIENT_ID,
    client_secret: s.config.OIDC_CLIENT_SECRET!,
  });
  const response = await fetch(discovery.token_endpoint!, { method: 'POST', body });
  return { status: response.status, json: (await response.json()) as Record<string, string> };
}

export async function idTokenClaims(idToken: string) {
  const jwks = (await (await fetch(discovery.jwks_uri!)).json()) as Parameters<typeof verifyJwt>[1];
  return verifyJwt(idToken, jwks);
}
