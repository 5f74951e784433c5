import { describe, expect, it } from 'vitest';
import {
  authorize,
  Browser,
  discovery,
  exchange,
  formAction,
  hiddenInputs,
  level2,
  s,
  signIn,
  useFlowSandbox,
} from './eid-sandbox.flow.test-support';

useFlowSandbox();

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
