import { useCallback, useState } from 'react';
import type { CommandBody, DossierCommand, DossierDetail } from '../../../contracts/dossiers';
import type { ProcedureVersion } from '../../../contracts/procedures';
import type { ApiError } from '../../api/client';
import { toApiError, useApi } from '../../api/use-api';
import { fetchVersion } from '../procedures';
import { fetchDossier, runCommand, type FilesByDocument } from './dossiers-api';

/** The outcome of a command: done, refused (the error to show), or overtaken by someone else's change (reloaded). */
export type CommandOutcome = { ok: true; dossier: DossierDetail } | { ok: false; error: ApiError; conflict: boolean };

/**
 * One dossier and the procedure version it was filed under, and `run` to apply a command with
 * the dossier's version: a 409 answer (someone else changed it) reloads the dossier and says so.
 */
export function useDossier(id: string) {
  const dossier = useApi((signal) => fetchDossier(id, { signal }), [id]);
  const versionId = dossier.data?.procedureVersionId;
  const version = useApi<ProcedureVersion>(versionId ? (signal) => fetchVersion(versionId, { signal }) : null, [
    versionId,
  ]);
  const [busy, setBusy] = useState<DossierCommand | null>(null);
  const { setData, reload } = dossier;
  const current = dossier.data;

  const run = useCallback(
    async (
      command: DossierCommand,
      body: Omit<CommandBody, 'expectedVersion'> = {},
      files?: FilesByDocument,
    ): Promise<CommandOutcome> => {
      if (!current) return { ok: false, error: toApiError(new Error('not loaded')), conflict: false };
      setBusy(command);
      try {
        const next = await runCommand(id, command, { ...body, expectedVersion: current.version }, files);
        setData(next);
        return { ok: true, dossier: next };
      } catch (e) {
        const error = toApiError(e);
        // A decision the registry refuses (it changed since filing, a household is gone) is not a stale
        // page: the dialog stays open with the server's reason; any other 409 reloads the dossier.
        const refusedByRegistry = /(^POPULATION\.REGISTRY_CONFLICT|REGISTRY_EFFECT_CONFLICT)$/.test(error.code);
        const conflict = error.status === 409 && !refusedByRegistry;
        if (conflict) reload();
        return { ok: false, error, conflict };
      } finally {
        setBusy(null);
      }
    },
    [id, current, setData, reload],
  );

  return { dossier, version, run, busy };
}
