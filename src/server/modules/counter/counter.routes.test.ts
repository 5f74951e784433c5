import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { testConfig } from '../../../../test/db';
import type { CounterSummary, Visit, VisitDetail, VisitPage } from '../../../contracts/counter';
import { listAccessForSubject, subjectFor } from '../audit';
import { counterSummary } from './index';
import type { ErrorBody } from './test-support';
import { DOAN_KET, MUONG_TE, PEOPLE, TAM_TRU, THUONG_TRU, insertPastVisit, patch } from './test-support';
import { colleague, doanKet, leader, officer, record, t, today, useCounterApp } from './counter.routes.test-support';

useCounterApp();

describe('POST /api/v1/counter/visits', () => {
  it('records a visit at the officer’s counter with the citizen’s name, and never the ID number', async () => {
    const res = await record(officer);
    expect(res.statusCode, res.body).toBe(201);
    const visit = res.json<Visit>();
    expect(visit).toMatchObject({
      unitCode: MUONG_TE,
      unitName: 'Xã Mường Tè',
      counterLabel: 'Quầy 1',
      visitDate: today,
      officerName: 'Test one_stop_officer',
      mine: true,
      canCorrect: true,
      citizen: { personId: PEOPLE.thuy.id, name: 'Lò Thị Thuỷ', masked: false },
      procedureCode: TAM_TRU,
      guidedOnline: true,
      typedBy: 'citizen_alone',
      outcome: 'filed_online',
      revision: 1,
      correctedAt: null,
    });
    expect(visit.procedureNameVi).toMatch(/tạm trú/i);
    expect(res.body).not.toContain(PEOPLE.thuy.nationalId);
    const stored = await t.database.rows<Record<string, unknown>>(
      sql`select v.*, r.* from counter.visits v join counter.visit_revisions r on r.visit_id = v.id where v.id = ${visit.id}`,
    );
    expect(stored).toHaveLength(1);
    expect(JSON.stringify(stored)).not.toContain(PEOPLE.thuy.nationalId!);
    expect(stored[0]).toMatchObject({ person_id: PEOPLE.thuy.id });
  });

  it('writes the ID lookup to the access log with the counter purpose (at the citizen’s request)', async () => {
    await record(officer, { nationalId: PEOPLE.pao.nationalId, procedureCode: THUONG_TRU });
    const log = await listAccessForSubject(
      t.database.db,
      subjectFor(testConfig().AUDIT_PSEUDONYM_KEY!, { nationalId: PEOPLE.pao.nationalId }),
      { page: 1, pageSize: 10 },
    );
    expect(log.items.length).toBeGreaterThanOrEqual(1);
    expect(log.items[0]).toMatchObject({
      action: 'person.search',
      purposeCode: 'citizen_request',
      actorRole: 'one_stop_officer',
      actorUnitCode: MUONG_TE,
    });
  });

  it('serves a citizen of another commune (any counter may receive him) and keeps a note', async () => {
    const res = await record(officer, {
      nationalId: PEOPLE.pao.nationalId,
      outcome: 'filed_paper',
      typedBy: 'officer_on_behalf',
      guidedOnline: false,
      dossierCode: '000.00.12.H30-260302-0001',
      note: 'Chưa có tài khoản định danh mức 2',
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json<Visit>()).toMatchObject({
      citizen: { name: 'Giàng A Páo' },
      dossierCode: '000.00.12.H30-260302-0001',
      note: 'Chưa có tài khoản định danh mức 2',
    });
  });

  it('records a question with no procedure and nothing typed', async () => {
    const res = await record(officer, {
      procedureCode: null,
      typedBy: null,
      outcome: 'information_only',
      guidedOnline: true,
      counterLabel: 'Quầy 2',
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json<Visit>()).toMatchObject({
      procedureCode: null,
      procedureNameVi: null,
      typedBy: null,
      counterLabel: 'Quầy 2',
    });
  });
});

describe('GET /api/v1/counter/visits (the daily list)', () => {
  it('lists one counter’s visits of the day, newest first, paginated', async () => {
    const all = (
      await officer.inject(
        `/api/v1/counter/visits?date=${today}&unitCode=${MUONG_TE}&counter=${encodeURIComponent('Quầy 1')}`,
      )
    ).json<VisitPage>();
    expect(all.total).toBeGreaterThanOrEqual(3);
    expect(all.items.every((v) => v.counterLabel === 'Quầy 1' && v.unitCode === MUONG_TE)).toBe(true);
    const times = all.items.map((v) => v.visitedAt);
    expect([...times].sort().reverse()).toEqual(times);
    const page2 = (
      await officer.inject(
        `/api/v1/counter/visits?unitCode=${MUONG_TE}&counter=${encodeURIComponent('Quầy 1')}&pageSize=1&page=2`,
      )
    ).json<VisitPage>();
    expect(page2).toMatchObject({ total: all.total, page: 2, pageSize: 1 });
    expect(page2.items[0]?.id).toBe(all.items[1]?.id);
  });

  it('lets a colleague see names but not correct, and shows a leader initials only', async () => {
    const mine = (await colleague.inject(`/api/v1/counter/visits?unitCode=${MUONG_TE}`)).json<VisitPage>();
    expect(mine.items.length).toBeGreaterThan(0);
    expect(mine.items.every((v) => !v.mine && !v.canCorrect && !v.citizen.masked)).toBe(true);
    const led = (await leader.inject(`/api/v1/counter/visits?unitCode=${MUONG_TE}`)).json<VisitPage>();
    expect(led.items.length).toBe(mine.items.length);
    expect(led.items.every((v) => v.citizen.masked && !v.canCorrect)).toBe(true);
    expect(led.items.map((v) => v.citizen.name)).toContain('L. T. T.');
    expect(JSON.stringify(led)).not.toContain('Thuỷ');
  });

  it('returns an empty day as an empty page', async () => {
    const res = await officer.inject('/api/v1/counter/visits?date=2024-01-02');
    expect(res.json<VisitPage>()).toMatchObject({ items: [], total: 0 });
  });

  it('rejects an impossible date with a 400 naming date', async () => {
    const res = await officer.inject('/api/v1/counter/visits?date=2026-02-30');
    expect(res.statusCode).toBe(400);
    expect(res.json<ErrorBody>().error.fields?.[0]?.field).toBe('date');
  });
});

describe('PATCH /api/v1/counter/visits/:id (same-day correction with history)', () => {
  let id: string;
  beforeAll(async () => {
    id = (await record(officer, { counterLabel: 'Quầy 3', typedBy: 'officer_on_behalf' })).json<Visit>().id;
  });

  it('adds a revision and keeps the old facts in the history, with what changed and why', async () => {
    const res = await patch(officer, `/api/v1/counter/visits/${id}`, {
      typedBy: 'citizen_helped',
      reason: 'Bấm nhầm',
      revision: 1,
    });
    expect(res.statusCode, res.body).toBe(200);
    const corrected = res.json<Visit>();
    expect(corrected).toMatchObject({ typedBy: 'citizen_helped', revision: 2 });
    expect(corrected.correctedAt).not.toBeNull();
    const detail = (await officer.inject(`/api/v1/counter/visits/${id}`)).json<VisitDetail>();
    expect(detail.revisions.map((r) => [r.revision, r.typedBy, r.reason, r.changedFields])).toEqual([
      [1, 'officer_on_behalf', null, []],
      [2, 'citizen_helped', 'Bấm nhầm', ['typedBy']],
    ]);
  });

  it('changes the citizen through a new ID lookup and clears a field with null', async () => {
    const res = await patch(officer, `/api/v1/counter/visits/${id}`, {
      nationalId: PEOPLE.pao.nationalId,
      note: null,
      reason: 'Ghi nhầm người',
    });
    expect(res.json<Visit>()).toMatchObject({
      citizen: { personId: PEOPLE.pao.id, name: 'Giàng A Páo' },
      revision: 3,
      note: null,
    });
    const detail = (await officer.inject(`/api/v1/counter/visits/${id}`)).json<VisitDetail>();
    expect(detail.revisions[2]?.changedFields).toEqual(['citizen']);
    expect(detail.revisions[1]?.citizen.name).toBe('Lò Thị Thuỷ');
  });

  it('does not add a revision for a correction that changes nothing', async () => {
    const res = await patch(officer, `/api/v1/counter/visits/${id}`, { typedBy: 'citizen_helped' });
    expect(res.json<Visit>().revision).toBe(3);
  });

  it('answers a correction based on an old revision with 409', async () => {
    const res = await patch(officer, `/api/v1/counter/visits/${id}`, { outcome: 'filed_paper', revision: 1 });
    expect(res.statusCode).toBe(409);
    expect(res.json<ErrorBody>().error.code).toBe('COUNTER.REVISION_CONFLICT');
  });

  it('checks the corrected visit against the same rules (400 naming typedBy)', async () => {
    const res = await patch(officer, `/api/v1/counter/visits/${id}`, { typedBy: null });
    expect(res.statusCode).toBe(400);
    expect(res.json<ErrorBody>().error.fields?.[0]?.field).toBe('typedBy');
  });

  it('answers an unknown procedure in a correction with 404 naming procedureCode', async () => {
    const res = await patch(officer, `/api/v1/counter/visits/${id}`, { procedureCode: '9.999999' });
    expect(res.statusCode).toBe(404);
    expect(res.json<ErrorBody>().error.fields?.[0]?.field).toBe('procedureCode');
  });

  it('refuses a correction by another officer of the same counter (403) and hides the visit from another commune (404)', async () => {
    const other = await patch(colleague, `/api/v1/counter/visits/${id}`, { outcome: 'filed_paper' });
    expect(other.statusCode).toBe(403);
    expect(other.json<ErrorBody>().error.code).toBe('COUNTER.CORRECTION_NOT_OWN_FORBIDDEN');
    const elsewhere = await patch(doanKet, `/api/v1/counter/visits/${id}`, { outcome: 'filed_paper' });
    expect(elsewhere.statusCode).toBe(404);
    expect((await officer.inject(`/api/v1/counter/visits/${id}`)).json<VisitDetail>().revisions).toHaveLength(3);
  });

  it('refuses a correction the next day (403), keeping the visit as it was', async () => {
    const old = await insertPastVisit(t.database.db, officer.accountId, PEOPLE.thuy.id, 1);
    const res = await patch(officer, `/api/v1/counter/visits/${old}`, { outcome: 'filed_paper' });
    expect(res.statusCode).toBe(403);
    expect(res.json<ErrorBody>().error.code).toBe('COUNTER.CORRECTION_DAY_CLOSED_FORBIDDEN');
    const detail = (await officer.inject(`/api/v1/counter/visits/${old}`)).json<VisitDetail>();
    expect(detail).toMatchObject({ outcome: 'filed_online', revision: 1, canCorrect: false });
  });

  it('answers an unknown visit with 404 and a malformed id with 400', async () => {
    expect(
      (await patch(officer, '/api/v1/counter/visits/6f1c1c52-7a4e-4d2b-9a59-0d5f1b0f0a11', { outcome: 'filed_paper' }))
        .statusCode,
    ).toBe(404);
    expect((await patch(officer, '/api/v1/counter/visits/not-a-uuid', { outcome: 'filed_paper' })).statusCode).toBe(
      400,
    );
  });
});

describe('the log cannot be rewritten behind the API', () => {
  it('refuses UPDATE and DELETE on revisions, and any change of a visit but its next revision', async () => {
    const attempts: Array<[string, ReturnType<typeof sql>]> = [
      ['update a revision', sql`update counter.visit_revisions set outcome = 'filed_paper'`],
      ['delete a revision', sql`delete from counter.visit_revisions`],
      ['move a visit to another counter', sql`update counter.visits set counter_label = 'Quầy 9'`],
      ['skip revisions', sql`update counter.visits set current_revision = current_revision + 5`],
      ['delete a visit', sql`delete from counter.visits`],
    ];
    for (const [label, attempt] of attempts) {
      const error = await t.database.db.execute(attempt).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error, label).toBeDefined();
    }
  });

  it('refuses a visit without its first revision (checked at commit)', async () => {
    const error = await t.database.db
      .transaction(async (tx) => {
        await tx.execute(
          sql`insert into counter.visits (unit_code, counter_label, officer_account_id, officer_role, officer_name, visited_at, visit_date) values ('03445', 'Q', ${officer.accountId}, 'x', 'x', now(), current_date)`,
        );
      })
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    expect(error).toBeDefined();
  });
});

describe('summary', () => {
  it('counts per unit and day from current revisions, over HTTP and through counterSummary()', async () => {
    await record(doanKet, { nationalId: PEOPLE.pao.nationalId, guidedOnline: false, typedBy: 'officer_on_behalf' });
    const res = await leader.inject(`/api/v1/counter/summary?from=${today}&to=${today}`);
    expect(res.statusCode, res.body).toBe(200);
    const summary = res.json<CounterSummary>();
    const direct = await counterSummary(t.database.db, { from: today, to: today, unitCodes: null });
    expect(summary).toEqual(direct);
    const muongTe = summary.rows.find((r) => r.unitCode === MUONG_TE)!;
    const doanKetRow = summary.rows.find((r) => r.unitCode === DOAN_KET)!;
    expect(doanKetRow).toMatchObject({
      visits: 1,
      guidedOnline: 0,
      guidedOnlineShare: 0,
      typedBy: { officer_on_behalf: 1 },
      selfFiledOnlineShare: 0,
    });
    const counted = await t.database.rows<{ n: string | number }>(
      sql`select count(*) as n from counter.visits where unit_code = ${MUONG_TE} and visit_date = ${today}`,
    );
    expect(muongTe.visits).toBe(Number(counted[0]!.n));
    expect(muongTe.outcomes.information_only).toBe(1);
    expect(summary.totals.visits).toBe(muongTe.visits + doanKetRow.visits);
    // The corrected visit counts once, with its current facts (typed by the citizen with help).
    expect(muongTe.typedBy.citizen_helped).toBe(1);
  });

  it('limits a commune officer to their unit and rejects a reversed range', async () => {
    const own = (await officer.inject(`/api/v1/counter/summary?from=${today}&to=${today}`)).json<CounterSummary>();
    expect(own.rows.map((r) => r.unitCode)).toEqual([MUONG_TE]);
    const reversed = await officer.inject('/api/v1/counter/summary?from=2026-03-10&to=2026-03-01');
    expect(reversed.statusCode).toBe(400);
    expect(reversed.json<ErrorBody>().error.fields?.[0]?.field).toBe('to');
  });
});
