import cliProgress from 'cli-progress';

/** Progress of long work: a bar in a terminal, plain lines (every ~10%) otherwise (CI, logs, pipes). */
export interface Progress {
  update(done: number, note?: string): void;
  finish(note?: string): void;
}

/** Creates a progress reporter on stderr for `total` units of work labelled `label`. */
export function createProgress(label: string, total: number, stream: NodeJS.WriteStream = process.stderr): Progress {
  if (stream.isTTY) {
    const bar = new cliProgress.SingleBar(
      { format: `${label} [{bar}] {percentage}% {value}/{total} {note}`, stream, hideCursor: true },
      cliProgress.Presets.shades_classic,
    );
    bar.start(total, 0, { note: '' });
    return {
      update: (done, note = '') => bar.update(done, { note }),
      finish: (note = '') => {
        bar.update(total, { note });
        bar.stop();
      },
    };
  }
  let lastDecile = -1;
  const started = Date.now();
  return {
    update: (done, note) => {
      const decile = total > 0 ? Math.floor((done / total) * 10) : 10;
      if (decile === lastDecile) return;
      lastDecile = decile;
      stream.write(`${label}: ${done}/${total} (${decile * 10}%)${note ? ` ${note}` : ''}\n`);
    },
    finish: (note) =>
      stream.write(`${label}: done in ${((Date.now() - started) / 1000).toFixed(1)} s${note ? ` — ${note}` : ''}\n`),
  };
}
