import { randomUUID } from 'node:crypto';
import { todayInVietnam } from '../../../../contracts/common';
import type { DossierDetail, DossierState, SubmissionBody } from '../../../../contracts/dossiers';
import type { AccessContext } from '../../identity';
import { loadWorkingCalendar } from '../../calendar';
import { subjectFor } from '../../audit';
import { receivingAgencyCode } from '../../units';
import type { CounterAssistance } from '../../counter';
import { storeFiles, type IncomingFile } from '../attachments';
import { dossierCodePrefix } from '../dossier-codes';
import * as errors from '../dossiers.errors';
import { dossierActors, filingGrant } from '../dossiers.policy';
import { presentDetail, type PresentContext } from '../dossiers.presenter';
import * as repo from '../dossiers.repository';
import { resolveApplicant } from './applicant';
import { resolveFeeSubject } from './fee-subject';
import { clock, provinceAgencyCode, type DossierDeps } from './deps';
import { reusedAttachments } from './reuse-documents';
import { attachmentRows, prepareFiling, validateDraft, validateFull, versionInForce } from './prepare-filing';
import { commandsFor } from './presenting';
import { receivingUnit, registryChecks } from './receiving-unit';
import {
  applyAtFiling,
  decidingEffect,
  refuseMembersOutsideHousehold,
  registrySeenAtFiling,
} from '../registry-effects';

/**
 * Files a dossier (or saves a draft) in one transaction: validate the form against the version in
 * force (server-side, unknown fields refused, prefilled registry values locked), check the files,
 * take the next gap-free code of the agency's day, store dossier + transition + attachments. On any
 * failure nothing remains: no dossier, no code consumed (the counter update rolls back), no file.
 * `assistance` is the counter device the citizen's browser is (counter module), or null: a filing
 * on a counter device is "assisted" with the device's officer recorded, and only such a filing may
 * be — a citizen cannot declare it from an ordinary browser.
 */
export async function submitDossier(
  deps: DossierDeps,
  access: AccessContext,
  submitted: SubmissionBody,
  files: IncomingFile[],
  assistance: CounterAssistance | null = null,
): Promise<DossierDetail> {
  if (!access.actor) throw errors.commandForbidden('submit');
  if (access.actor.kind === 'citizen' && submitted.channel === 'assisted' && !assistance) {
    throw errors.requestInvalid(
      'channel',
      'Chỉ ghi nhận nộp có cán bộ hướng dẫn khi nộp trên thiết bị tại Bộ phận một cửa',
      'A filing is recorded as assisted only on a counter device at the one-stop shop',
    );
  }
  const body: SubmissionBody =
    access.actor.kind === 'citizen' && assistance ? { ...submitted, channel: 'assisted' } : submitted;
  const version = await versionInForce(deps, body);
  const applicant = await resolveApplicant(deps, access, body, version);
  const form = body.draft
    ? validateDraft(version, body.form)
    : validateFull(version, body.form, applicant.prefill, body.channel);
  if (!body.draft) await refuseMembersOutsideHousehold(deps.db, decidingEffect(version), form, applicant.personId);
  const today = todayInVietnam(clock(deps));
  const unit = await receivingUnit(deps, access, version, form, applicant.unitCode, today, applicant.personId);
  // Documents from the citizen's store in place of uploads (issue 17 §3): checked before anything is written.
  const reused = await reusedAttachments(deps, access, version, body.reusedDocuments, today);
  const { fee, money, checked } = await prepareFiling(deps, {
    version,
    channel: body.channel,
    persons: body.persons,
    exemptionClaim: body.exemptionClaim,
    form,
    record: applicant.record,
    today,
    files,
    existingKeys: body.draft ? null : reused.map((r) => r.documentKey),
    registryKnowsApplicant: applicant.personId !== null,
    feeSubject: await resolveFeeSubject(deps, access, version, form, applicant, today),
    eidLevel: access.actor.kind === 'citizen' ? access.actor.acr : null,
  });
  const agency = await receivingAgencyCode(deps.config.PROVINCE_CODE, unit.code, provinceAgencyCode(deps));
  const agencyCode = agency.code;
  const now = clock(deps);
  const checks = body.draft ? null : await registryChecks(deps, version, form, now);
  const seen = body.draft
    ? null
    : await registrySeenAtFiling(deps.db, decidingEffect(version), form, applicant.personId);
  const stored = await storeFiles(deps.files, checked);
  const grant = filingGrant(access);
  try {
    // A stay notification (record_stay) is recorded as it is filed: no decision, complete at once.
    const atFiling = !body.draft && !money.awaitingPayment && version.registryEffect?.kind === 'record_stay';
    const state: DossierState = body.draft
      ? 'draft'
      : money.awaitingPayment
        ? 'awaiting_payment'
        : atFiling
          ? 'returned'
          : 'submitted';
    // One statement: the code (unless a draft), the dossier, its first transition and its files.
    const filing: repo.NewFiling = {
      dossier: {
        id: randomUUID(),
        agencyCode,
        procedureCode: version.code,
        procedureVersionId: version.id,
        unitCode: unit.code,
        state,
        channel: body.channel,
        applicantPersonId: applicant.personId,
        applicantSubject:
          deps.config.AUDIT_PSEUDONYM_KEY && (applicant.nationalId || applicant.personId)
            ? subjectFor(deps.config.AUDIT_PSEUDONYM_KEY, {
                nationalId: applicant.nationalId,
                personId: applicant.personId,
              })
            : null,
        applicantName: applicant.name,
        ownerAccountId: applicant.ownerAccountId,
        enteredByAccountId: access.actor.kind === 'citizen' ? null : access.actor.accountId,
        assistedBy: body.channel === 'assisted' ? assistance : null,
        form,
        sources: applicant.sources,
        timeLimitWorkingDays: version.timeLimitWorkingDays,
        submittedAt: body.draft ? null : now,
        fee: fee,
        feeAmount: money.amount,
        feeStatus: money.status,
        registryChecks: checks,
        registrySeen: seen,
        // A paper filing is collected at the counter unless the applicant asked otherwise.
        resultDelivery: body.resultDelivery ?? (body.channel === 'paper' ? 'counter' : 'online'),
        deliveryAddress: body.resultDelivery === 'post' ? (body.deliveryAddress ?? null) : null,
      },
      code: body.draft ? null : { agencyCode, day: today, prefix: dossierCodePrefix(agencyCode, today) },
      transition: {
        command: body.draft ? 'create_draft' : 'submit',
        fromState: null,
        toState: state,
        actorAccountId: access.actor.accountId,
        actorRole: grant.role,
        actorUnit: grant.unitCode,
        at: now,
        note: null,
      },
      attachments: [
        ...attachmentRows(stored.rows, 0, access.actor.accountId),
        ...attachmentRows(reused, 0, access.actor.accountId).map((a, i) => ({
          ...a,
          reusedDocumentId: reused[i]!.reusedDocumentId,
        })),
      ].map((a) => ({ ...a, uploadedAt: now })),
    };
    if (atFiling) Object.assign(filing.dossier, { receivedAt: now, deadlineStartAt: now, decidedAt: now, dueAt: now });
    const written = atFiling
      ? await deps.db.transaction(async (tx) => {
          const w = await repo.insertFiling(tx, filing);
          await applyAtFiling(tx, version.registryEffect!, form, w.row);
          return w;
        })
      : await repo.insertFiling(deps.db, filing);
    await stored.ensure();
    // The answer is made from the rows just written (no second read of the dossier).
    const ctx: PresentContext = {
      cal: await loadWorkingCalendar(deps.db),
      now,
      viewerAccountId: access.actor.accountId,
      procedure: () => version,
      unitName: () => unit.fullName,
    };
    const allowed = commandsFor(access, written.row, dossierActors(access, written.row, version.handledByRole));
    return presentDetail(written.row, ctx, {
      transitions: [written.transition],
      attachments: written.attachments,
      allowedCommands: allowed,
      staff: access.actor.kind !== 'citizen',
    });
  } catch (error) {
    await stored.undo(deps.db);
    throw error;
  }
}
