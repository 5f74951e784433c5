import { describe, expect, it } from 'vitest';
import {
  authorize,
  Browser,
  discovery,
  exchange,
  idTokenClaims,
  level0,
  level1,
  level2,
  pkce,
  s,
  signIn,
  submit,
  useFlowSandbox,
} from './eid-sandbox.flow.test-support';

useFlowSandbox();

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
