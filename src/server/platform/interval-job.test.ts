import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { logJobErrors, startIntervalJob, type IntervalJob } from './interval-job';

/** A promise resolved from outside: a pass that lasts until the test lets it end. */
function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

const noErrors = () => {
  throw new Error('no error expected');
};

describe('an interval job', () => {
  let job: IntervalJob | undefined;
  beforeEach(() => vi.useFakeTimers());
  afterEach(async () => {
    await job?.stop();
    job = undefined;
    vi.useRealTimers();
  });

  it('runs one pass per interval, not before the first interval', async () => {
    let runs = 0;
    job = startIntervalJob('test', 1_000, async () => void (runs += 1), noErrors);
    await vi.advanceTimersByTimeAsync(999);
    expect(runs).toBe(0);
    await vi.advanceTimersByTimeAsync(2_001);
    expect(runs).toBe(3);
  });

  it('skips the ticks while a pass still runs instead of queueing them', async () => {
    const slow = deferred();
    let started = 0;
    job = startIntervalJob(
      'test',
      100,
      () => ((started += 1), started === 1 ? slow.promise : Promise.resolve()),
      noErrors,
    );
    await vi.advanceTimersByTimeAsync(1_000); // ten ticks, the first pass still running
    expect(started).toBe(1);
    slow.resolve();
    await vi.advanceTimersByTimeAsync(100);
    expect(started).toBe(2);
  });

  it('reports a failed pass with the job name and keeps running, even when the error handler throws', async () => {
    const seen: Array<[unknown, string]> = [];
    let runs = 0;
    const failure = new Error('boom');
    job = startIntervalJob(
      'sealing',
      100,
      async () => {
        runs += 1;
        if (runs <= 2) throw failure;
      },
      (error, name) => {
        seen.push([error, name]);
        throw new Error('the handler fails too');
      },
    );
    await vi.advanceTimersByTimeAsync(400);
    expect(runs).toBe(4);
    expect(seen).toEqual([
      [failure, 'sealing'],
      [failure, 'sealing'],
    ]);
  });

  it('stop waits for the pass in progress, and no pass starts afterwards', async () => {
    const slow = deferred();
    let runs = 0;
    job = startIntervalJob('test', 100, () => ((runs += 1), slow.promise), noErrors);
    await vi.advanceTimersByTimeAsync(100);
    let stopped = false;
    const stopping = job.stop().then(() => (stopped = true));
    await vi.advanceTimersByTimeAsync(500);
    expect(stopped).toBe(false);
    slow.resolve();
    await stopping;
    expect(stopped).toBe(true);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(runs).toBe(1);
  });

  it('runs a pass on demand after the one in progress and resolves when it is done', async () => {
    const slow = deferred();
    const order: string[] = [];
    let runs = 0;
    job = startIntervalJob(
      'test',
      100,
      async () => {
        runs += 1;
        const n = runs;
        order.push(`start ${n}`);
        if (n === 1) await slow.promise;
        order.push(`end ${n}`);
      },
      noErrors,
    );
    await vi.advanceTimersByTimeAsync(100);
    const now = job.runNow();
    await vi.advanceTimersByTimeAsync(0);
    expect(order).toEqual(['start 1']);
    slow.resolve();
    await now;
    expect(order).toEqual(['start 1', 'end 1', 'start 2', 'end 2']);
  });
});

describe('the job timer', () => {
  it('does not keep the process alive', async () => {
    const spy = vi.spyOn(globalThis, 'setInterval');
    const job = startIntervalJob('test', 60_000, async () => undefined, noErrors);
    try {
      const timer = spy.mock.results[0]?.value as NodeJS.Timeout;
      expect(timer.hasRef()).toBe(false);
    } finally {
      spy.mockRestore();
      await job.stop();
    }
  });
});

describe('logging job errors', () => {
  it('warns once per outage and job, and logs other failures by message only', () => {
    const warnings: Array<Record<string, unknown>> = [];
    const errors: Array<[Record<string, unknown>, string]> = [];
    const onError = logJobErrors({ warn: (fields) => warnings.push(fields), error: (f, m) => errors.push([f, m]) });
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
    for (let i = 0; i < 5; i++) onError(refused, 'access-log sealing');
    onError(refused, 'payment expiry');
    expect(warnings).toEqual([
      { reason: 'ECONNREFUSED', source: 'access-log sealing', failures: 1 },
      { reason: 'ECONNREFUSED', source: 'payment expiry', failures: 1 },
    ]);
    const failure = Object.assign(new Error('duplicate key'), { detail: 'Key (national_id)=(001099012345)' });
    onError(failure, 'payment expiry');
    expect(errors).toEqual([[{ job: 'payment expiry', err: 'duplicate key' }, 'payment expiry failed']]);
  });
});
