import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { createTestDatabase, type TestDatabase } from '../../../../test/db';
import { makeHousehold, makePerson } from '../../../../test/factories';
import { copyRegistryBatch } from '../population';
import {
  Browser,
  formAction,
  freePort,
  hiddenInputs,
  pkce,
  startSandbox,
  verifyJwt,
  type RunningSandbox,
} from './test-support';

const level2 = makePerson({
  nationalId: '012190000001',
  idCardNumber: '012190000001',
  eIdLevel: 2,
  phone: '0912000001',
});
const level1 = makePerson({
  nationalId: '012085000123',
  idCardNumber: '012085000123',
  fullName: 'Giàng A Páo',
  birthDate: '1985-07-02',
  birthYear: 1985,
  sex: 'male',
  eIdLevel: 1,
  phone: null,
});
const level0 = makePerson({
  nationalId: '012315000777',
  fullName: 'Giàng Thị Mai',
  birthDate: '2015-01-20',
  birthYear: 2015,
  eIdLevel: 0,
  eIdActivatedOn: null,
});

let database: TestDatabase;
let s: RunningSandbox;
let discovery: Record<string, string>;

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

/** Starts an authorization request; returns the browser's landing page and what the RP must keep. */
async function authorize(browser: Browser, extra: Record<string, string> = {}) {
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

async function submit(
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
async function signIn(browser: Browser, nationalId: string) {
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

async function exchange(code: string, verifier: string) {
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

async function idTokenClaims(idToken: string) {
  const jwks = (await (await fetch(discovery.jwks_uri!)).json()) as Parameters<typeof verifyJwt>[1];
  return verifyJwt(idToken, jwks);
}

describe('sandbox e-ID provider: discovery', () => {
  it('publishes its issuer with the /eid mount path and endpoints under it', () => {
    expect(discovery.issuer).toBe(`${s.baseUrl}/eid`);
    for (const key of [
      'authorization_endpoint',
      'token_endpoint',
      'userinfo_endpoint',
      'jwks_uri',
      'end_session_endpoint',
    ]) {
      expect(discovery[key]).toMatch(new RegExp(`^${s.baseUrl}/eid/`));
    }
    expect(discovery.acr_values_supported).toEqual(['urn:vneid:level1', 'urn:vneid:level2']);
    expect(discovery.code_challenge_methods_supported).toEqual(['S256']);
  });
});

describe('sandbox e-ID provider: sign-in with authorization code + PKCE', () => {
  it('signs a level-2 citizen in, and the ID token and userinfo carry the registry data with acr level2', async () => {
    const browser = new Browser();
    const start = await authorize(browser);
    const html = await start.response.text();
    expect(start.response.status).toBe(200);
    expect(html).toContain('<html lang="vi">');
    expect(html).toContain('Đăng nhập bằng tài khoản định danh điện tử (sandbox)');
    expect(html).toContain('Môi trường thử nghiệm — không phải VNeID thật');
    expect(html).toMatch(/<label for="nationalId">/);
    expect(html).not.toMatch(/<script/i);
    const css = await fetch(`${s.baseUrl}/eid/assets/sandbox.css`);
    expect(css.headers.get('content-type')).toContain('text/css');

    const { callback, verifier, state, nonce } = await signIn(new Browser(), level2.nationalId!);
    expect(callback.searchParams.get('state')).toBe(state);
    expect(callback.searchParams.get('iss')).toBe(s.sandbox.issuer);
    const tokens = await exchange(callback.searchParams.get('code')!, verifier);
    expect(tokens.status).toBe(200);
    const claims = await idTokenClaims(tokens.json.id_token!);
    expect(claims).toMatchObject({
      iss: s.sandbox.issuer,
      aud: s.config.OIDC_CLIENT_ID,
      sub: '012190000001',
      national_id: '012190000001',
      acr: 'urn:vneid:level2',
      nonce,
      name: 'Lò Thị Thuỷ',
      birthdate: '1990-03-15',
      gender: 'female',
      phone_number: '+84912000001',
    });

    const userinfo = await fetch(discovery.userinfo_endpoint!, {
      headers: { authorization: `Bearer ${tokens.json.access_token}` },
    });
    expect(await userinfo.json()).toEqual({
      sub: '012190000001',
      national_id: '012190000001',
      name: 'Lò Thị Thuỷ',
      birthdate: '1990-03-15',
      gender: 'female',
      phone_number: '+84912000001',
    });
  });

  it('gives a level-1 citizen acr level1', async () => {
    const { callback, verifier } = await signIn(new Browser(), level1.nationalId!);
    const tokens = await exchange(callback.searchParams.get('code')!, verifier);
    expect((await idTokenClaims(tokens.json.id_token!)).acr).toBe('urn:vneid:level1');
  });

  it('refuses a wrong passcode with a clear message and issues no code', async () => {
    const browser = new Browser();
    const start = await authorize(browser);
    const login = await submit(browser, start.url, await start.response.text(), '/login', {
      nationalId: level2.nationalId!,
      passcode: '654321',
    });
    expect(login.response.status).toBe(401);
    expect(login.response.headers.get('location')).toBeNull();
    const html = await login.response.text();
    expect(html).toContain('Mật mã không đúng');
    expect(html).toContain('Wrong passcode');
    expect(html).toContain('role="alert"');
  });

  it('refuses a person without an e-ID account (level 0), saying so in Vietnamese', async () => {
    const browser = new Browser();
    const start = await authorize(browser);
    const login = await submit(browser, start.url, await start.response.text(), '/login', {
      nationalId: level0.nationalId!,
      passcode: '123456',
    });
    expect(login.response.status).toBe(403);
    expect(await login.response.text()).toContain('chưa có tài khoản định danh điện tử (mức 0)');
  });

  it('refuses an ID number that is not in the registry or not 12 digits', async () => {
    const browser = new Browser();
    const start = await authorize(browser);
    const page = await start.response.text();
    const unknown = await submit(browser, start.url, page, '/login', {
      nationalId: '012190999999',
      passcode: '123456',
    });
    expect(unknown.response.status).toBe(401);
    const short = await submit(browser, start.url, page, '/login', { nationalId: '0121', passcode: '123456' });
    expect(await short.response.text()).toContain('đúng 12 chữ số');
  });

  it('answers a form post without a live interaction with an "expired" page', async () => {
    const response = await new Browser().request(`${s.baseUrl}/eid/interaction/unknown-uid/login`, {
      form: { nationalId: level2.nationalId!, passcode: '123456' },
    });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('Phiên đăng nhập đã hết hạn');
  });

  it('requires PKCE: a request without code_challenge is sent back with invalid_request', async () => {
    const browser = new Browser();
    const { url } = await authorize(browser, { code_challenge: '', code_challenge_method: '' });
    expect(new URL(url).searchParams.get('error')).toBe('invalid_request');
  });

  it('rejects a code exchanged with the wrong verifier, and a code used twice', async () => {
    const { callback, verifier } = await signIn(new Browser(), level2.nationalId!);
    const code = callback.searchParams.get('code')!;
    expect((await exchange(code, pkce().verifier)).json.error).toBe('invalid_grant');
    const fresh = await signIn(new Browser(), level2.nationalId!);
    const freshCode = fresh.callback.searchParams.get('code')!;
    expect((await exchange(freshCode, fresh.verifier)).status).toBe(200);
    expect((await exchange(freshCode, fresh.verifier)).json.error).toBe('invalid_grant');
    expect(verifier).not.toBe(fresh.verifier);
  });

  it('sends the person back with access_denied when they cancel', async () => {
    const browser = new Browser();
    const start = await authorize(browser);
    const cancel = await submit(browser, start.url, await start.response.text(), '/abort');
    const { url } = await browser.follow(cancel.response, cancel.action, s.redirectUri);
    expect(new URL(url).searchParams.get('error')).toBe('access_denied');
  });
});

describe('sandbox e-ID provider: sessions and logout', () => {
  it('remembers the session and grant: a second request returns a code without login or consent', async () => {
    const browser = new Browser();
    await signIn(browser, level2.nationalId!);
    const again = await authorize(browser);
    expect(again.url.startsWith(s.redirectUri)).toBe(true);
    expect(new URL(again.url).searchParams.get('code')).toBeTruthy();
  });

  it('ends the session through RP-initiated logout with its own confirmation page', async () => {
    const browser = new Browser();
    const { callback, verifier } = await signIn(browser, level2.nationalId!);
    const tokens = await exchange(callback.searchParams.get('code')!, verifier);
    const params = new URLSearchParams({
      id_token_hint: tokens.json.id_token!,
      post_logout_redirect_uri: `${s.baseUrl}/`,
      state: 'bye',
    });
    const endUrl = `${discovery.end_session_endpoint}?${params.toString()}`;
    const confirm = await browser.request(endUrl);
    const html = await confirm.text();
    expect(confirm.status).toBe(200);
    expect(html).toContain('Đăng xuất tài khoản định danh điện tử?');
    expect(html).not.toMatch(/<script/i);
    const action = new URL(formAction(html, '/confirm'), endUrl).href;
    const done = await browser.request(action, { form: { ...hiddenInputs(html), logout: 'yes' } });
    expect(done.status).toBe(303);
    expect(done.headers.get('location')).toBe(`${s.baseUrl}/?state=bye`);

    const after = await authorize(browser);
    expect(after.response.status).toBe(200);
    expect(await after.response.text()).toContain('Đăng nhập bằng tài khoản định danh điện tử');
  });
});
