import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { createTestDatabase, type TestDatabase } from '../../../../test/db';
import { makeHousehold, makePerson } from '../../../../test/factories';
import { copyRegistryBatch } from '../population';
import { DbAdapter, purgeExpired } from './eid-sandbox.adapter';
import { loadOrCreateSigningKeys } from './eid-sandbox.keys';
import { Browser, formAction, freePort, pkce, startSandbox, type RunningSandbox } from './test-support';

const person = makePerson({ nationalId: '012190000001', eIdLevel: 2 });
let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
  await copyRegistryBatch(database, makeHousehold('03445', [person]));
});
afterAll(async () => database?.dispose());

async function jwksKids(s: RunningSandbox): Promise<string[]> {
  const jwks = (await (await fetch(`${s.sandbox.issuer}/jwks`)).json()) as { keys: Array<{ kid: string; d?: string }> };
  expect(jwks.keys.every((k) => k.d === undefined)).toBe(true); // public halves only
  return jwks.keys.map((k) => k.kid);
}

/** Authorization request → (login → consent →) callback; returns the callback URL. */
async function authorizeAndSignIn(s: RunningSandbox, browser: Browser): Promise<{ callback: URL; verifier: string }> {
  const { verifier, challenge } = pkce();
  const params = new URLSearchParams({
    client_id: s.config.OIDC_CLIENT_ID,
    redirect_uri: s.redirectUri,
    response_type: 'code',
    scope: 'openid profile phone',
    state: randomBytes(4).toString('hex'),
    code_challenge: challenge,
    code_challenge_method: 'S256',
  });
  let url = `${s.sandbox.issuer}/auth?${params.toString()}`;
  let landed = await browser.follow(await browser.request(url), url, s.redirectUri);
  for (const [suffix, form] of [
    ['/login', { nationalId: person.nationalId!, passcode: '123456' }],
    ['/consent', {}],
  ] as const) {
    if (landed.url.startsWith(s.redirectUri)) break;
    url = new URL(formAction(await landed.response.text(), suffix), landed.url).href;
    landed = await browser.follow(await browser.request(url, { form }), url, s.redirectUri);
  }
  return { callback: new URL(landed.url), verifier };
}

describe('sandbox e-ID provider: state kept in the database', () => {
  it('keeps its signing key, sessions and tokens across a restart on the same database', async () => {
    const port = await freePort();
    const first = await startSandbox(database, port);
    const browser = new Browser();
    const { callback, verifier } = await authorizeAndSignIn(first, browser);
    const token = await fetch(`${first.sandbox.issuer}/token`, {
      method: 'POST',
      body: new URLSearchParams({
        grant_type: 'authorization_code',
        code: callback.searchParams.get('code')!,
        redirect_uri: first.redirectUri,
        code_verifier: verifier,
        client_id: first.config.OIDC_CLIENT_ID,
        client_secret: first.config.OIDC_CLIENT_SECRET!,
      }),
    });
    const { access_token: accessToken } = (await token.json()) as { access_token: string };
    const kidsBefore = await jwksKids(first);
    await first.close();

    const second = await startSandbox(database, port);
    try {
      expect(await jwksKids(second)).toEqual(kidsBefore);
      const userinfo = await fetch(`${second.sandbox.issuer}/me`, {
        headers: { authorization: `Bearer ${accessToken}` },
      });
      expect(userinfo.status).toBe(200);
      const again = await authorizeAndSignIn(second, browser);
      expect(again.callback.searchParams.get('code')).toBeTruthy(); // the session cookie still names a stored session
      const stored = await database.rows<{ n: string | number }>(sql`select count(*) as n from eid_sandbox.keys`);
      expect(Number(stored[0]?.n)).toBe(1);
    } finally {
      await second.close();
    }
  });

  it('agrees on one signing key when two instances start at once', async () => {
    const [a, b] = await Promise.all([loadOrCreateSigningKeys(database.db), loadOrCreateSigningKeys(database.db)]);
    expect(a.map((k) => k.kid)).toEqual(b.map((k) => k.kid));
    expect(a).toHaveLength(1);
  });
});

describe('DbAdapter', () => {
  it('finds by id and uid, hides expired rows, and marks consumed ones', async () => {
    const sessions = new DbAdapter(database.db, 'Session');
    await sessions.upsert('s1', { uid: 'u1', accountId: '012190000001' }, 60);
    expect(await sessions.find('s1')).toMatchObject({ uid: 'u1' });
    expect(await sessions.findByUid('u1')).toMatchObject({ accountId: '012190000001' });
    expect(await new DbAdapter(database.db, 'Grant').find('s1')).toBeUndefined(); // kinds do not mix

    const codes = new DbAdapter(database.db, 'AuthorizationCode');
    await codes.upsert('c1', { grantId: 'g1' }, 60);
    await codes.consume('c1');
    expect((await codes.find('c1'))?.consumed).toEqual(expect.any(Number));

    await codes.upsert('c2', { grantId: 'g2' }, -1);
    expect(await codes.find('c2')).toBeUndefined();
  });

  it('revokes every token of a grant, and purges rows expired for over a day', async () => {
    const tokens = new DbAdapter(database.db, 'AccessToken');
    const codes = new DbAdapter(database.db, 'AuthorizationCode');
    await tokens.upsert('a1', { grantId: 'g9' }, 60);
    await codes.upsert('c9', { grantId: 'g9' }, 60);
    await tokens.upsert('a2', { grantId: 'other' }, 60);
    await tokens.revokeByGrantId('g9');
    expect(await tokens.find('a1')).toBeUndefined();
    expect(await codes.find('c9')).toBeUndefined();
    expect(await tokens.find('a2')).toBeDefined();

    await tokens.upsert('old', { grantId: 'x' }, -2 * 86_400);
    expect(await purgeExpired(database.db)).toBeGreaterThanOrEqual(1);
    const left = await database.rows<{ n: string | number }>(
      sql`select count(*) as n from eid_sandbox.models where id = 'old'`,
    );
    expect(Number(left[0]?.n)).toBe(0);
  });
});
