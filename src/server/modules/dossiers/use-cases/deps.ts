import type { Config } from '../../../platform/config';
import type { Db } from '../../../platform/db';
import type { FileStore } from '../../../platform/files';
import type { SectorAdapterKind } from '../../../../contracts/procedures';
import type { SectorAdapter } from '../sector-adapters';

/** What the use cases need from the application. */
export interface DossierDeps {
  db: Db;
  config: Pick<Config, 'AUDIT_PSEUDONYM_KEY' | 'PROVINCE_AGENCY_CODE' | 'PROVINCE_CODE' | 'PUBLIC_URL'>;
  files: FileStore;
  /** The clock (tests move it). */
  now?: () => Date;
  /**
   * Runs in the withdrawal's transaction before the dossier changes (the payments module closes the
   * dossier's open payments and queues the refund of money it holds, ADR 0010 rule 8).
   */
  onWithdraw?: WithdrawalHook;
  /**
   * Checks a document of the citizen's store offered in place of an upload (the `documents` module's
   * `resolveReusableDocument`, wired by app.ts: dossiers does not import documents, which reads
   * dossiers). Absent: no store, a filing naming one is refused.
   */
  reuseDocument?: ReuseDocumentResolver;
  /** The agencies' adapters of interlinked groups' steps (default: the back office's, sector-adapters.ts). */
  sectorAdapters?: Readonly<Record<SectorAdapterKind, SectorAdapter>>;
}

/** A store document checked to stand in for a procedure's document, or why it cannot. */
export type ReuseDocumentResolver = (
  db: Db,
  q: { ownerAccountId: string; id: string; documentCode: string; today: string },
) => Promise<
  | { id: string; fileName: string; mediaType: string; size: number; sha256: string }
  | 'not_found'
  | 'expired'
  | 'not_accepted'
>;

/** What happens to a dossier's payments when it is withdrawn, inside the withdrawal's transaction. */
/** `by`: the citizen's own withdrawal, or the unpaid-expiry job's (what the payment's events record). */
export type WithdrawalHook = (tx: Db, dossierId: string, at: Date, by: 'citizen' | 'job') => Promise<void>;

export const clock = (deps: DossierDeps): Date => (deps.now ? deps.now() : new Date());

/** The province's agency code (configuration guarantees one: required in production, the demo's elsewhere). */
export function provinceAgencyCode(deps: DossierDeps): string {
  const code = deps.config.PROVINCE_AGENCY_CODE;
  if (!code) throw new Error('PROVINCE_AGENCY_CODE is not configured');
  return code;
}
