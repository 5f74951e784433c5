import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { InjectOptions } from 'fastify';
import { createTestApp, type Session, type TestApp } from '../../../../test/app';
import type { PilotModel, PilotModelPage } from '../../../contracts/pilots';
import { DEFAULT_ROLES, type Action } from '../identity';
import { modelInput, planUpload, register, reportUpload, type ErrorBody } from './test-support';

/**
 * Role × action: pilot models are read with pilots.read, registered and reported on with
 * pilots.manage, evaluated with pilots.evaluate, and the plan due date is set with
 * pilots.settings.manage — always within the caller's units.
 */
let t: TestApp;
let setup: Session; // a province-wide focal officer who prepares models in each state
const url = (id: string, rest = '') => `/api/v1/pilots/models/${id}${rest}`;

beforeAll(async () => {
  t = await createTestApp({ DATA_DIR: join(process.cwd(), '.tmp', `pilots-authz-${randomUUID()}`) });
  setup = await t.staff('pilot_officer', '12');
});
afterAll(async () => t?.close());

/** A fresh model of Đoàn Kết moved to `state` (by the setup officer). */
async function modelIn(state: 'registered' | 'planned' | 'completed'): Promise<PilotModel> {
  const model = await register(setup, modelInput('03388'));
  if (state === 'registered') return model;
  await setup.inject(planUpload(model.id));
  if (state === 'planned') return model;
  for (const to of ['in_progress', 'completed'])
    await setup.inject({ method: 'POST', url: url(model.id, '/transitions'), payload: { to } });
  return model;
}

type Call = { name: string; action: Action; request: () => Promise<InjectOptions> };
let n = 0;
const calls: Call[] = [
  {
    name: 'list models',
    action: 'pilots.read',
    request: async () => ({ method: 'GET', url: '/api/v1/pilots/models' }),
  },
  {
    name: 'read a model',
    action: 'pilots.read',
    request: async () => ({ method: 'GET', url: url((await modelIn('registered')).id) }),
  },
  {
    name: 'download a plan',
    action: 'pilots.read',
    request: async () => {
      const m = await modelIn('planned');
      const detail = (await setup.inject(url(m.id))).json<PilotModel>();
      return { method: 'GET', url: url(m.id, `/files/${detail.plans[0]!.id}`) };
    },
  },
  {
    name: 'read the progress figures',
    action: 'pilots.read',
    request: async () => ({ method: 'GET', url: '/api/v1/pilots/progress' }),
  },
  {
    name: 'register a model',
    action: 'pilots.manage',
    request: async () => ({ method: 'POST', url: '/api/v1/pilots/models', payload: modelInput('03388') }),
  },
  { name: 'upload a plan', action: 'pilots.manage', request: async () => planUpload((await modelIn('registered')).id) },
  {
    name: 'add a milestone',
    action: 'pilots.manage',
    request: async () => ({
      method: 'POST',
      url: url((await modelIn('registered')).id, '/milestones'),
      payload: { title: 'Mốc thử', dueOn: '2024-01-01' },
    }),
  },
  {
    name: 'record a milestone done',
    action: 'pilots.manage',
    request: async () => {
      const m = await modelIn('registered');
      const res = await setup.inject({
        method: 'POST',
        url: url(m.id, '/milestones'),
        payload: { title: 'Mốc', dueOn: '2024-01-01' },
      });
      const milestone = res.json<PilotModel>().milestones[0]!;
      return { method: 'PATCH', url: url(m.id, `/milestones/${milestone.id}`), payload: { doneOn: '2023-12-30' } };
    },
  },
  {
    name: 'add a progress report',
    action: 'pilots.manage',
    request: async () =>
      reportUpload((await modelIn('planned')).id, { period: '2024-Q1', text: 'Báo cáo tiến độ quý một.' }),
  },
  {
    name: 'move a model on',
    action: 'pilots.manage',
    request: async () => ({
      method: 'POST',
      url: url((await modelIn('planned')).id, '/transitions'),
      payload: { to: 'in_progress' },
    }),
  },
  {
    name: 'evaluate a model',
    action: 'pilots.evaluate',
    request: async () => ({
      method: 'POST',
      url: url((await modelIn('completed')).id, '/evaluation'),
      payload: { text: 'Đánh giá kết quả của mô hình.', rating: 'good', proposeCommendation: false },
    }),
  },
  {
    name: 'read the plan due dates',
    action: 'pilots.settings.manage',
    request: async () => ({ method: 'GET', url: '/api/v1/pilots/plan-due-dates' }),
  },
  {
    name: 'set the plan due date',
    action: 'pilots.settings.manage',
    request: async () => ({
      method: 'POST',
      url: '/api/v1/pilots/plan-due-dates',
      payload: {
        dueOn: '2099-12-31',
        effectiveFrom: `2099-01-${String((++n % 28) + 1).padStart(2, '0')}`,
        note: 'Đặt hạn thử',
      },
    }),
  },
];

const holders = (action: Action) =>
  DEFAULT_ROLES.filter((r) => r.actions.includes(action))
    .map((r) => r.code)
    .sort();

describe('the default roles', () => {
  it('let agencies’ focal officers manage, the Standing Agency and leaders read, only the Standing Agency evaluate, administrators and the Standing Agency set the due date', () => {
    expect(holders('pilots.read')).toEqual(['leader', 'pilot_officer', 'standing_agency']);
    expect(holders('pilots.manage')).toEqual(['pilot_officer']);
    expect(holders('pilots.evaluate')).toEqual(['standing_agency']);
    expect(holders('pilots.settings.manage')).toEqual(['admin', 'standing_agency']);
  });
});

describe.each(DEFAULT_ROLES.filter((r) => r.staff).map((r) => [r.code, r] as const))(
  '%s with a province-wide grant',
  (code, role) => {
    let session: Session;
    beforeAll(async () => {
      session = await t.staff(code, '12', role.needsSector ? 'health_insurance' : undefined);
    });

    it.each(calls.map((c) => [role.actions.includes(c.action) ? 'may' : 'may not', c.name, c.action, c] as const))(
      '%s %s (%s)',
      async (verdict, _name, _action, call) => {
        const res = await session.inject(await call.request());
        if (verdict === 'may') expect(res.statusCode, res.body).toBeLessThan(300);
        else {
          expect(res.statusCode, res.body).toBe(403);
          expect(res.json<ErrorBody>().error.code).toBe('AUTH.FORBIDDEN');
        }
      },
    );
  },
);

describe('citizen and signed out', () => {
  it.each(calls.map((c) => [c.name, c] as const))('a citizen may not %s (403)', async (_name, call) => {
    const citizen = await t.citizen({ nationalId: '012190000001', fullName: 'Lò Thị Thuỷ' });
    expect((await citizen.inject(await call.request())).statusCode).toBe(403);
  });
  it.each(calls.map((c) => [c.name, c] as const))('no one signed out may %s (401)', async (_name, call) => {
    expect((await t.app.inject(await call.request())).statusCode).toBe(401);
  });
});

describe('unit scope', () => {
  let doanKet: Session;
  let muongTe: Session;
  let own: PilotModel;
  beforeAll(async () => {
    doanKet = await t.staff('pilot_officer', '03388');
    muongTe = await t.staff('pilot_officer', '03445');
    own = await register(doanKet, modelInput('03388'));
  });

  it('lets a commune’s officer register only for its own unit (403 naming unitCode)', async () => {
    const res = await doanKet.inject({ method: 'POST', url: '/api/v1/pilots/models', payload: modelInput('03445') });
    expect(res.statusCode).toBe(403);
    expect(res.json<ErrorBody>().error.fields?.[0]?.field).toBe('unitCode');
    const province = await doanKet.inject({ method: 'POST', url: '/api/v1/pilots/models', payload: modelInput('12') });
    expect(province.statusCode).toBe(403);
  });

  it('answers another commune’s model exactly like a missing one (404), for reading and for acting', async () => {
    expect((await muongTe.inject(url(own.id))).statusCode).toBe(404);
    expect((await muongTe.inject(planUpload(own.id))).statusCode).toBe(404);
    expect((await muongTe.inject(url(randomUUID()))).json<ErrorBody>().error.code).toBe(
      (await muongTe.inject(url(own.id))).json<ErrorBody>().error.code,
    );
    const list = (await muongTe.inject('/api/v1/pilots/models')).json<PilotModelPage>();
    expect(list.items.some((m) => m.id === own.id)).toBe(false);
  });

  it('lets a reader without manage (a leader) see it but not act on it', async () => {
    const leader = await t.staff('leader', '12');
    const detail = await leader.inject(url(own.id));
    expect(detail.statusCode).toBe(200);
    expect(detail.json<PilotModel>().may).toEqual({ manage: false, evaluate: false });
  });

  it('keeps a commune’s Standing Agency grant to its own commune for the evaluation', async () => {
    const completed = await modelIn('completed');
    const communeStanding = await t.staff('standing_agency', '03445');
    const res = await communeStanding.inject({
      method: 'POST',
      url: url(completed.id, '/evaluation'),
      payload: { text: 'Đánh giá ngoài phạm vi được giao.', rating: 'good', proposeCommendation: false },
    });
    expect(res.statusCode).toBe(404);
  });
});
