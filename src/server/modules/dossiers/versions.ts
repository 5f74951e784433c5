import type { Db } from '../../platform/db';
import { getProcedureVersionById, type ProcedureVersion } from '../procedures';

/** Procedure versions never change once created (procedures module), so they are memoised by id. */
const versionsById = new Map<string, Promise<ProcedureVersion>>();

export function versionById(db: Db, id: string): Promise<ProcedureVersion> {
  let v = versionsById.get(id);
  if (!v) {
    if (versionsById.size >= 1_000) versionsById.delete(versionsById.keys().next().value as string);
    v = getProcedureVersionById(db, id);
    v.catch(() => versionsById.delete(id));
    versionsById.set(id, v);
  }
  return v;
}
