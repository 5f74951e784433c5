import type { Database } from '../../platform/db';
import { createProgress } from '../../platform/progress';
import { readChainHead } from './audit.repository';
import { sealPendingAccess } from './audit.sealer';
import { verifyChain, type ChainVerification } from './audit.verify';

const REASONS: Record<NonNullable<ChainVerification['firstBroken']>['reason'], string> = {
  hash: 'the entry was changed after it was written (its hash no longer matches)',
  prev_hash: 'the entry does not follow the previous entry (an entry before it was replaced or re-hashed)',
  gap: 'the entry is missing (deleted)',
  head: 'the chain head does not match the last entry',
};

export interface AuditVerifyCliOptions {
  batchSize?: number;
  /** Where the result goes (default stdout); progress goes to stderr. */
  out?: (line: string) => void;
  progressStream?: NodeJS.WriteStream;
}

/**
 * `dvc06 audit verify`: recomputes the access log's hash chain with a progress bar, prints the
 * result, and returns the process exit code (0 intact, 1 broken).
 */
export async function runAuditVerifyCli(database: Pick<Database, 'db'>, options: AuditVerifyCliOptions = {}): Promise<number> {
  const out = options.out ?? ((line: string) => process.stdout.write(`${line}\n`));
  // Entries staged by requests are chained first, so the check covers everything committed so far.
  const sealed = await sealPendingAccess(database.db);
  if (sealed > 0) out(`sealed ${sealed} staged entries into the chain`);
  const { lastSeq } = await readChainHead(database.db);
  const progress = createProgress('audit verify', lastSeq, options.progressStream);
  const started = Date.now();
  const result = await verifyChain(database.db, { batchSize: options.batchSize, onProgress: (done) => progress.update(done) });
  const seconds = (Date.now() - started) / 1000;
  progress.finish(`${result.checked} entries, ${Math.round(result.checked / Math.max(seconds, 0.001))} entries/s`);
  if (result.ok) {
    out(`access log intact: ${result.checked} entries verified (head seq ${result.headSeq})`);
    return 0;
  }
  const broken = result.firstBroken!;
  out(`ACCESS LOG BROKEN at seq ${broken.seq} (${broken.reason}): ${REASONS[broken.reason]}`);
  out(`${result.checked} entries before it verified; head seq ${result.headSeq}`);
  return 1;
}
