import { createOutageReporter } from './db-errors';

/**
 * A pass on a timer, in one process: for processes without the job queue (benchmarks, the outage
 * tests' sealer and payment expiry). The server runs its periodic work on the job queue instead
 * (`src/server/background-jobs.ts`, ADR 0031); `logJobErrors` below is its error handler.
 */
export interface IntervalJob {
  /** Runs one pass now (after the one in progress, if any) and resolves when it is done; errors go to `onError`. */
  runNow(): Promise<void>;
  /** Stops the timer and waits for the pass in progress (graceful shutdown); no pass starts afterwards by itself. */
  stop(): Promise<void>;
}

export type JobErrorHandler = (error: unknown, job: string) => void;

type LogLine = (fields: Record<string, unknown>, message: string) => void;
/** The two levels a job logs at (a pino logger fits). */
export interface JobLog {
  warn: LogLine;
  error: LogLine;
}

/**
 * Starts `run` every `intervalMs`. A tick while a pass still runs is skipped: a stalled database
 * must not queue one pass per tick (ADR 0014). A failed pass goes to `onError` and the loop goes on
 * (the next tick retries). The timer is unref'd: the job never keeps the process alive by itself.
 */
export function startIntervalJob(
  name: string,
  intervalMs: number,
  run: () => Promise<unknown>,
  onError: JobErrorHandler,
): IntervalJob {
  let chain: Promise<void> = Promise.resolve();
  let queued = 0;
  const report = (error: unknown) => {
    try {
      onError(error, name);
    } catch {
      // a failing error handler must not stop the loop
    }
  };
  const pass = (): Promise<void> => {
    queued += 1;
    chain = chain
      .then(() => run())
      .then(() => undefined, report)
      .finally(() => (queued -= 1));
    return chain;
  };
  let stopped = false;
  const timer = setInterval(() => {
    if (!stopped && queued === 0) void pass();
  }, intervalMs);
  timer.unref();
  return {
    runNow: pass,
    stop: async () => {
      stopped = true;
      clearInterval(timer);
      await chain;
    },
  };
}

/**
 * The error handler a server gives its jobs: while the database is down, one warning a minute per
 * job instead of one error per tick (ADR 0014); any other failure is logged by its message only
 * (never the bound values or rows of a query: they may hold personal data).
 */
export function logJobErrors(log: JobLog): JobErrorHandler {
  const outages = new Map<string, ReturnType<typeof createOutageReporter>>();
  return (error, job) => {
    let outage = outages.get(job);
    if (!outage) outages.set(job, (outage = createOutageReporter((fields, message) => log.warn(fields, message))));
    if (!outage(error, job))
      log.error({ job, err: error instanceof Error ? error.message : String(error) }, `${job} failed`);
  };
}
