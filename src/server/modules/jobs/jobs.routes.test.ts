import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { createTestApp, type Session, type TestApp } from '../../../../test/app';
import type { JobsOverview } from '../../../contracts/jobs';
import { DEFAULT_ROLES } from '../identity';
import type { RedriveRefusal } from '../../platform/job-queue';

interface ErrorBody {
  error: { code: string; messageVi: string; messageEn: string; fields?: Array<{ field: string }> };
}

/**
 * The administrator's view of the job queue (jobs.manage) on the application's database, with a
 * queue started as the server starts it: role × action, the overview's counts and failed jobs
 * (identifiers only), a retry, and the bad inputs.
 */
let t: TestApp;
let admin: Session;
const OVERVIEW = '/api/v1/jobs/overview';
const retryUrl = (id: string) => `/api/v1/jobs/failed/${id}/retry`;

/** Resolves once `check` is true, polling; fails after `ms`. */
async function until(check: () => Promise<boolean>, ms = 20_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 100));
  }
}

let failing = true;
const handled: number[] = [];

beforeAll(async () => {
  t = await createTestApp({}, { jobs: true });
  admin = await t.staff('admin', '12');
  const jobs = t.jobs!;
  await jobs.createQueue('test.deliver', { retryLimit: 1, retryDelay: 1, retryBackoff: false });
  await jobs.work<{ dossierId: number; phone: string }>(
    'test.deliver',
    async (data) => {
      if (failing) throw new Error('SMS gateway answered 500');
      handled.push(data.dossierId);
    },
    { pollingIntervalSeconds: 0.5 },
  );
  await jobs.sendNow('test.deliver', { dossierId: 7, phone: '0912345678' });
  await until(async () => (await admin.inject(OVERVIEW)).json<JobsOverview>().failed.length > 0, 30_000);
}, 60_000);
afterAll(async () => t?.close());

describe('the job queue overview', () => {
  it('lists the queues with their jobs by state, and the failed job with identifiers only', async () => {
    const res = await admin.inject(OVERVIEW);
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    const body = res.json<JobsOverview>();
    expect(body.queues.find((q) => q.name === 'test.deliver')).toMatchObject({ failed: 1, deadLetters: 1, active: 0 });
    expect(body.queues.some((q) => q.name.endsWith('.dead') || q.name.startsWith('__pgboss'))).toBe(false);
    expect(body.failed).toHaveLength(1);
    expect(body.failed[0]).toMatchObject({
      queue: 'test.deliver',
      data: { dossierId: 7, phone: '…' },
      error: 'SMS gateway answered 500',
      attempts: 2,
    });
    expect(res.body).not.toContain('0912345678');
  });

  it('retries a failed job of a queue without a redrive hook as before: it runs again and leaves the failed list; a second retry of it is 404', async () => {
    const [job] = (await admin.inject(OVERVIEW)).json<JobsOverview>().failed;
    failing = false;
    const res = await admin.inject({ method: 'POST', url: retryUrl(job!.id) });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ id: job!.id, queue: 'test.deliver' });
    await until(async () => handled.includes(7), 30_000);
    expect((await admin.inject(OVERVIEW)).json<JobsOverview>().failed).toEqual([]);
    const again = await admin.inject({ method: 'POST', url: retryUrl(job!.id) });
    expect(again.statusCode).toBe(404);
    expect(again.json<ErrorBody>().error.code).toBe('JOBS.FAILED_JOB_NOT_FOUND');
  }, 40_000);

  it('answers a malformed id with a bilingual 400 naming it, an unknown one with 404', async () => {
    const bad = await admin.inject({ method: 'POST', url: retryUrl('not-a-uuid') });
    expect(bad.statusCode).toBe(400);
    const body = bad.json<ErrorBody>();
    expect(body.error.fields?.[0]?.field).toBe('id');
    expect(body.error.messageVi).toBeTruthy();
    expect(body.error.messageEn).toBeTruthy();
    expect((await admin.inject({ method: 'POST', url: retryUrl(randomUUID()) })).statusCode).toBe(404);
  });

  it('refuses an administrator granted only at a commune (403)', async () => {
    const commune = await t.staff('admin', '03388');
    const res = await commune.inject(OVERVIEW);
    expect(res.statusCode).toBe(403);
    expect(res.json<ErrorBody>().error.code).toBe('JOBS.PROVINCE_FORBIDDEN');
  });
});

describe('a queue with a redrive hook (QueuePolicy.onRedrive)', () => {
  // The hook reopens a "domain row" (redrive_probe) in the redrive's transaction, or refuses.
  let refusal: RedriveRefusal | undefined;
  let reopenedOk = false;
  const ran: string[] = [];
  const probes = async () =>
    (await t.database.rows<{ key: string }>(sql`select key from redrive_probe order by key`)).map((r) => r.key);
  const waitingIn = async (queue: string) =>
    Number(
      (
        await t.database.rows<{ n: number }>(
          sql`select count(*)::int as n from pgboss.job where name = ${queue} and state in ('created', 'retry', 'active')`,
        )
      )[0]!.n,
    );

  beforeAll(async () => {
    await t.database.db.execute(sql`create table redrive_probe (key text primary key)`);
    const jobs = t.jobs!;
    await jobs.createQueue('test.reopen', {
      retryLimit: 0,
      onRedrive: async (tx, data) => {
        await tx.execute(sql`insert into redrive_probe (key) values (${(data as { key: string }).key})`);
        return refusal;
      },
    });
    await jobs.work<{ key: string }>(
      'test.reopen',
      async (data) => {
        // As a domain job does: works only if its row was reopened.
        if (!reopenedOk) throw new Error('nothing reopened');
        ran.push(data.key);
      },
      { pollingIntervalSeconds: 0.5 },
    );
    await jobs.sendNow('test.reopen', { key: 'r1' });
    await until(
      async () => (await admin.inject(OVERVIEW)).json<JobsOverview>().failed.some((f) => f.queue === 'test.reopen'),
      30_000,
    );
  }, 60_000);

  it('a refusing hook: 409 in both languages naming the job and the page to look at; nothing redriven, nothing written', async () => {
    const job = (await admin.inject(OVERVIEW)).json<JobsOverview>().failed.find((f) => f.queue === 'test.reopen')!;
    refusal = { reasonVi: 'bản ghi không còn lỗi', reasonEn: 'the row is no longer failed', page: '/admin/somewhere' };
    const res = await admin.inject({ method: 'POST', url: retryUrl(job.id) });
    expect(res.statusCode, res.body).toBe(409);
    expect(res.headers['cache-control']).toBe('no-store');
    const { error } = res.json<ErrorBody>();
    expect(error.code).toBe('JOBS.REDRIVE_CONFLICT');
    for (const text of [error.messageVi, error.messageEn]) {
      expect(text).toContain('test.reopen');
      expect(text).toContain(job.id);
      expect(text).toContain('/admin/somewhere');
    }
    expect(error.messageVi).toContain('bản ghi không còn lỗi');
    expect(error.messageEn).toContain('the row is no longer failed');
    expect(error.fields?.[0]?.field).toBe('id');
    // Rolled back: the hook's write, and the redrive (the dead letter still waits, no new job).
    expect(await probes()).toEqual([]);
    expect(await waitingIn('test.reopen')).toBe(0);
    expect((await admin.inject(OVERVIEW)).json<JobsOverview>().failed.map((f) => f.id)).toContain(job.id);
  });

  it('an accepting hook: the row is reopened with the redrive, and the new job finds work', async () => {
    const job = (await admin.inject(OVERVIEW)).json<JobsOverview>().failed.find((f) => f.queue === 'test.reopen')!;
    refusal = undefined;
    reopenedOk = true;
    const res = await admin.inject({ method: 'POST', url: retryUrl(job.id) });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ id: job.id, queue: 'test.reopen' });
    expect(await probes()).toEqual(['r1']);
    await until(async () => ran.includes('r1'), 30_000);
    expect(ran).toEqual(['r1']);
    expect((await admin.inject(OVERVIEW)).json<JobsOverview>().failed.some((f) => f.id === job.id)).toBe(false);
    // Retried already: 404, and the hook is not run again.
    expect((await admin.inject({ method: 'POST', url: retryUrl(job.id) })).statusCode).toBe(404);
    expect(await probes()).toEqual(['r1']);
  }, 40_000);
});

describe('jobs.manage for every role', () => {
  it('is held by the administrator only', () => {
    expect(DEFAULT_ROLES.filter((r) => r.actions.includes('jobs.manage')).map((r) => r.code)).toEqual(['admin']);
  });

  describe.each(DEFAULT_ROLES.filter((r) => r.staff).map((r) => [r.code, r] as const))(
    '%s with a province-wide grant',
    (code, role) => {
      let session: Session;
      beforeAll(async () => {
        session = await t.staff(code, '12', role.needsSector ? 'health_insurance' : undefined);
      });
      const may = role.actions.includes('jobs.manage');
      it(`${may ? 'may' : 'may not'} read the overview and retry a failed job`, async () => {
        const read = await session.inject(OVERVIEW);
        const retry = await session.inject({ method: 'POST', url: retryUrl(randomUUID()) });
        if (may) {
          expect(read.statusCode).toBe(200);
          expect(retry.statusCode).toBe(404); // allowed: no such failed job
        } else {
          for (const res of [read, retry]) {
            expect(res.statusCode, res.body).toBe(403);
            expect(res.json<ErrorBody>().error.code).toBe('AUTH.FORBIDDEN');
          }
        }
      });
    },
  );

  it('refuses a citizen (403) and anyone signed out (401)', async () => {
    const citizen = await t.citizen({ nationalId: '012190000001', fullName: 'Lò Thị Thuỷ' });
    expect((await citizen.inject(OVERVIEW)).statusCode).toBe(403);
    expect((await citizen.inject({ method: 'POST', url: retryUrl(randomUUID()) })).statusCode).toBe(403);
    expect((await t.app.inject(OVERVIEW)).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'POST', url: retryUrl(randomUUID()) })).statusCode).toBe(401);
  });
});

describe('an app without a job queue', () => {
  it('answers 503 JOBS.UNAVAILABLE to the administrator, bilingually', async () => {
    const bare = await createTestApp();
    try {
      const res = await (await bare.staff('admin', '12')).inject(OVERVIEW);
      expect(res.statusCode).toBe(503);
      expect(res.json<ErrorBody>().error.code).toBe('JOBS.UNAVAILABLE');
    } finally {
      await bare.close();
    }
  });
});
