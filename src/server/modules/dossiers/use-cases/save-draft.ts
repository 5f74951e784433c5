import type { DossierDetail, DraftBody } from '../../../../contracts/dossiers';
import type { AccessContext } from '../../identity';
import * as errors from '../dossiers.errors';
import * as repo from '../dossiers.repository';
import { versionById } from '../versions';
import { validateDraft } from './prepare-filing';
import { getDossier } from './read-dossier';
import type { DossierDeps } from './deps';

/**
 * Saves what the citizen typed so far on their own draft (issue 14 §3): the form (checked for
 * unknown fields and types, not for completeness) and the result's delivery, compare-and-set on
 * the version the page read. Only the draft's owner, only while it is a draft: anyone else gets
 * 404 (a draft is nobody else's business), a filed dossier 409.
 */
export async function saveDraft(
  deps: DossierDeps,
  access: AccessContext,
  id: string,
  body: DraftBody,
): Promise<DossierDetail> {
  const row = await repo.findDossier(deps.db, id);
  const actor = access.actor;
  if (!row || !actor || actor.kind !== 'citizen' || row.ownerAccountId !== actor.accountId)
    throw errors.dossierNotFound();
  if (row.state !== 'draft') throw errors.notADraft();
  const form = validateDraft(await versionById(deps.db, row.procedureVersionId), body.form);
  const delivery = body.resultDelivery ?? row.resultDelivery;
  const updated = await repo.updateDossierIf(deps.db, id, 'draft', body.version, {
    form,
    resultDelivery: delivery,
    // What is not sent is kept (the address typed earlier); only a delivery by post has one.
    deliveryAddress: delivery === 'post' ? (body.deliveryAddress ?? row.deliveryAddress) : null,
  });
  if (!updated) throw errors.versionConflict();
  return getDossier(deps, access, id);
}
