import { afterAll, beforeAll, expect } from 'vitest';
import { randomUUID } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import { createTestApp, type Session, type TestApp } from '../../../../test/app';
import { makeHousehold, makePerson } from '../../../../test/factories';
import type { ApiErrorBody } from '../../../contracts/messages';
import type { DeadlineResult } from '../../../contracts/calendar';
import { copyRegistryBatch } from '../population';
import { Browser, formAction, freePort } from '../eid-sandbox/test-support';
import { seedCalendar } from './index';

/**
 * Shared setup of the calendar route tests: an app serving the sandbox e-ID, the seeded calendar,
 * an administrator, an officer, a police officer and a signed-in citizen.
 */
export let t: TestApp;
let base: string;
export let admin: Session;
export let officer: Session;
export let police: Session;
export let citizen: { cookie: string; csrfToken: string };
const person = makePerson({
  id: randomUUID(),
  nationalId: '012190000077',
  idCardNumber: '012190000077',
  fullName: 'Lò Văn Tính',
  eIdLevel: 2,
});

/** Signs a citizen in through the sandbox e-ID; returns the session cookie and its CSRF token. */
async function citizenSession(nationalId: string): Promise<{ cookie: string; csrfToken: string }> {
  const browser = new Browser();
  const stopAt = `${base}/me`;
  let page = await browser.follow(
    await browser.request(`${base}/api/v1/auth/eid/login?returnTo=/me`),
    `${base}/api/v1/auth/eid/login`,
    stopAt,
  );
  let res = await browser.request(new URL(formAction(await page.response.text(), '/login'), page.url).href, {
    form: { nationalId, passcode: '123456' },
  });
  page = await browser.follow(res, page.url, stopAt);
  if (!page.url.startsWith(stopAt)) {
    res = await browser.request(new URL(formAction(await page.response.text(), '/consent'), page.url).href, {
      form: {},
    });
    page = await browser.follow(res, page.url, stopAt);
  }
  const me = (await (await browser.request(`${base}/api/v1/auth/me`)).json()) as {
    account: { kind: string } | null;
    csrfToken: string;
  };
  if (me.account?.kind !== 'citizen') throw new Error('citizen sign-in failed');
  // The test browser keeps its cookies private; read the header it would send.
  const cookie = (browser as unknown as { cookieHeader(url: URL): string }).cookieHeader(
    new URL(`${base}/api/v1/calendar/days`),
  );
  return { cookie, csrfToken: me.csrfToken };
}

export const get = (url: string) => t.app.inject({ method: 'GET', url });
export const deadline = async (receivedAt: string, workingDays: number | string) =>
  (
    await get(`/api/v1/calendar/deadline?receivedAt=${encodeURIComponent(receivedAt)}&workingDays=${workingDays}`)
  ).json<DeadlineResult>();

export function expectFieldError(res: LightMyRequestResponse, status: number, field: string): ApiErrorBody['error'] {
  expect(res.statusCode, res.body).toBe(status);
  const { error } = res.json<ApiErrorBody>();
  expect(error.fields?.map((f) => f.field)).toContain(field);
  const problem = error.fields!.find((f) => f.field === field)!;
  expect(problem.messageVi).toMatch(/[À-ỹ]/); // Vietnamese first (diacritics)…
  expect(problem.messageEn).not.toBe(problem.messageVi); // …and English
  return error;
}

/** Starts the shared setup for the calling test file and ends it afterwards. */
export function useCalendarApp(): void {
  beforeAll(async () => {
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    t = await createTestApp({ PUBLIC_URL: base });
    await t.app.listen({ port, host: '127.0.0.1' });
    await seedCalendar(t.database.db);
    await copyRegistryBatch(t.database, makeHousehold('03445', [person]));
    [admin, officer, police] = await Promise.all([
      t.staff('admin', '12'),
      t.staff('one_stop_officer', '03445'),
      t.staff('commune_police', '03445'),
    ]);
    citizen = await citizenSession(person.nationalId!);
  });
  afterAll(async () => t?.close());
}
