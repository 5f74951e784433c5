import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { type Session } from '../../../../test/app';
import { DEFAULT_ROLES } from '../identity';
import { type DossierDetail, type DossierSummary } from '../../../contracts/dossiers';
import {
  TEMP,
  t,
  hoa,
  police,
  policeElsewhere,
  oneStop,
  queued,
  filed,
  run,
  detail,
  SUPPLEMENT,
  ids,
  useRequirementsApp,
  type ApiError,
} from './dossiers.requirements.test-support';

/** The record of a refusal at intake, and the back-office workqueues and searches. */

useRequirementsApp();

describe('the record of a refusal at intake', () => {
  it('keeps the actor role, unit, note, reason and legal basis in the timeline', async () => {
    const d = await filed(hoa);
    const refusal = {
      note: 'Đã hướng dẫn công dân nộp tại nơi cư trú',
      reason: 'Hồ sơ không thuộc thẩm quyền tiếp nhận',
      legalBasis: 'khoản 1 Điều 22 Luật Cư trú 2020',
    };
    const refused = await run(oneStop, d.id, 'refuse_intake', refusal);
    expect(refused.state).toBe('not_accepted');
    expect(refused.decidedAt).not.toBeNull();
    expect(refused.slips).toContain('refusal');

    const role = DEFAULT_ROLES.find((r) => r.code === 'one_stop_officer')!;
    const entry = {
      command: 'refuse_intake',
      fromState: 'submitted',
      toState: 'not_accepted',
      actorRole: 'one_stop_officer',
      actorRoleNameVi: role.nameVi,
      actorRoleNameEn: role.nameEn,
      actorUnitCode: '03445',
      ...refusal,
      items: null,
      dueAt: null,
    };
    const staffView = await detail(police, d.id);
    expect(staffView.timeline).toHaveLength(2);
    expect(staffView.timeline[0]).toMatchObject({
      command: 'submit',
      fromState: null,
      toState: 'submitted',
      actorRole: 'citizen',
      actorUnitCode: null,
    });
    expect(staffView.timeline[1]).toMatchObject(entry);
    // The citizen sees the same step (role and unit, no officer identity).
    const citizenView = await detail(hoa, d.id);
    expect(citizenView.timeline[1]).toMatchObject(entry);
    expect(JSON.stringify(citizenView.timeline)).not.toContain(oneStop.accountId);
    expect(citizenView.allowedCommands).toEqual([]);
  });
});

describe('the workqueues of the back office', () => {
  let queuedCitizen: Session;
  const d: Record<'fresh' | 'mine' | 'dueSoon' | 'overdue' | 'waiting', DossierDetail> = {} as never;
  let all: string[];

  const queue = async (session: Session, query: string): Promise<DossierSummary[]> => {
    const res = await session.inject(`/api/v1/dossiers?${query}&pageSize=100`);
    expect(res.statusCode, res.body).toBe(200);
    const page = res.json<{ items: DossierSummary[]; total: number }>();
    expect(page.total).toBeLessThanOrEqual(100); // every match is on the page
    return page.items;
  };
  const setDue = (id: string, due: string) =>
    t.database.rows(sql`update dossiers.dossiers set due_at = now() + ${due}::interval where id = ${id}`);

  beforeAll(async () => {
    queuedCitizen = await t.citizen({ nationalId: queued.nationalId!, fullName: queued.fullName }, 2);
    d.fresh = await filed(queuedCitizen);
    d.mine = await filed(queuedCitizen);
    d.dueSoon = await filed(queuedCitizen);
    d.overdue = await filed(queuedCitizen);
    d.waiting = await filed(queuedCitizen);
    // The commune police receives one (it becomes theirs); the one-stop desk receives the others (no assignee).
    d.mine = await run(police, d.mine.id, 'receive');
    expect(d.mine.assignedToMe).toBe(true);
    for (const k of ['dueSoon', 'overdue', 'waiting'] as const) d[k] = await run(oneStop, d[k].id, 'receive');
    d.waiting = await run(oneStop, d.waiting.id, 'request_supplement', SUPPLEMENT);
    await setDue(d.mine.id, '60 days'); // far from due even across Tết
    await setDue(d.dueSoon.id, '10 minutes');
    await setDue(d.overdue.id, '-1 day');
    await setDue(d.waiting.id, '-2 days'); // the clock is stopped while the citizen supplements: never overdue
    all = Object.values(d).map((x) => x.id);
  });

  it.each([
    ['new', ['fresh']],
    ['mine', ['mine']],
    ['due_soon', ['dueSoon']],
    ['overdue', ['overdue']],
    ['waiting_citizen', ['waiting']],
    ['all', ['fresh', 'mine', 'dueSoon', 'overdue', 'waiting']],
  ] as const)('queue=%s holds exactly the expected dossiers', async (name, expected) => {
    const items = await queue(police, `queue=${name}`);
    expect(ids(items, all)).toEqual(expected.map((k) => d[k].id).sort());
  });

  it('colours the dossiers by deadline', async () => {
    const items = await queue(police, 'queue=all');
    const flag = (k: keyof typeof d) => items.find((i) => i.id === d[k].id)?.flag;
    expect({
      dueSoon: flag('dueSoon'),
      overdue: flag('overdue'),
      waiting: flag('waiting'),
      mine: flag('mine'),
    }).toEqual({ dueSoon: 'due_soon', overdue: 'overdue', waiting: 'paused', mine: 'on_time' });
  });

  it('shows "mine" only to the officer the dossier is assigned to', async () => {
    expect(ids(await queue(oneStop, 'queue=mine'), all)).toEqual([]);
    const other = await t.staff('commune_police', '03445');
    expect(ids(await queue(other, 'queue=mine'), all)).toEqual([]);
  });

  it('filters by state, procedure code and dossier code', async () => {
    expect(ids(await queue(police, 'queue=all&state=received'), all)).toEqual(
      [d.mine.id, d.dueSoon.id, d.overdue.id].sort(),
    );
    expect(ids(await queue(police, 'queue=all&state=supplement_requested'), all)).toEqual([d.waiting.id]);
    expect(ids(await queue(police, `queue=all&procedureCode=${TEMP}`), all)).toEqual([...all].sort());
    expect(ids(await queue(police, 'queue=all&procedureCode=1.004222'), all)).toEqual([]);
    expect(ids(await queue(police, `queue=all&code=${encodeURIComponent(d.overdue.code!)}`), all)).toEqual([
      d.overdue.id,
    ]);
    const prefix = d.overdue.code!.slice(0, d.overdue.code!.lastIndexOf('-') + 1); // <agency>-YYMMDD-
    expect(ids(await queue(police, `queue=all&code=${encodeURIComponent(prefix)}`), all)).toEqual([...all].sort());
    expect(ids(await queue(police, 'queue=overdue&state=received'), all)).toEqual([d.overdue.id]);
    expect(ids(await queue(police, 'queue=all&code=03445.X'), all)).toEqual([]);
  });

  it('finds the dossiers of a person by ID number (in the body), in the officer’s commune only', async () => {
    const search = (session: Session, nationalId: string) =>
      session.inject({ method: 'POST', url: '/api/v1/dossiers/search', payload: { nationalId } });
    const res = await search(police, queued.nationalId!);
    expect(res.statusCode, res.body).toBe(200);
    expect(
      res
        .json<{ items: DossierSummary[] }>()
        .items.map((i) => i.id)
        .sort(),
    ).toEqual([...all].sort());
    const elsewhere = await search(policeElsewhere, queued.nationalId!);
    expect(elsewhere.statusCode).toBe(200);
    expect(elsewhere.json<{ items: DossierSummary[] }>().items).toEqual([]);
    expect((await search(police, '012199999999')).json<{ items: DossierSummary[] }>().items).toEqual([]);
    const bad = await search(police, '1234');
    expect(bad.statusCode).toBe(400);
    expect(bad.json<ApiError>().error.fields?.[0]?.field).toBe('nationalId');
  });

  it('finds them by the applicant’s name typed without tone marks, words in order, in the officer’s commune only', async () => {
    const search = (session: Session, payload: object) =>
      session.inject({ method: 'POST', url: '/api/v1/dossiers/search', payload });
    const plain = queued.fullName.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D');
    for (const typed of [
      queued.fullName,
      plain.toLowerCase(),
      plain.toUpperCase(),
      plain
        .split(' ')
        .filter((_, i, w) => i === 0 || i === w.length - 1)
        .join(' '),
    ]) {
      const res = await search(police, { name: typed });
      expect(res.statusCode, res.body).toBe(200);
      expect(ids(res.json<{ items: DossierSummary[] }>().items, all), typed).toEqual([...all].sort());
    }
    const reversed = plain.split(' ').reverse().join(' ');
    expect(ids((await search(police, { name: reversed })).json<{ items: DossierSummary[] }>().items, all)).toEqual([]);
    expect((await search(policeElsewhere, { name: plain })).json<{ items: DossierSummary[] }>().items).toEqual([]);
    const short = await search(police, { name: 'a' });
    expect(short.statusCode).toBe(400);
    expect(short.json<ApiError>().error.fields?.[0]?.field).toBe('name');
    const both = await search(police, { name: plain, nationalId: queued.nationalId });
    expect(both.statusCode).toBe(400);
    expect(both.json<ApiError>().error.fields?.[0]?.field).toBe('nationalId');
  });

  it('hides them from an officer of another commune, in every queue and by id (404)', async () => {
    for (const name of ['new', 'mine', 'due_soon', 'overdue', 'waiting_citizen', 'all']) {
      expect(ids(await queue(policeElsewhere, `queue=${name}`), all), name).toEqual([]);
    }
    expect(ids(await queue(policeElsewhere, 'queue=all&unitCode=03445'), all)).toEqual([]);
    expect((await policeElsewhere.inject(`/api/v1/dossiers/${d.overdue.id}`)).statusCode).toBe(404);
  });
});
