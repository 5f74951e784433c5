import { todayInVietnam } from '../../../../contracts/common';
import type { CommandBody, DossierChannel, DossierDetail, DossierState } from '../../../../contracts/dossiers';
import type { AccessContext } from '../../identity';
import { prefillForm, type ProcedureVersion } from '../../procedures';
import { getPersonDetail } from '../../population';
import { storeFiles, type IncomingFile } from '../attachments';
import { formatDossierCode } from '../dossier-codes';
import * as errors from '../dossiers.errors';
import { filingGrant, type dossierActors } from '../dossiers.policy';
import * as repo from '../dossiers.repository';
import { clock, provinceAgencyCode, type DossierDeps } from './deps';
import { attachmentRows, prepareFiling, validateFull, versionInForce } from './prepare-filing';
import { reusedAttachments } from './reuse-documents';
import { getDossier } from './read-dossier';
import { resolveFeeSubject } from './fee-subject';
import { receivingUnit, registryChecks } from './receiving-unit';
import { decidingEffect, refuseMembersOutsideHousehold, registrySeenAtFiling } from '../registry-effects';
import { receivingAgencyCode } from '../../units';

/**
 * Submits a saved draft (the `submit` command, already allowed by the state machine): the same
 * checks as a direct submission (form against the version in force, required documents among the
 * draft's, the new files and the documents taken from the citizen's store — `reusedDocuments`,
 * checked like a direct filing's before anything is written), then the code, in one transaction.
 */
export async function submitDraft(
  deps: DossierDeps,
  access: AccessContext,
  row: repo.DossierRow,
  actors: ReturnType<typeof dossierActors>,
  body: CommandBody,
  files: IncomingFile[],
): Promise<DossierDetail> {
  const current: ProcedureVersion = await versionInForce(deps, {
    procedureCode: row.procedureCode,
    procedureVersionId: row.procedureVersionId,
  });
  const actor = access.actor!;
  const owner = actors.includes('owner');
  // A draft may be saved half-typed; what it files must be whole (as a direct filing's body is).
  if (row.resultDelivery === 'post' && (row.deliveryAddress ?? '').trim().length < 5)
    throw errors.requestInvalid(
      'deliveryAddress',
      'Nhập địa chỉ nhận kết quả qua bưu điện',
      'Give the address to post the result to',
    );
  const prefill = owner
    ? await prefillForm(deps.db, current, {
        personId: actor.personId,
        nationalId: actor.nationalId,
        eIdLevel: actor.acr,
      })
    : undefined;
  if (owner && (actor.acr ?? 0) < current.requiredEidLevel) throw errors.eidLevelForbidden(current.requiredEidLevel);
  const form = validateFull(current, row.form, prefill, row.channel as DossierChannel);
  await refuseMembersOutsideHousehold(deps.db, decidingEffect(current), form, row.applicantPersonId);
  const now = clock(deps);
  const today = todayInVietnam(now);
  // Documents from the citizen's store in place of uploads (issue 17 §3): checked before anything is written.
  const reused = await reusedAttachments(deps, access, current, body.reusedDocuments, today);
  const record = row.applicantPersonId
    ? await getPersonDetail(deps.db, row.applicantPersonId, undefined, undefined, { findings: false }).catch(() => null)
    : null;
  const channel = row.channel as DossierChannel;
  const { fee, money, checked } = await prepareFiling(deps, {
    version: current,
    channel,
    exemptionClaim: (row.fee as { claim?: string | null } | null)?.claim ?? null,
    form,
    record,
    today,
    files,
    existingKeys: [
      ...(await repo.listAttachments(deps.db, row.id)).map((a) => a.documentKey),
      ...reused.map((r) => r.documentKey),
    ],
    registryKnowsApplicant: row.applicantPersonId !== null,
    feeSubject: await resolveFeeSubject(deps, access, current, form, { nationalId: null, record }, today),
    eidLevel: owner ? actor.acr : null,
  });
  // The form decides the receiving commune again (a draft may have been saved before the address was chosen).
  const unit = await receivingUnit(deps, access, current, form, row.unitCode, today, row.applicantPersonId);
  const agencyCode =
    unit.code === row.unitCode
      ? row.agencyCode
      : (await receivingAgencyCode(deps.config.PROVINCE_CODE, unit.code, provinceAgencyCode(deps))).code;
  const checks = await registryChecks(deps, current, form, now);
  const seen = await registrySeenAtFiling(deps.db, decidingEffect(current), form, row.applicantPersonId);
  const toState: DossierState = money.awaitingPayment ? 'awaiting_payment' : 'submitted';
  const stored = await storeFiles(deps.files, checked);
  const grant = filingGrant(access);
  try {
    await deps.db.transaction(async (tx) => {
      const code = formatDossierCode(agencyCode, today, await repo.nextCodeSeq(tx, agencyCode, today));
      const updated = await repo.updateDossierIf(tx, row.id, 'draft', body.expectedVersion ?? row.version, {
        state: toState,
        code,
        form,
        submittedAt: now,
        fee: fee,
        feeAmount: money.amount,
        feeStatus: money.status,
        unitCode: unit.code,
        agencyCode,
        registryChecks: checks,
        registrySeen: seen,
      });
      if (!updated) throw errors.versionConflict();
      await repo.insertTransition(tx, {
        dossierId: row.id,
        command: 'submit',
        fromState: 'draft',
        toState,
        actorAccountId: actor.accountId,
        actorRole: grant.role,
        actorUnit: grant.unitCode,
        at: now,
        note: body.note ?? null,
      });
      await repo.insertAttachments(tx, [
        ...attachmentRows(stored.rows, 0, actor.accountId).map((a) => ({ ...a, dossierId: row.id })),
        ...attachmentRows(reused, 0, actor.accountId).map((a, i) => ({
          ...a,
          dossierId: row.id,
          reusedDocumentId: reused[i]!.reusedDocumentId,
        })),
      ]);
    });
  } catch (error) {
    await stored.undo(deps.db);
    throw error;
  }
  await stored.ensure();
  return getDossier(deps, access, row.id);
}
