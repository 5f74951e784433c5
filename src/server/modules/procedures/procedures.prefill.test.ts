import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { createTestApp, type TestApp } from '../../../../test/app';
import { makeHousehold, makePerson } from '../../../../test/factories';
import type { PrefillResult, ProcedureVersion } from '../../../contracts/procedures';
import { copyRegistryBatch } from '../population';
// Test files may use another module's test helpers (dependency-cruiser skips *.test.ts).
import { Browser, formAction, freePort } from '../eid-sandbox/test-support';
import { validateSubmission } from './form-validation';
import { seedProcedures } from './procedures.seed';

// A household in Mường Tè: Sơn (head), Mai (his wife, level-2 e-ID), their son Minh; and Páo with a level-1 e-ID.
const son = makePerson({
  id: randomUUID(),
  nationalId: '012088000511',
  idCardNumber: '012088000511',
  fullName: 'Lò Văn Sơn',
  birthDate: '1988-07-01',
  birthYear: 1988,
  sex: 'male',
  relationToHead: 'head',
});
const mai = makePerson({
  id: randomUUID(),
  nationalId: '012190000512',
  idCardNumber: '012190000512',
  fullName: 'Lò Thị Mai',
  relationToHead: 'spouse',
  phone: '0912000512',
  email: 'mai@example.vn',
});
const minh = makePerson({
  id: randomUUID(),
  nationalId: '012215000513',
  idCardNumber: '012215000513',
  fullName: 'Lò Văn Minh',
  birthDate: '2015-06-01',
  birthYear: 2015,
  sex: 'male',
  relationToHead: 'child',
  eIdLevel: 0,
});
const pao = makePerson({
  id: randomUUID(),
  nationalId: '012085000514',
  idCardNumber: '012085000514',
  fullName: 'Giàng A Páo',
  birthDate: '1985-07-02',
  birthYear: 1985,
  sex: 'male',
  eIdLevel: 1,
});

/**
 * Signs a citizen in through the sandbox e-ID of a listening test app (as test/citizen-eid.test.ts
 * does); returns the browser holding the session cookie.
 */
async function eidSignIn(base: string, nationalId: string): Promise<Browser> {
  const stopAt = `${base}/me`;
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
  if (!page.url.startsWith(stopAt)) throw new Error(`e-ID sign-in of ${nationalId} did not land on /me: ${page.url}`);
  return browser;
}

let t: TestApp;
let base: string;
let maiBrowser: Browser;
beforeAll(async () => {
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  t = await createTestApp({ PUBLIC_URL: base });
  await t.app.listen({ port, host: '127.0.0.1' });
  await seedProcedures(t.database.db);
  await copyRegistryBatch(t.database, makeHousehold('03445', [son, mai, minh], 'Bản Mường'));
  await copyRegistryBatch(t.database, makeHousehold('03388', [pao], 'Tổ 3'));
  maiBrowser = await eidSignIn(base, mai.nationalId!);
});
afterAll(async () => t?.close());

async function getJson<T>(browser: Browser | null, path: string): Promise<{ status: number; body: T }> {
  const res = browser ? await browser.request(`${base}${path}`) : await fetch(`${base}${path}`);
  return { status: res.status, body: (await res.json()) as T };
}

describe('GET /procedures/:code/prefill for a citizen signed in with e-ID', () => {
  it('fills CT01 from her record, her household and her e-ID, and marks what she may edit', async () => {
    const { status, body } = await getJson<PrefillResult>(maiBrowser, '/api/v1/procedures/1.010039/prefill');
    expect(status).toBe(200);
    expect(body.values).toMatchObject({
      fullName: 'Lò Thị Mai',
      birthDate: '1990-03-15',
      sex: 'female',
      nationalId: '012190000512',
      phone: '0912000512',
      email: 'mai@example.vn',
      headFullName: 'Lò Văn Sơn',
      headNationalId: '012088000511',
      relationToHead: 'spouse',
    });
    expect(String(body.values.address)).toContain('Bản Mường');
    expect(body.values.members).toEqual([]); // nobody moves with her unless she picks them
    expect(body.choices.members).toEqual([
      {
        fullName: 'Lò Văn Sơn',
        birthDate: '1988-07-01',
        sex: 'male',
        nationalId: '012088000511',
        relationToHead: 'head',
      },
      {
        fullName: 'Lò Văn Minh',
        birthDate: '2015-06-01',
        sex: 'male',
        nationalId: '012215000513',
        relationToHead: 'child',
      },
    ]);
    expect(body.sources).toMatchObject({
      fullName: 'registry.person',
      nationalId: 'eid',
      members: 'registry.household',
      requestContent: 'typed',
    });
    expect(body.editable).toMatchObject({
      fullName: false,
      birthDate: false,
      nationalId: false,
      phone: true,
      email: true,
      members: true,
    });
    // Typed: the request, the three consents and the four fields of what changes (version of 6/12/2026).
    expect(body).toMatchObject({ missing: [], typedCount: 8, eIdLevelOk: true });
  });

  it('gives a prefill whose locked values the server accepts back, and refuses a changed one', async () => {
    const { body: prefill } = await getJson<PrefillResult>(maiBrowser, '/api/v1/procedures/1.010039/prefill');
    const version = (await getJson<ProcedureVersion>(null, '/api/v1/procedures/1.010039')).body;
    const submitted = {
      ...prefill.values,
      requestContent: 'Nhà được đánh lại số',
      adjustWhat: 'address_line',
      newAddressLine: 'Số 14, bản Mường',
      consentHead: true,
    };
    expect(validateSubmission(version, submitted, prefill)).toMatchObject({ ok: true });
    // The new address is required when the address changes (a condition of the form), and named.
    const { newAddressLine: _n, ...withoutAddress } = submitted;
    const missing = validateSubmission(version, withoutAddress, prefill);
    expect(missing).toMatchObject({ ok: false, errors: [{ field: 'newAddressLine' }] });
    expect(missing.ok ? '' : missing.errors[0]!.vi).toContain('Địa chỉ mới');
    const forged = validateSubmission(version, { ...submitted, birthDate: '1992-03-15' }, prefill);
    expect(forged).toMatchObject({ ok: false, errors: [{ field: 'birthDate' }] });
  });

  it('fills the parents of a newborn from the couple for birth registration', async () => {
    const { body } = await getJson<PrefillResult>(maiBrowser, '/api/v1/procedures/1.001193/prefill');
    expect(body.values).toMatchObject({
      declarantFullName: 'Lò Thị Mai',
      motherFullName: 'Lò Thị Mai',
      fatherFullName: 'Lò Văn Sơn',
      fatherNationalId: '012088000511',
    });
    expect(body.sources.childFullName).toBe('typed');
  });

  it('tells a level-1 citizen that the procedure needs level 2, and lists no other member when he lives alone', async () => {
    const pao1 = await eidSignIn(base, pao.nationalId!);
    const { status, body } = await getJson<PrefillResult>(pao1, '/api/v1/procedures/1.010039/prefill');
    expect(status).toBe(200);
    expect(body.eIdLevelOk).toBe(false);
    expect(body.values.fullName).toBe('Giàng A Páo');
    expect(body.values.members).toEqual([]);
    expect(body.choices.members).toEqual([]); // the registry answered: nobody else in his household
    expect(body.missing).toEqual(['email']);
    expect((await getJson<PrefillResult>(pao1, '/api/v1/procedures/2.001159/prefill')).body.eIdLevelOk).toBe(true); // the stay notification asks level 1
  });

  it('refuses anonymous callers (401) and staff (403), and answers an unknown procedure with 404', async () => {
    expect((await fetch(`${base}/api/v1/procedures/1.004222/prefill`)).status).toBe(401);
    const officer = await t.staff('commune_police', '03445');
    expect((await officer.inject('/api/v1/procedures/1.004222/prefill')).statusCode).toBe(403);
    expect((await getJson(maiBrowser, '/api/v1/procedures/9.999999/prefill')).status).toBe(404);
  });
});
