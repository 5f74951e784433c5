import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { createTestApp, type Session, type TestApp } from './app';
import { makeHousehold, makePerson } from './factories';
import { copyRegistryBatch } from '../src/server/modules/population';
import { Browser, formAction, freePort } from '../src/server/modules/eid-sandbox/test-support';

let t: TestApp;
let base: string;
let officer: Session;
const citizen = makePerson({
  id: randomUUID(),
  nationalId: '012190000042',
  idCardNumber: '012190000042',
  fullName: 'Lò Thị Mai',
  eIdLevel: 2,
});
const levelOne = makePerson({
  id: randomUUID(),
  nationalId: '012085000043',
  idCardNumber: '012085000043',
  fullName: 'Giàng A Sử',
  birthYear: 1985,
  birthDate: '1985-01-01',
  sex: 'male',
  eIdLevel: 1,
});

beforeAll(async () => {
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  t = await createTestApp({ PUBLIC_URL: base });
  await t.app.listen({ port, host: '127.0.0.1' });
  await copyRegistryBatch(t.database, makeHousehold('03445', [citizen, levelOne]));
  officer = await t.staff('commune_police', '03445');
});
afterAll(async () => t?.close());

/** Signs a citizen in through the sandbox e-ID from the portal's login link; returns the browser. */
async function eidSignIn(nationalId: string, stopAt = `${base}/me`): Promise<{ browser: Browser; landed: string }> {
  const browser = new Browser();
  let res = await browser.request(`${base}/api/v1/auth/eid/login?returnTo=/me`);
  let page = await browser.follow(res, `${base}/api/v1/auth/eid/login`, stopAt);
  let html = await page.response.text();
  res = await browser.request(new URL(formAction(html, '/login'), page.url).href, {
    form: { nationalId, passcode: '123456' },
  });
  page = await browser.follow(res, page.url, stopAt);
  if (!page.url.startsWith(stopAt)) {
    html = await page.response.text();
    res = await browser.request(new URL(formAction(html, '/consent'), page.url).href, { form: {} });
    page = await browser.follow(res, page.url, stopAt);
  }
  return { browser, landed: page.url };
}

const getJson = async <T>(browser: Browser, path: string): Promise<{ status: number; body: T }> => {
  const r = await browser.request(`${base}${path}`);
  return { status: r.status, body: (await r.json()) as T };
};

describe('a citizen signs in with the sandbox e-ID', () => {
  it('lands back on the portal signed in at level 2 and sees only their own record', async () => {
    const { browser, landed } = await eidSignIn(citizen.nationalId!);
    expect(landed).toBe(`${base}/me`);
    const me = await getJson<{
      authenticated: boolean;
      account: { kind: string; eIdLevel: number; displayName: string };
    }>(browser, '/api/v1/auth/me');
    expect(me.body).toMatchObject({
      authenticated: true,
      account: { kind: 'citizen', eIdLevel: 2, displayName: 'Lò Thị Mai' },
    });
    const own = await getJson<{ fullName: string; nationalId: string }>(browser, '/api/v1/population/me');
    expect(own.body).toMatchObject({ fullName: 'Lò Thị Mai', nationalId: '012190000042' });
    expect(
      (await browser.request(`${base}/api/v1/population/persons/${levelOne.id}?purpose=data_cleaning`)).status,
    ).toBe(403);
  });

  it('records a level-1 e-ID as level 1', async () => {
    const { browser } = await eidSignIn(levelOne.nationalId!);
    const me = await getJson<{ account: { eIdLevel: number } }>(browser, '/api/v1/auth/me');
    expect(me.body.account.eIdLevel).toBe(1);
  });

  it('shows the citizen who opened their record, when and why — by role and unit, not by name', async () => {
    const read = await officer.inject(`/api/v1/population/persons/${citizen.id}?purpose=residence_registration`);
    expect(read.statusCode, read.body).toBe(200);
    const { browser } = await eidSignIn(citizen.nationalId!);
    const log = await getJson<{ items: Array<Record<string, unknown>>; total: number }>(
      browser,
      '/api/v1/audit/me/access-log',
    );
    expect(log.status).toBe(200);
    const entry = log.body.items.find((i) => i.action === 'person.read');
    expect(entry).toBeDefined();
    expect(JSON.stringify(entry)).toContain('Xã Mường Tè');
    expect(JSON.stringify(entry)).toContain('residence_registration');
    expect(JSON.stringify(log.body)).not.toContain(officer.accountId);
    expect(JSON.stringify(log.body)).not.toContain('Test commune_police');
  });

  it('refuses a forged state and a replayed callback', async () => {
    const forged = await fetch(`${base}/api/v1/auth/eid/callback?code=abc&state=forged`, { redirect: 'manual' });
    expect(forged.status).toBe(400);
    expect(((await forged.json()) as { error: { code: string } }).error.code).toBe('EID.STATE_INVALID');
    // Replay: the callback URL of a completed login, used a second time.
    const { browser, landed: callback } = await eidSignIn(citizen.nationalId!, `${base}/api/v1/auth/eid/callback`);
    expect(callback).toContain('/api/v1/auth/eid/callback');
    expect((await browser.request(callback)).status).toBe(302);
    const replay = await browser.request(callback);
    expect(replay.status).toBe(400);
  });
});
