import type { Config } from './config';
import type { Database } from './db';
import type { JobQueue } from './job-queue';

/** What the application and every module's routes need from outside: parsed configuration and an open database. */
export interface AppDeps {
  config: Config;
  database: Database;
  /** Serve the built web app from dist/web (off in most API tests). */
  serveWeb?: boolean;
  /**
   * Record staff reads of personal data in the access log (default true). Only benchmarks turn it
   * off, to measure its cost; there is deliberately no environment variable for it.
   */
  accessLog?: boolean;
  /** Folder of the built web app (default dist/web). */
  webDir?: string;
  /**
   * The durable job queue (ADR 0031): the server always has one; most tests build an app without it
   * (its administrator routes then answer 503), a test that needs it starts one on its database.
   */
  jobs?: JobQueue;
}
