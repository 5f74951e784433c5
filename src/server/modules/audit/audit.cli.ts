import { randomUUID } from 'node:crypto';
import { userInfo } from 'node:os';
import type { Config } from '../../platform/config';
import type { Database, Db } from '../../platform/db';
import { AppError } from '../../platform/errors';
import { AUDIT_ERRORS } from './audit.errors';
import { assertPurpose, CLI_OPERATOR_ROLE } from './audit.service';
import { createProgress } from '../../platform/progress';
import { checkpointAnchorFromConfig, readCheckpoints } from './audit.checkpoints';
import { readChainHead } from './audit.repository';
import { sealPendingAccess } from './audit.sealer';
import { verifyChain, type ChainVerification } from './audit.verify';

const REASONS: Record<NonNullable<ChainVerification['firstBroken']>['reason'], string> = {
  hash: 'the entry was changed after it was written (its hash no longer matches)',
  prev_hash: 'the entry does not follow the previous entry (an entry before it was replaced or re-hashed)',
  gap: 'the entry is missing (deleted)',
  head: 'the chain head does not match the last entry',
  checkpoint: 'a signed checkpoint names another hash: entries from here on were rewritten and the chain recomputed',
  truncated:
    'a signed checkpoint lies beyond the chain head: entries from here on cannot be vouched for, the last ones were deleted',
};

const INVALID_LINES: Record<NonNullable<ChainVerification['checkpoints']>['invalid'][number]['reason'], string> = {
  malformed: 'not a checkpoint',
  key: 'signed with another key',
  signature: 'signature does not match (edited)',
  incomplete: 'unterminated last line (a write cut short), ignored',
};

export interface AuditVerifyCliOptions {
  batchSize?: number;
  /** Where the checkpoints are (DATA_DIR) and the key that checks them; without it the chain alone is checked. */
  config?: Pick<Config, 'DATA_DIR' | 'AUDIT_CHECKPOINT_KEY' | 'AUDIT_CHECKPOINT_URL'>;
  /** Where the result goes (default stdout); progress goes to stderr. */
  out?: (line: string) => void;
  progressStream?: NodeJS.WriteStream;
}

function printCheckpoints(result: ChainVerification, out: (line: string) => void): void {
  const cp = result.checkpoints;
  if (!cp) return;
  const upTo =
    cp.verifiedUpTo === null
      ? 'none of them matches the chain'
      : `the last at seq ${cp.verifiedUpTo} matches the chain`;
  out(
    cp.total === 0
      ? 'no signed checkpoints yet: only the chain itself was checked'
      : `${cp.total} signed checkpoints, ${upTo}`,
  );
  for (const i of cp.invalid) out(`checkpoint file line ${i.line}: ${INVALID_LINES[i.reason]}`);
}

/**
 * `dvc06 audit verify`: recomputes the access log's hash chain with a progress bar, checks it
 * against the signed checkpoints kept outside the database, prints the result, and returns the
 * process exit code (0 intact, 1 broken).
 */
export async function runAuditVerifyCli(
  database: Pick<Database, 'db'>,
  options: AuditVerifyCliOptions = {},
): Promise<number> {
  const out = options.out ?? ((line: string) => process.stdout.write(`${line}\n`));
  // Entries staged by requests are chained first, so the check covers everything committed so far.
  const sealed = await sealPendingAccess(database.db);
  if (sealed > 0) out(`sealed ${sealed} staged entries into the chain`);
  const checkpoints = options.config ? await readCheckpoints(checkpointAnchorFromConfig(options.config)) : undefined;
  const { lastSeq } = await readChainHead(database.db);
  const progress = createProgress('audit verify', lastSeq, options.progressStream);
  const started = Date.now();
  const result = await verifyChain(database.db, {
    batchSize: options.batchSize,
    checkpoints,
    onProgress: (done) => progress.update(done),
  });
  const seconds = (Date.now() - started) / 1000;
  progress.finish(`${result.checked} entries, ${Math.round(result.checked / Math.max(seconds, 0.001))} entries/s`);
  printCheckpoints(result, out);
  if (result.ok) {
    out(`access log intact: ${result.checked} entries verified (head seq ${result.headSeq})`);
    return 0;
  }
  const broken = result.firstBroken;
  if (broken) {
    const against = broken.checkpoint
      ? ` (checkpoint of seq ${broken.checkpoint.seq} made ${broken.checkpoint.at})`
      : '';
    out(`ACCESS LOG BROKEN at seq ${broken.seq} (${broken.reason}): ${REASONS[broken.reason]}${against}`);
  } else out('ACCESS LOG NOT VERIFIED: the checkpoint file holds lines that cannot be trusted (above)');
  out(`${result.checked} entries before it verified; head seq ${result.headSeq}`);
  return 1;
}

/**
 * The purpose a command-line read of personal data must state (`--purpose <code>`), checked before
 * the database is opened: refused when missing or the citizen's own `self_service`.
 */
export function requireCliPurpose(purpose: string | undefined): string {
  if (purpose && purpose !== 'self_service') return purpose;
  const messageVi =
    'Phải nêu mục đích truy cập: --purpose <mã> (ví dụ data_cleaning, inspection, authority_request); mỗi lần đọc được ghi vào nhật ký truy cập cùng tên người dùng của hệ điều hành';
  const messageEn =
    'A purpose is required: --purpose <code> (e.g. data_cleaning, inspection, authority_request); every read is logged with your operating-system user';
  throw new AppError(AUDIT_ERRORS.PURPOSE_INVALID, messageVi, messageEn, [
    { field: 'purpose', code: AUDIT_ERRORS.PURPOSE_INVALID, messageVi, messageEn },
  ]);
}

/** The operating-system user running the command (the uid when the system has no name for it). */
function osUser(): string {
  try {
    return userInfo().username;
  } catch {
    return `uid:${process.getuid?.() ?? '?'}`;
  }
}

/**
 * Who reads personal data on the server's command line, for the access log: no account, the role
 * `cli_operator`, the operating-system user, and a purpose that must be an active one.
 */
export async function commandLineReader(db: Db, config: Pick<Config, 'AUDIT_PSEUDONYM_KEY'>, purpose: string) {
  await assertPurpose(db, purpose);
  return {
    accountId: null,
    role: CLI_OPERATOR_ROLE,
    unitCode: null,
    requestId: `cli-${randomUUID()}`,
    pseudonymKey: config.AUDIT_PSEUDONYM_KEY,
    osUser: osUser(),
  };
}
