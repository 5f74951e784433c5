import type { Config } from './config';
import type { Database } from './db';

/** What the application and every module's routes need from outside: parsed configuration and an open database. */
export interface AppDeps {
  config: Config;
  database: Database;
  /** Serve the built web app from dist/web (off in most API tests). */
  serveWeb?: boolean;
  /** Folder of the built web app (default dist/web). */
  webDir?: string;
}
