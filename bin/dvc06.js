#!/usr/bin/env node
// Entry point of the `dvc06` command: runs the TypeScript sources through tsx's loader.
import { spawn } from 'node:child_process';
import { register } from 'tsx/esm/api';

/**
 * Node options two commands run with, unless the caller set the same option (the command then runs
 * itself once more with them, passing signals on — Ctrl-C still cancels an import):
 * - `import` streams a list of up to millions of rows: with Node's default heap limit (GBs) the
 *   garbage of the stream piles up before V8 collects it — 542 MB RSS for 1,000,000 rows, over issue
 *   16's 500 MB — while the live heap stays under ~100 MB. A bounded heap keeps it under.
 * - `link` scores millions of candidate pairs, allocating fast: a larger young generation took the
 *   500,000-row linking's CPU from 92 s to 77 s (docs/PERFORMANCE.md). `npm start` gives the server,
 *   which links lists as jobs, the same option.
 */
const OPTIONS = { import: '--max-old-space-size=192', link: '--max-semi-space-size=64' };
const option = OPTIONS[process.argv[2]];
// eslint-disable-next-line no-restricted-syntax -- Node's own option, not the application's configuration
const given = [...process.execArgv, process.env.NODE_OPTIONS ?? ''];
const missing = option && !given.some((a) => a.includes(option.split('=')[0]));

if (missing) {
  const child = spawn(process.execPath, [option, ...process.execArgv, ...process.argv.slice(1)], {
    stdio: 'inherit',
  });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
} else {
  register();
  await import('../src/server/cli.ts');
}
