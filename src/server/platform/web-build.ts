import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { WEB_DIST_DIR } from './web';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/** True when dist/web is missing or older than a source file of the web app or its contracts. */
export function webBuildIsStale(): boolean {
  const index = join(WEB_DIST_DIR, 'index.html');
  if (!existsSync(index)) return true;
  const built = statSync(index).mtimeMs;
  return [join(ROOT, 'src/web'), join(ROOT, 'src/contracts')].some((d) => existsSync(d) && newestMtime(d) > built);
}

/**
 * Builds the web app with Vite when it is missing or stale (first `npm start`), in a child process:
 * the caller may prepare the database meanwhile (the build is mostly Vite's threads, PGlite one).
 */
export async function runEnsureWebBuild(): Promise<void> {
  if (!webBuildIsStale()) return;
  process.stderr.write('building the web app (vite build)…\n');
  const started = Date.now();
  const status = await new Promise<number | null>((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'],
      {
        cwd: ROOT,
        stdio: 'inherit',
      },
    );
    child.once('error', reject);
    child.once('exit', resolve);
  });
  if (status !== 0) throw new Error('vite build failed');
  process.stderr.write(`built the web app in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
}
