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

/** Access-log entries, one per person, naming the record and the dossier it was read or changed for. */
async function record(
  db: Db,
  actor: Reader,
  action: string,
  people: ReadonlyArray<{ id: string; nationalId: string | null }>,
  purpose: string | null,
  dossierCode: string | undefined,
  options: { standaloneRead: boolean },
): Promise<void> {
  if (!actor.pseudonymKey || people.length === 0) return;
  const key = actor.pseudonymKey;
  await recordAccess(
    db,
    people.map((p) => ({
      actorAccountId: actor.accountId,
      actorRole: actor.role,
      actorUnit: actor.unitCode,
      action,
      subject: subjectFor(key, { nationalId: p.nationalId, personId: p.id }),
      purpose,
      requestId: actor.requestId,
      target: { kind: 'person_record' as const, id: p.id, ...(dossierCode && { dossierCode }) },
      ...(actor.osUser && { details: { osUser: actor.osUser } }),
    })),
    options,
  );
}

/** Records that `reader` saw these persons' records (one entry each, naming the record and the dossier it was opened for), with the purpose when given. */
export function logAccess(
  db: Db,
  reader: Reader,
  action: string,
  people: Array<{ id: string; nationalId: string | null }>,
  purpose: string | null,
  dossierCode?: string,
): Promise<void> {
  // A read: the response need not wait for the log's disk flush (ADR 0004).
  return record(db, reader, action, people, purpose, dossierCode, { standaloneRead: true });
}

/** Records that a decision taken by `writer` changed these persons' records (inside the decision's transaction), for the dossier. */
export function logWrites(
  tx: Db,
  writer: Reader,
  people: ReadonlyArray<{ id: string; nationalId: string | null }>,
  dossierCode: string,
): Promise<void> {
  return record(tx, writer, 'person.update', people, 'dossier_processing', dossierCode, { standaloneRead: false });
}

/**
 * Records that `reader` saw a list of stay notifications (2.001159): one entry for each host and
 * guest named, under the notification's dossier, for residence registration and verification.
 */
export function logStayReads(
  db: Db,
  reader: Reader,
  stays: ReadonlyArray<{
    dossierCode: string;
    host: { personId: string; nationalId?: string } | null;
    guests: ReadonlyArray<{ nationalId: string }>;
  }>,
): Promise<void> {
  if (!reader.pseudonymKey || stays.length === 0) return Promise.resolve();
  const key = reader.pseudonymKey;
  const named = (ref: { nationalId?: string; personId?: string }, dossierCode: string) => ({
    actorAccountId: reader.accountId,
    actorRole: reader.role,
    actorUnit: reader.unitCode,
    action: 'stay.read',
    subject: subjectFor(key, ref),
    purpose: 'residence_registration',
    requestId: reader.requestId,
    target: { kind: 'dossier' as const, code: dossierCode },
  });
  const entries = stays.flatMap((s) => [
    ...(s.host ? [named(s.host, s.dossierCode)] : []),
    ...s.guests.map((g) => named({ nationalId: g.nationalId }, s.dossierCode)),
  ]);
  return recordAccess(db, entries, { standaloneRead: true });
}
