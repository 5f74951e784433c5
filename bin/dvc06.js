#!/usr/bin/env node
// Entry point of the `dvc06` command: runs the TypeScript sources through tsx's loader.
import { spawn } from 'node:child_process';
import { register } from 'tsx/esm/api';

/**
 * `dvc06 import` streams a list of up to millions of rows: with Node's default heap limit (GBs) the
 * garbage of the stream piles up before V8 collects it — 542 MB RSS for 1,000,000 rows, over issue 16's
 * 500 MB — while the live heap stays under ~100 MB. So the command runs itself once more with a
 * bounded heap (unless one was set), passing signals on (Ctrl-C still cancels the import).
 */
const IMPORT_HEAP_MB = 192;
// eslint-disable-next-line no-restricted-syntax -- Node's own option, not the application's configuration
const heapSet = [...process.execArgv, process.env.NODE_OPTIONS ?? ''].some((a) => a.includes('--max-old-space-size'));

if (process.argv[2] === 'import' && !heapSet) {
  const child = spawn(
    process.execPath,
    [`--max-old-space-size=${IMPORT_HEAP_MB}`, ...process.execArgv, ...process.argv.slice(1)],
    {
      stdio: 'inherit',
    },
  );
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
} else {
  register();
  await import('../src/server/cli.ts');
}
