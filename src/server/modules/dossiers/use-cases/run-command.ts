import type {
  CommandBody,
  DossierChannel,
  DossierCommand,
  DossierDetail,
  DossierState,
} from '../../../../contracts/dossiers';
import type { AccessContext } from '../../identity';
import { loadWorkingCalendar } from '../../calendar';
import type { FeeCalculation } from '../../fees';
import { checkFiles, storeFiles, type IncomingFile } from '../attachments';
import * as errors from '../dossiers.errors';
import { commandGrant, dossierActors, mayExtendDeadline } from '../dossiers.policy';
import * as repo from '../dossiers.repository';
import { checkTransition, commandEffects, type CommandEffects } from '../lifecycle';
import { versionById } from '../versions';
import { clock, type DossierDeps } from './deps';
import { refusalVerification, renderResultDocuments } from '../result-documents';
import { attachmentRows } from './prepare-filing';
import { loadVisible } from './presenting';
import { getDossier } from './read-dossier';
import { submitDraft } from './submit-draft';
import { applyRegistryEffect } from '../registry-effects';
import { applyGroupPlan, approvesGroup, groupHandler, loadGroup, planGroupCommand } from './group-steps';
import { todayInVietnam } from '../../../../contracts/common';

/** Why an allowed command still cannot apply, as the error the caller gets. */
function effectsRefused(
  effects: Extract<CommandEffects, { ok: false }>,
  row: repo.DossierRow,
  command: DossierCommand,
) {
  if (effects.reason === 'fee_not_pending') return errors.stateConflict(`fee:${row.feeStatus}`, command);
  return errors.requestInvalid(
    'newDueAt',
    'Thời hạn mới phải sau thời hạn hiện tại',
    'The new due time must be after the current one',
  );
}

/**
 * Runs one lifecycle command: the state machine says whether the caller may, `commandEffects` what
 * changes; written as a compare-and-set on state and version (of two concurrent commands one wins,
 * the other gets 409) with its transition.
 */
export async function runCommand(
  deps: DossierDeps,
  access: AccessContext,
  id: string,
  command: DossierCommand,
  body: CommandBody,
  files: IncomingFile[] = [],
): Promise<DossierDetail> {
  const row = await loadVisible(deps, access, id);
  const version = await versionById(deps.db, row.procedureVersionId);
  // An interlinked group's dossier is processed by the agency of its running step.
  const group = await loadGroup(deps.db, version, id);
  const actors = dossierActors(access, row, groupHandler(version, group));
  if (command !== 'submit' && body.reusedDocuments && Object.keys(body.reusedDocuments).length > 0)
    throw errors.requestInvalid(
      'reusedDocuments',
      'Chỉ dùng giấy tờ trong kho dữ liệu khi nộp hồ sơ',
      'Documents from the document store can be used only when submitting',
    );
  if (command === 'extend' && !mayExtendDeadline(access, row)) throw errors.commandForbidden(command);
  if (body.expectedVersion !== undefined && body.expectedVersion !== row.version) throw errors.versionConflict();
  const check = checkTransition(row.state as DossierState, command, actors, body);
  if (!check.ok) {
    if (check.reason === 'wrong_state') throw errors.stateConflict(row.state, command);
    if (check.reason === 'not_allowed') throw errors.commandForbidden(command);
    throw errors.missingField(check.field!);
  }
  if (command === 'submit') return submitDraft(deps, access, row, actors, body, files);
  if (files.length && command !== 'resubmit')
    throw errors.attachmentInvalid(
      'files',
      'Chỉ đính kèm tệp khi nộp hoặc bổ sung hồ sơ',
      'Files can be attached only when submitting or supplementing',
    );
  const now = clock(deps);
  const cal = await loadWorkingCalendar(deps.db);
  const effects = commandEffects(
    command,
    {
      ...row,
      state: row.state as DossierState,
      channel: row.channel as DossierChannel,
      fee: row.fee as unknown as FeeCalculation | null,
      sameDayCutoff: version.sameDayCutoff,
    },
    {
      to: check.to,
      actors,
      actorAccountId: access.actor!.accountId,
      body,
      now,
      cal,
    },
  );
  if (!effects.ok) throw effectsRefused(effects, row, command);
  const { set, dueAfter } = effects;
  const plan = await planGroupCommand(deps, group, row, command, body, now);
  if (approvesGroup(plan)) {
    // The last step of the group is done: the dossier is approved as one decision, late if past its due time.
    Object.assign(set, { state: 'approved', decidedAt: now, ...(row.dueAt && now > row.dueAt && { late: true }) });
  }
  const grant = commandGrant(access, actors);
  // Who reads (CT07) or changes (approval) the registry on this command, for the person's access log.
  const officer = {
    accountId: access.actor!.accountId,
    role: grant.role,
    unitCode: grant.unitCode,
    requestId: access.requestId,
    pseudonymKey: deps.config.AUDIT_PSEUDONYM_KEY,
  };
  // Files of this command: the supplement's, or the result documents the version declares (CT03/CT07/CT08).
  const results =
    command === 'issue_result'
      ? await renderResultDocuments(deps.db, row, version, {
          officerName: access.actor!.displayName ?? '',
          now,
          publicUrl: deps.config.PUBLIC_URL,
          reader: officer,
        })
      : undefined;
  // A refusal is verifiable by its slip's QR code: its verification row is written with it.
  const refusal =
    (command === 'refuse' || command === 'refuse_intake') && row.code
      ? await refusalVerification(deps.db, row, version, {
          reason: body.reason ?? '',
          legalBasis: body.legalBasis ?? '',
          at: now,
          ...(plan?.kind === 'refuse' && {
            by: { role: group!.components[plan.seq - 1]!.role, agencyVi: group!.components[plan.seq - 1]!.agencyVi },
          }),
        })
      : null;
  const stored =
    command === 'resubmit'
      ? await storeFiles(
          deps.files,
          await checkFiles(
            files,
            version.documents.map((d) => d.code),
          ),
        )
      : results
        ? await storeFiles(deps.files, results.files)
        : undefined;
  try {
    await deps.db.transaction(async (tx) => {
      // Payments first: the IPN locks the payment, then the dossier; the same order here never deadlocks.
      if (command === 'withdraw') await deps.onWithdraw?.(tx, id, now, 'citizen');
      const updated = await repo.updateDossierIf(tx, id, row.state, row.version, set);
      if (!updated) {
        const fresh = await repo.findDossier(tx, id);
        throw fresh && fresh.state !== row.state
          ? errors.stateConflict(fresh.state, command)
          : errors.versionConflict();
      }
      await repo.insertTransition(tx, {
        dossierId: id,
        command,
        fromState: row.state,
        toState: set.state,
        actorAccountId: access.actor!.accountId,
        actorRole: grant.role,
        actorUnit: grant.unitCode,
        at: now,
        note: body.note ?? null,
        reason: body.reason ?? null,
        legalBasis: body.legalBasis ?? null,
        items: body.items ?? null,
        dueAt: dueAfter === undefined ? updated.dueAt : dueAfter,
      });
      if (group)
        await applyGroupPlan(tx, plan, {
          deps,
          row,
          version,
          group,
          now,
          on: todayInVietnam(now),
          cal,
          groupDueAt: updated.dueAt,
          officer,
        });
      // The approval changes the registry in the same transaction: any failure rolls the decision back too.
      if (command === 'approve' && version.registryEffect) {
        const outcome = await applyRegistryEffect(
          tx,
          { registryEffect: version.registryEffect, form: version.form },
          row,
          {
            dossierCode: row.code!,
            on: todayInVietnam(now),
            seen: row.registrySeen ?? {},
            provinceCode: deps.config.PROVINCE_CODE,
            writer: officer,
          },
        );
        if (outcome) await repo.setRegistryOutcome(tx, id, outcome);
      }
      if (results?.verifications.length) await repo.insertResultVerifications(tx, results.verifications);
      if (refusal) await repo.insertResultVerifications(tx, [refusal]);
      if (stored?.rows.length) {
        const round = (await repo.listTransitions(tx, id)).filter((t) => t.command === 'resubmit').length;
        await repo.insertAttachments(
          tx,
          attachmentRows(stored.rows, round, access.actor!.accountId).map((a) => ({ ...a, dossierId: id })),
        );
      }
    });
  } catch (error) {
    await stored?.undo(deps.db);
    throw error;
  }
  await stored?.ensure();
  return getDossier(deps, access, id);
}
