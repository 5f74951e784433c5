import type { Db } from '../../platform/db';
import { recordAccess, subjectFor } from '../audit';

/** Who is reading, for the personal-data access log (PDP Law 91/2025): role and unit, never a name. */
export interface Reader {
  /** The signed-in account; null for a read on the server's command line (then `osUser` says who). */
  accountId: string | null;
  role: string;
  unitCode: string | null;
  requestId: string;
  /** Key of the keyed pseudonym of ID numbers; undefined = do not log (benchmarks only). */
  pseudonymKey?: string;
  /** The operating-system user of a command-line read (recorded in the entry, never shown to the citizen). */
  osUser?: string;
}

/** Records that `reader` saw these persons' records (one entry each, naming the record and the dossier it was opened for), with the purpose when given. */
export async function logAccess(
  db: Db,
  reader: Reader,
  action: string,
  people: Array<{ id: string; nationalId: string | null }>,
  purpose: string | null,
  dossierCode?: string,
): Promise<void> {
  if (!reader.pseudonymKey || people.length === 0) return;
  const key = reader.pseudonymKey;
  await recordAccess(
    db,
    people.map((p) => ({
      actorAccountId: reader.accountId,
      actorRole: reader.role,
      actorUnit: reader.unitCode,
      action,
      subject: subjectFor(key, { nationalId: p.nationalId, personId: p.id }),
      purpose,
      requestId: reader.requestId,
      target: { kind: 'person_record' as const, id: p.id, ...(dossierCode && { dossierCode }) },
      ...(reader.osUser && { details: { osUser: reader.osUser } }),
    })),
    { standaloneRead: true }, // a read: the response need not wait for the log's disk flush (ADR 0004)
  );
}

/** Records that a decision taken by `writer` changed these persons' records (inside the decision's transaction), for the dossier. */
export async function logWrites(
  tx: Db,
  writer: Reader,
  people: ReadonlyArray<{ id: string; nationalId: string | null }>,
  dossierCode: string,
): Promise<void> {
  if (!writer.pseudonymKey || people.length === 0) return;
  const key = writer.pseudonymKey;
  await recordAccess(
    tx,
    people.map((p) => ({
      actorAccountId: writer.accountId,
      actorRole: writer.role,
      actorUnit: writer.unitCode,
      action: 'person.update',
      subject: subjectFor(key, { nationalId: p.nationalId, personId: p.id }),
      purpose: 'dossier_processing',
      requestId: writer.requestId,
      target: { kind: 'person_record' as const, id: p.id, dossierCode },
    })),
  );
}
