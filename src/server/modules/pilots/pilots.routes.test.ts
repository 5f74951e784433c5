import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { createTestApp, type Session, type TestApp } from '../../../../test/app';
import { todayInVietnam } from '../../../contracts/common';
import type { PilotModel, PilotModelPage, PilotProgress } from '../../../contracts/pilots';
import { PILOTS_INDICATOR_SOURCES, pilotProgress } from './index';
import { PDF, PNG, modelInput, planUpload, register, reportUpload, xlsx, type ErrorBody } from './test-support';

/** Pilot models through HTTP against the real database (PostgreSQL when DATABASE_URL is set, else PGlite). */
let t: TestApp;
let officer: Session; // focal officer of Phường Đoàn Kết (03388)
let standing: Session;
let admin: Session;

beforeAll(async () => {
  t = await createTestApp({ DATA_DIR: join(process.cwd(), '.tmp', `pilots-${randomUUID()}`) });
  officer = await t.staff('pilot_officer', '03388');
  standing = await t.staff('standing_agency', '12');
  admin = await t.staff('admin', '12');
});
afterAll(async () => t?.close());

const url = (id: string, rest = '') => `/api/v1/pilots/models/${id}${rest}`;
const errorOf = (body: string) => JSON.parse(body) as ErrorBody;
const count = async (table: string) =>
  Number((await t.database.rows<{ n: string }>(sql.raw(`select count(*)::text as n from pilots.${table}`)))[0]!.n);

async function toCompleted(id: string): Promise<void> {
  expect((await officer.inject(planUpload(id))).statusCode).toBe(200);
  for (const to of ['in_progress', 'completed'])
    expect((await officer.inject({ method: 'POST', url: url(id, '/transitions'), payload: { to } })).statusCode).toBe(
      200,
    );
}

describe('registering and the lifecycle', () => {
  it('registers a model in its agency’s unit: state registered, one history row, no-store', async () => {
    const res = await officer.inject({ method: 'POST', url: '/api/v1/pilots/models', payload: modelInput('03388') });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.headers['cache-control']).toBe('no-store');
    const model = res.json<PilotModel>();
    expect(model).toMatchObject({
      state: 'registered',
      unitName: 'Phường Đoàn Kết',
      planUploaded: false,
      planOverdue: false,
    });
    expect(model.transitions).toEqual([expect.objectContaining({ fromState: null, toState: 'registered' })]);
    expect(model.nextStates).toEqual([]);
  });

  it('moves registered → planned by the plan upload, then in progress and completed, and the Standing Agency evaluates', async () => {
    const model = await register(officer, modelInput('03388'));
    const planned = await officer.inject(planUpload(model.id));
    expect(planned.statusCode, planned.body).toBe(200);
    expect(planned.json<PilotModel>()).toMatchObject({
      state: 'planned',
      planUploaded: true,
      nextStates: ['in_progress'],
    });
    expect(planned.json<PilotModel>().plans[0]).toMatchObject({
      fileName: 'ke-hoach.pdf',
      mediaType: 'application/pdf',
    });

    for (const to of ['in_progress', 'completed'] as const) {
      const res = await officer.inject({
        method: 'POST',
        url: url(model.id, '/transitions'),
        payload: { to, note: 'Ghi chú' },
      });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json<PilotModel>().state).toBe(to);
    }
    const evaluation = {
      text: 'Mô hình đạt mục tiêu đề ra, có thể nhân rộng.',
      rating: 'good',
      proposeCommendation: true,
      commendationReason: 'Hoàn thành tốt mô hình điểm đúng hạn.',
    };
    const evaluated = await standing.inject({ method: 'POST', url: url(model.id, '/evaluation'), payload: evaluation });
    expect(evaluated.statusCode, evaluated.body).toBe(200);
    const body = evaluated.json<PilotModel>();
    expect(body.state).toBe('evaluated');
    expect(body.evaluation).toMatchObject({ rating: 'good', proposeCommendation: true });
    expect(body.transitions.map((x) => [x.fromState, x.toState])).toEqual([
      [null, 'registered'],
      ['registered', 'planned'],
      ['planned', 'in_progress'],
      ['in_progress', 'completed'],
      ['completed', 'evaluated'],
    ]);
    expect(body.transitions.every((x) => x.byName)).toBe(true);

    const file = await officer.inject(url(model.id, `/files/${body.plans[0]!.id}`));
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('application/pdf');
    expect(file.rawPayload.equals(PDF)).toBe(true);
  });

  it('keeps each plan upload as a version; a second one does not change the state', async () => {
    const model = await register(officer, modelInput('03388'));
    await officer.inject(planUpload(model.id));
    const again = await officer.inject(planUpload(model.id, await xlsx(), 'ke-hoach-sua.xlsx'));
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json<PilotModel>().state).toBe('planned');
    expect(again.json<PilotModel>().plans.map((p) => p.fileName)).toEqual(['ke-hoach.pdf', 'ke-hoach-sua.xlsx']);
    expect(again.json<PilotModel>().transitions).toHaveLength(2);
  });

  it('records milestones in date order, their done dates, and progress reports with attachments and indicators', async () => {
    const model = await register(officer, modelInput('03388'));
    const first = await officer.inject({
      method: 'POST',
      url: url(model.id, '/milestones'),
      payload: { title: 'Tập huấn cán bộ', dueOn: '2023-07-31' },
    });
    expect(first.statusCode, first.body).toBe(200);
    const milestone = first.json<PilotModel>().milestones[0]!;
    expect(milestone).toMatchObject({ position: 1, overdue: true, doneOn: null });
    const done = await officer.inject({
      method: 'PATCH',
      url: url(model.id, `/milestones/${milestone.id}`),
      payload: { doneOn: '2023-07-20' },
    });
    expect(done.json<PilotModel>().milestones[0]).toMatchObject({ doneOn: '2023-07-20', overdue: false });
    expect(done.json<PilotModel>().milestonesOverdue).toBe(0);

    const report = await officer.inject(
      reportUpload(
        model.id,
        {
          period: '2023-Q3',
          text: 'Đã tập huấn xong cho cán bộ các bộ phận.',
          indicators: [{ label: 'Số cán bộ tập huấn', value: 42 }],
        },
        [{ field: 'file', fileName: 'phu-luc.xlsx', type: 'application/octet-stream', data: await xlsx() }],
      ),
    );
    expect(report.statusCode, report.body).toBe(200);
    expect(report.json<PilotModel>().reports[0]).toMatchObject({
      period: '2023-Q3',
      indicators: [{ label: 'Số cán bộ tập huấn', value: 42 }],
      files: [expect.objectContaining({ fileName: 'phu-luc.xlsx' })],
    });
  });
});

describe('bad input: refused with bilingual errors naming the field, nothing half-written', () => {
  let model: PilotModel;
  beforeAll(async () => {
    model = await register(officer, modelInput('03388'));
  });

  const expectField = (res: { statusCode: number; body: string }, status: number, field: string) => {
    expect(res.statusCode, res.body).toBe(status);
    const error = errorOf(res.body).error;
    expect(error.messageVi).toBeTruthy();
    expect(error.messageEn).toBeTruthy();
    expect(error.messageVi).not.toBe(error.messageEn);
    expect(error.fields?.map((f) => f.field)).toContain(field);
  };

  it.each([
    ['a target outside 1–14', { targets: [15] }, 'targets.0'],
    ['target 0', { targets: [0] }, 'targets.0'],
    ['no target', { targets: [] }, 'targets'],
    ['a repeated target', { targets: [3, 3] }, 'targets'],
    ['a letter number without its symbol', { letterNumber: '1074' }, 'letterNumber'],
    ['a date that does not exist', { letterDate: '2023-02-30' }, 'letterDate'],
    ['an unknown sector', { sector: 'army' }, 'sector'],
    ['an agency code of another form', { agencyCode: '12-345' }, 'agencyCode'],
  ])('refuses a registration with %s', async (_name, over, field) => {
    const before = await count('models');
    const res = await officer.inject({
      method: 'POST',
      url: '/api/v1/pilots/models',
      payload: { ...modelInput('03388'), ...over },
    });
    expectField(res, 400, field);
    expect(await count('models')).toBe(before);
  });

  it('refuses unknown fields, naming them', async () => {
    const res = await officer.inject({
      method: 'POST',
      url: '/api/v1/pilots/models',
      payload: { ...modelInput('03388'), state: 'evaluated' },
    });
    expectField(res, 400, 'state');
  });

  it('refuses a letter dated in the future and a unit that does not exist', async () => {
    expectField(
      await officer.inject({
        method: 'POST',
        url: '/api/v1/pilots/models',
        payload: modelInput('03388', { letterDate: '2099-01-01' }),
      }),
      400,
      'letterDate',
    );
    expectField(
      await officer.inject({ method: 'POST', url: '/api/v1/pilots/models', payload: modelInput('99999') }),
      400,
      'unitCode',
    );
  });

  it('refuses an invalid transition (registered → in progress, or planned by hand) with 409', async () => {
    for (const to of ['in_progress', 'planned', 'evaluated']) {
      const res = await officer.inject({ method: 'POST', url: url(model.id, '/transitions'), payload: { to } });
      expectField(res, 409, 'to');
    }
    expect((await officer.inject(url(model.id))).json<PilotModel>().transitions).toHaveLength(1);
  });

  it('refuses milestones out of order and due before the registration letter', async () => {
    await officer.inject({
      method: 'POST',
      url: url(model.id, '/milestones'),
      payload: { title: 'Mốc một', dueOn: '2024-03-31' },
    });
    expectField(
      await officer.inject({
        method: 'POST',
        url: url(model.id, '/milestones'),
        payload: { title: 'Mốc hai', dueOn: '2024-01-31' },
      }),
      400,
      'dueOn',
    );
    expectField(
      await officer.inject({
        method: 'POST',
        url: url(model.id, '/milestones'),
        payload: { title: 'Mốc sớm', dueOn: '2022-01-31' },
      }),
      400,
      'dueOn',
    );
    const ms = (await officer.inject(url(model.id))).json<PilotModel>().milestones;
    expect(ms.map((m) => m.title)).toEqual(['Mốc một']);
    expectField(
      await officer.inject({
        method: 'PATCH',
        url: url(model.id, `/milestones/${ms[0]!.id}`),
        payload: { doneOn: '2099-01-01' },
      }),
      400,
      'doneOn',
    );
  });

  it('refuses plans of other types by their bytes (a PNG, a text file named .pdf), empty ones and two at once', async () => {
    expectField(await officer.inject(planUpload(model.id, PNG, 'anh.pdf')), 400, 'file');
    expectField(
      await officer.inject(planUpload(model.id, Buffer.from('not a pdf at all'), 'ke-hoach.pdf')),
      400,
      'file',
    );
    expectField(await officer.inject(planUpload(model.id, Buffer.alloc(0), 'rong.pdf')), 400, 'file');
    const two = await officer.inject({
      method: 'POST',
      url: url(model.id, '/plan'),
      ...(await import('./test-support')).multipartBody([
        { field: 'file', fileName: 'a.pdf', data: PDF },
        { field: 'file', fileName: 'b.pdf', data: PDF },
      ]),
    });
    expectField(two, 400, 'file');
    expect((await officer.inject(url(model.id))).json<PilotModel>()).toMatchObject({ state: 'registered', plans: [] });
  });

  it('refuses a plan larger than 10 MB with 413', async () => {
    const res = await officer.inject(planUpload(model.id, Buffer.concat([PDF, Buffer.alloc(10 * 1024 * 1024)])));
    expect(res.statusCode, res.body).toBe(413);
  });

  it('refuses a report with a bad period, an indicator without a number, unknown fields, or a bad attachment — nothing written', async () => {
    const before = await count('reports');
    expectField(
      await officer.inject(reportUpload(model.id, { period: '2023-Q5', text: 'Nội dung báo cáo đủ dài.' })),
      400,
      'report.period',
    );
    expectField(
      await officer.inject(
        reportUpload(model.id, {
          period: '2023-Q3',
          text: 'Nội dung báo cáo đủ dài.',
          indicators: [{ label: 'Tỷ lệ', value: 'cao' }],
        }),
      ),
      400,
      'report.indicators.0.value',
    );
    expectField(
      await officer.inject(reportUpload(model.id, { period: '2023-Q3', text: 'Nội dung báo cáo đủ dài.', extra: 1 })),
      400,
      'report.extra',
    );
    expectField(
      await officer.inject(
        reportUpload(model.id, { period: '2023-Q3', text: 'Nội dung báo cáo đủ dài.' }, [
          { field: 'file', fileName: 'anh.png', type: 'image/png', data: PNG },
        ]),
      ),
      400,
      'file[0]',
    );
    expect(await count('reports')).toBe(before);
  });

  it('refuses a plan upload, a report and a transition after the evaluation (409)', async () => {
    const done = await register(officer, modelInput('03388'));
    await toCompleted(done.id);
    const evaluation = { text: 'Đạt yêu cầu của Kế hoạch đề ra.', rating: 'fair', proposeCommendation: false };
    expect(
      (await standing.inject({ method: 'POST', url: url(done.id, '/evaluation'), payload: evaluation })).statusCode,
    ).toBe(200);
    expectField(await officer.inject(planUpload(done.id)), 409, 'file');
    expectField(
      await officer.inject(reportUpload(done.id, { period: '2024', text: 'Báo cáo sau đánh giá.' })),
      409,
      'report',
    );
    expectField(
      await officer.inject({ method: 'POST', url: url(done.id, '/transitions'), payload: { to: 'completed' } }),
      409,
      'to',
    );
    expectField(
      await standing.inject({ method: 'POST', url: url(done.id, '/evaluation'), payload: evaluation }),
      409,
      'rating',
    );
    expect((await officer.inject(url(done.id))).json<PilotModel>().plans).toHaveLength(1);
  });

  it('refuses an evaluation of a model not completed, and a commendation without its reason', async () => {
    expectField(
      await standing.inject({
        method: 'POST',
        url: url(model.id, '/evaluation'),
        payload: { text: 'Đánh giá quá sớm của mô hình.', rating: 'good', proposeCommendation: false },
      }),
      409,
      'to',
    );
    expectField(
      await standing.inject({
        method: 'POST',
        url: url(model.id, '/evaluation'),
        payload: { text: 'Đánh giá đầy đủ nội dung.', rating: 'good', proposeCommendation: true },
      }),
      400,
      'commendationReason',
    );
    expect(await count('evaluations')).toBeGreaterThanOrEqual(0);
    expect((await officer.inject(url(model.id))).json<PilotModel>().evaluation).toBeNull();
  });

  it('refuses an evaluation by someone who is not the Standing Agency (403, bilingual)', async () => {
    for (const who of [officer, admin, await t.staff('leader', '12')]) {
      const res = await who.inject({
        method: 'POST',
        url: url(model.id, '/evaluation'),
        payload: { text: 'Tự đánh giá mô hình của mình.', rating: 'excellent', proposeCommendation: false },
      });
      expect(res.statusCode).toBe(403);
      expect(errorOf(res.body).error.messageEn).toBeTruthy();
    }
  });

  it('answers malformed ids and a missing model with 400 / 404, never 500', async () => {
    expect((await officer.inject('/api/v1/pilots/models/not-a-uuid')).statusCode).toBe(400);
    expect((await officer.inject(url(randomUUID()))).statusCode).toBe(404);
    expect((await officer.inject(planUpload(randomUUID()))).statusCode).toBe(404);
    expect((await officer.inject(url(model.id, `/files/${randomUUID()}`))).statusCode).toBe(404);
  });
});

describe('the plan due date as dated data', () => {
  it('starts with the plan’s own (June 2023) and takes a new one from its effective day', async () => {
    const list = await admin.inject('/api/v1/pilots/plan-due-dates');
    expect(list.statusCode).toBe(200);
    expect(list.json<{ items: Array<{ dueOn: string; inForce: boolean }> }>().items).toEqual([
      expect.objectContaining({ dueOn: '2023-06-30', effectiveFrom: '2023-03-27', inForce: true }),
    ]);
    const bad = await admin.inject({
      method: 'POST',
      url: '/api/v1/pilots/plan-due-dates',
      payload: { dueOn: '2026-01-01', effectiveFrom: '2026-02-01', note: 'Sai thứ tự' },
    });
    expect(bad.statusCode).toBe(400);
    expect(errorOf(bad.body).error.fields?.[0]?.field).toBe('dueOn');
    const today = todayInVietnam();
    const set = await standing.inject({
      method: 'POST',
      url: '/api/v1/pilots/plan-due-dates',
      payload: { dueOn: '2099-12-31', effectiveFrom: today, note: 'Văn bản gia hạn (thử)' },
    });
    expect(set.statusCode, set.body).toBe(201);
    const items = set.json<{ items: Array<{ dueOn: string; inForce: boolean }> }>().items;
    expect(items.find((i) => i.inForce)?.dueOn).toBe('2099-12-31');
    const page = await officer.inject('/api/v1/pilots/models');
    expect(page.json<PilotModelPage>().items.every((m) => m.planDueOn === '2099-12-31')).toBe(true);
  });

  it('refuses a commune’s grant and an unknown field', async () => {
    const communeAdmin = await t.staff('admin', '03388');
    const res = await communeAdmin.inject({
      method: 'POST',
      url: '/api/v1/pilots/plan-due-dates',
      payload: { dueOn: '2099-12-31', effectiveFrom: '2099-01-01', note: 'Cấp xã đặt hạn' },
    });
    expect(res.statusCode).toBe(403);
    const unknown = await admin.inject({
      method: 'POST',
      url: '/api/v1/pilots/plan-due-dates',
      payload: { dueOn: '2099-12-31', effectiveFrom: '2099-01-01', note: 'Có trường lạ', unit: '12' },
    });
    expect(unknown.statusCode).toBe(400);
    expect(errorOf(unknown.body).error.fields?.[0]?.field).toBe('unit');
  });
});

describe('pilotProgress (target 14, for the dashboard)', () => {
  it('counts per agency from the history, so a past day keeps its figures', async () => {
    const agency = 'Sở Thử nghiệm tiến độ';
    const provincial = await t.staff('pilot_officer', '12');
    const a = await register(provincial, modelInput('12', { agencyName: agency }));
    const b = await register(provincial, modelInput('12', { agencyName: agency }));
    await register(provincial, modelInput('12', { agencyName: agency }));
    expect((await provincial.inject(planUpload(a.id))).statusCode).toBe(200);
    await provincial.inject({ method: 'POST', url: url(a.id, '/transitions'), payload: { to: 'in_progress' } });
    await provincial.inject({
      method: 'POST',
      url: url(b.id, '/milestones'),
      payload: { title: 'Quá hạn', dueOn: '2024-01-01' },
    });

    const today = todayInVietnam();
    const now = await pilotProgress(t.database.db, { asOf: today });
    expect(now.rows.find((r) => r.agencyName === agency)).toEqual({
      unitCode: '12',
      agencyName: agency,
      registered: 3,
      planUploaded: 1,
      planOverdue: 0, // registered after the due date in force
      milestonesOverdue: 1,
      inProgress: 1,
      completed: 0,
      evaluated: 0,
    });
    const before = await pilotProgress(t.database.db, { asOf: '2024-01-01' });
    expect(before.rows.find((r) => r.agencyName === agency)).toBeUndefined();

    // kpi's source for target 14: of the province's models, those with no plan or milestone overdue.
    const source = PILOTS_INDICATOR_SOURCES.find((x) => x.key === 'pilots.on_track')!;
    const period = { code: today.slice(0, 4), type: 'year' as const, from: `${today.slice(0, 4)}-01-01`, to: today };
    const counts = await source.count(t.database.db, { period, asOf: today, communeCodes: ['03388'] });
    const province = counts.find((c) => c.unitCode === '12')!;
    expect(province.denominator - province.numerator).toBe(1); // b's overdue milestone
    expect(await source.count(t.database.db, { period, asOf: '2020-01-01', communeCodes: ['03388'] })).toEqual([]);

    const http = await standing.inject(`/api/v1/pilots/progress?asOf=${today}`);
    expect(http.statusCode).toBe(200);
    expect(http.json<PilotProgress>().rows.find((r) => r.agencyName === agency)?.registered).toBe(3);
  });
});
