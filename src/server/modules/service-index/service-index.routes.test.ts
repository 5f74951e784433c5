import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { todayInVietnam } from '../../../contracts/common';
import type { DossierDetail } from '../../../contracts/dossiers';
import type { DossierRating, RatingLinkTarget, ServiceIndex } from '../../../contracts/service-index';
import { testConfig } from '../../../../test/db';
import { DOSSIER_INDICATOR_SOURCES } from '../dossiers';
import {
  citizen,
  command,
  file,
  levelOne,
  oneStop,
  police,
  policeElsewhere,
  t,
  useDossierApp,
  versionId,
} from '../dossiers/dossiers.routes.test-support';
import { buildRatingLink, SERVICE_INDEX_INDICATOR_SOURCES } from './index';
import { ratingLinkToken } from './rating-link';
import { returnedDossier as returnedDossierOf, STAY } from './test-support';

/*
 * Issue 17 §5 through HTTP on a real database (PostgreSQL or PGlite): the citizen rates the service
 * of a returned dossier once, from the dossier page or the result message's link; the refusals name
 * their field in both languages and write nothing; the officer sees the rating; the service index's
 * ratios per period, unit (either structure) and procedure, as the kpi sources count them.
 */
useDossierApp();

type ErrorBody = {
  error: { code: string; message: string; fields?: Array<{ field: string; messageVi: string; messageEn: string }> };
};
const today = todayInVietnam();
const quarter = `${today.slice(0, 4)}-Q${Math.ceil(Number(today.slice(5, 7)) / 3)}`;
const secret = testConfig().SESSION_SECRET!;
const my = (id: string) => `/api/v1/ratings/my/${id}`;
const rate = (session = citizen, id: string, payload: Record<string, unknown>) =>
  session.inject({ method: 'POST', url: my(id), payload });

const returnedDossier = () => returnedDossierOf(citizen);

const ratingRows = async () =>
  Number((await t.database.rows<{ n: string }>(sql`select count(*)::text as n from service_index.ratings`))[0]!.n);

function expectField(res: { statusCode: number; json: <T>() => T }, status: number, code: string, field: string) {
  expect(res.statusCode).toBe(status);
  const body = res.json<ErrorBody>();
  expect(body.error.code).toBe(code);
  const problem = body.error.fields?.find((f) => f.field === field);
  expect(problem, JSON.stringify(body)).toBeDefined();
  expect(problem!.messageVi).not.toBe(problem!.messageEn);
}

describe('rating a returned dossier from its page', () => {
  it('is offered once the result is returned, given once, and shown to the owner and the officer of the unit', async () => {
    const dossier = await returnedDossier();
    const before = await citizen.inject(my(dossier.id));
    expect(before.statusCode, before.body).toBe(200);
    expect(before.headers['cache-control']).toBe('no-store');
    expect(before.json<DossierRating>()).toEqual({ dossierId: dossier.id, canRate: true, rating: null });

    const res = await rate(citizen, dossier.id, { value: 'satisfied', comment: '  Nhanh, cán bộ nhiệt tình  ' });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.json<DossierRating>()).toMatchObject({
      canRate: false,
      rating: { dossierCode: dossier.code, value: 'satisfied', comment: 'Nhanh, cán bộ nhiệt tình', via: 'web' },
    });
    expect((await citizen.inject(my(dossier.id))).json<DossierRating>().canRate).toBe(false);

    // The officer of the receiving commune sees it on the dossier's page; another commune's officer does not.
    const seen = await police.inject(`/api/v1/ratings/dossiers/${dossier.id}`);
    expect(seen.statusCode, seen.body).toBe(200);
    expect(seen.headers['cache-control']).toBe('no-store');
    expect(seen.json<DossierRating>().rating).toMatchObject({
      value: 'satisfied',
      comment: 'Nhanh, cán bộ nhiệt tình',
    });
    expect((await oneStop.inject(`/api/v1/ratings/dossiers/${dossier.id}`)).statusCode).toBe(200);
    expectField(
      await policeElsewhere.inject(`/api/v1/ratings/dossiers/${dossier.id}`),
      404,
      'RATING.DOSSIER_NOT_FOUND',
      'dossierId',
    );

    // A second rating is refused, and the first stays as it was.
    expectField(await rate(citizen, dossier.id, { value: 'dissatisfied' }), 409, 'RATING.ALREADY_EXISTS', 'dossierId');
    expect((await citizen.inject(my(dossier.id))).json<DossierRating>().rating?.value).toBe('satisfied');
  });

  it('refuses, naming the field and writing nothing: someone else’s dossier, before the result, an unknown value, a long comment', async () => {
    const dossier = await returnedDossier();
    const n = await ratingRows();
    expectField(await rate(levelOne, dossier.id, { value: 'satisfied' }), 404, 'RATING.DOSSIER_NOT_FOUND', 'dossierId');
    expectField(await levelOne.inject(my(dossier.id)), 404, 'RATING.DOSSIER_NOT_FOUND', 'dossierId');
    const unknown = await rate(citizen, dossier.id, { value: 'rất hài lòng' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json<ErrorBody>().error.fields?.[0]?.field).toBe('value');
    const long = await rate(citizen, dossier.id, { value: 'neutral', comment: 'x'.repeat(501) });
    expect(long.statusCode).toBe(400);
    expect(long.json<ErrorBody>().error.fields?.[0]?.field).toBe('comment');
    const missing = await rate(citizen, '00000000-0000-4000-8000-000000000000', { value: 'neutral' });
    expectField(missing, 404, 'RATING.DOSSIER_NOT_FOUND', 'dossierId');
    const badId = await rate(citizen, 'not-a-dossier', { value: 'neutral' });
    expect(badId.statusCode).toBe(400);
    expect(badId.json<ErrorBody>().error.fields?.[0]?.field).toBe('dossierId');

    // A temporary-residence registration just filed: no result yet.
    const filed = await file(citizen);
    expect(filed.statusCode, filed.body).toBe(201);
    const running = filed.json<DossierDetail>();
    expect(running.state).not.toBe('returned');
    expect((await citizen.inject(my(running.id))).json<DossierRating>()).toMatchObject({
      canRate: false,
      rating: null,
    });
    expectField(
      await rate(citizen, running.id, { value: 'satisfied' }),
      409,
      'RATING.BEFORE_RESULT_CONFLICT',
      'dossierId',
    );
    expect(await ratingRows()).toBe(n);
  });
});

describe('rating from the link in the result message', () => {
  it('leads the signed-in owner to the dossier and records the rating as given through the link', async () => {
    const dossier = await returnedDossier();
    const link = buildRatingLink({ PUBLIC_URL: 'https://dvc.laichau.gov.vn/', SESSION_SECRET: secret }, dossier.id);
    expect(link).toMatch(/^https:\/\/dvc\.laichau\.gov\.vn\/danh-gia\/[\w-]{48}$/);
    const token = link.split('/').pop()!;
    const followed = await citizen.inject(`/api/v1/ratings/links/${token}`);
    expect(followed.statusCode, followed.body).toBe(200);
    expect(followed.json<RatingLinkTarget>()).toEqual({ dossierId: dossier.id, dossierCode: dossier.code });
    // Someone else signed in with the link: like a missing dossier.
    expectField(await levelOne.inject(`/api/v1/ratings/links/${token}`), 404, 'RATING.DOSSIER_NOT_FOUND', 'dossierId');
    // Signed out: the link itself grants nothing.
    expect((await t.app.inject(`/api/v1/ratings/links/${token}`)).statusCode).toBe(401);

    const res = await rate(citizen, dossier.id, { value: 'neutral', linkToken: token });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json<DossierRating>().rating).toMatchObject({ value: 'neutral', via: 'link', comment: null });
  });

  it('refuses a tampered, expired or another dossier’s token, naming linkToken', async () => {
    const dossier = await returnedDossier();
    const other = await returnedDossier();
    const token = ratingLinkToken(secret, dossier.id);
    const tampered = `${token.slice(0, -2)}${token.endsWith('A') ? 'B' : 'A'}A`;
    const expired = ratingLinkToken(secret, dossier.id, new Date(Date.now() - 31 * 86_400_000));
    const foreign = ratingLinkToken('another-secret-another-secret-another', dossier.id);
    for (const bad of [tampered, expired, foreign, 'garbage', ratingLinkToken(secret, other.id)])
      expectField(
        await rate(citizen, dossier.id, { value: 'satisfied', linkToken: bad }),
        400,
        'RATING.LINK_INVALID',
        'linkToken',
      );
    const expiredLink = await citizen.inject(`/api/v1/ratings/links/${expired}`);
    expectField(expiredLink, 400, 'RATING.LINK_INVALID', 'linkToken');
    expect(expiredLink.json<ErrorBody>().error.fields![0]!.messageEn).toContain('expired');
    expect((await citizen.inject(my(dossier.id))).json<DossierRating>().rating).toBeNull();
  });
});

describe('GET /api/v1/service-index', () => {
  const index = async (session = police, query = `period=${quarter}&unit=03445`) => {
    const res = await session.inject(`/api/v1/service-index?${query}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    return res.json<ServiceIndex>();
  };
  const ratio = (i: ServiceIndex, key: string) => i.ratios.find((r) => r.key === key)!;

  it('gives each ratio with its numerator and denominator, the same as the kpi sources count', async () => {
    const before = await index();
    const dossier = await returnedDossier();
    await rate(citizen, dossier.id, { value: 'dissatisfied', comment: 'Phải chờ lâu' });
    const after = await index();
    expect(after).toMatchObject({ period: quarter, asOf: today, structure: 'current', unit: { code: '03445' } });
    expect(ratio(after, 'received_online').numerator).toBe(ratio(before, 'received_online').numerator + 1);
    expect(ratio(after, 'received_online').denominator).toBe(ratio(before, 'received_online').denominator + 1);
    expect(ratio(after, 'satisfied').denominator).toBe(ratio(before, 'satisfied').denominator + 1);
    expect(after.ratings.dissatisfied).toBe(before.ratings.dissatisfied + 1);
    // The document store exists (documents module): its reuses are counted, nothing is noted as missing.
    const reuse = ratio(after, 'documents_reused');
    expect(reuse.numerator).toBe(ratio(before, 'documents_reused').numerator);
    expect(reuse.noteEn).toBeNull();
    for (const r of after.ratios) expect(r.ratio).toBe(r.denominator ? r.numerator / r.denominator : null);

    // The kpi sources count the same figures per commune over the same period.
    const period = { code: quarter, type: 'quarter' as const, from: `${quarter.slice(0, 4)}-${String((Number(quarter.slice(-1)) - 1) * 3 + 1).padStart(2, '0')}-01`, to: today }; // prettier-ignore
    const q = { period, asOf: today, communeCodes: ['03445', '03388'] };
    const sources = [...DOSSIER_INDICATOR_SOURCES, ...SERVICE_INDEX_INDICATOR_SOURCES];
    for (const r of after.ratios) {
      const source = sources.find((s) => s.key === r.kpiSource);
      expect(source, r.kpiSource).toBeDefined();
      const row = (await source!.count(t.database.db, q)).find((c) => c.unitCode === '03445');
      expect({ key: r.key, n: row?.numerator ?? 0, d: row?.denominator ?? 0 }).toEqual({
        key: r.key,
        n: r.numerator,
        d: r.denominator,
      });
    }
    // The kpi keys of this module are new ones: dossiers' own are not published twice.
    expect(SERVICE_INDEX_INDICATOR_SOURCES.map((s) => s.key)).not.toContain('dossiers.received_online');
  });

  it('filters by procedure: the stay notifications’ ratings, none for temporary residence', async () => {
    const filed = await file(citizen); // a temporary residence registration, received by the commune police
    expect(filed.statusCode, filed.body).toBe(201);
    const received = await command(police, filed.json<DossierDetail>().id, 'receive');
    expect(received.statusCode, received.body).toBe(200);
    const stay = await index(police, `period=${quarter}&unit=03445&procedure=${STAY}`);
    expect(ratio(stay, 'satisfied').denominator).toBeGreaterThan(0);
    const temp = await index(police, `period=${quarter}&unit=03445&procedure=1.004194`);
    expect(ratio(temp, 'satisfied')).toMatchObject({ numerator: 0, denominator: 0, ratio: null });
    expect(ratio(temp, 'received_online').denominator).toBeGreaterThan(0);
  });

  it('places a dossier of 2025 on either structure: today’s commune it merged into, or the former commune and district', async () => {
    // Nậm Khao (03457, district Mường Tè 107) merged into today's Mường Tè (03445) on 1/7/2025.
    await t.database.db.execute(sql`insert into dossiers.dossiers
      (agency_code, procedure_code, procedure_version_id, unit_code, state, channel, applicant_name, form, sources,
       time_limit_working_days, submitted_at, received_at, due_at, decided_at, fee_status, fee_amount, fee_paid_amount)
      values ('000.00.00.H36', '1.004194', ${versionId}, '03457', 'approved', 'online', 'Người thử', '{}'::jsonb, '{}'::jsonb,
       3, '2025-03-10T09:00:00+07:00', '2025-03-10T09:00:00+07:00', '2025-03-13T17:00:00+07:00',
       '2025-03-12T10:00:00+07:00', 'cash', 15000, 15000)`);
    const standing = await t.staff('standing_agency', '12');
    const today03445 = await index(standing, 'period=2025-Q1&unit=03445');
    expect(ratio(today03445, 'received_online')).toMatchObject({ numerator: 1, denominator: 1 });
    expect(ratio(today03445, 'decided_on_time')).toMatchObject({ numerator: 1, denominator: 1 });
    expect(ratio(today03445, 'paid_online')).toMatchObject({ numerator: 0, denominator: 1, ratio: 0 });
    const namKhao = await index(standing, 'period=2025-Q1&unit=03457&structure=former');
    expect(namKhao).toMatchObject({ structure: 'former', unit: { code: '03457', name: 'Xã Nậm Khao' } });
    expect(ratio(namKhao, 'received_online')).toMatchObject({ numerator: 1, denominator: 1 });
    const district = await index(standing, 'period=2025-Q1&unit=107&structure=former');
    expect(ratio(district, 'received_online').denominator).toBe(1);
    const formerMuongTe = await index(standing, 'period=2025-Q1&unit=03445&structure=former');
    expect(ratio(formerMuongTe, 'received_online').denominator).toBe(0);
    // A year across the merger, on the former structure: counted up to 30/6/2025.
    expect((await index(standing, 'period=2025&unit=03457&structure=former')).asOf).toBe('2025-06-30');
    // Today's commune police of Mường Tè read Nậm Khao (merged into their commune), not the former district.
    expect(ratio(await index(police, 'period=2025-Q1&unit=03457&structure=former'), 'received_online').denominator).toBe(1); // prettier-ignore
    expectField(await police.inject('/api/v1/service-index?period=2025-Q1&unit=107&structure=former'), 403, 'SERVICE_INDEX.SCOPE_FORBIDDEN', 'unit'); // prettier-ignore
  });

  it('refuses bad input naming the field: a future period, a unit of no structure, the former structure after the merger, another commune', async () => {
    const next = `${Number(today.slice(0, 4)) + 1}-Q1`;
    const cases: Array<[string, number, string]> = [
      [`period=${next}`, 400, 'period'],
      ['period=2026-Q5', 400, 'period'],
      [`period=${quarter}&unit=99999`, 400, 'unit'],
      [`period=${quarter}&unit=03457`, 400, 'unit'], // Nậm Khao is not a unit of today
      [`period=${quarter}&unit=03445&structure=former`, 400, 'structure'],
      [`period=${quarter}&structure=both`, 400, 'structure'],
      [`period=${quarter}&procedure=x;drop`, 400, 'procedure'],
      [`period=${quarter}&unit=03388`, 403, 'unit'],
      [`period=${quarter}`, 403, 'unit'], // the province: beyond one commune's grant
    ];
    for (const [query, status, field] of cases) {
      const res = await police.inject(`/api/v1/service-index?${query}`);
      expect(res.statusCode, `${query}: ${res.body}`).toBe(status);
      expect(
        res.json<ErrorBody>().error.fields?.map((f) => f.field),
        query,
      ).toContain(field);
    }
  });
});
