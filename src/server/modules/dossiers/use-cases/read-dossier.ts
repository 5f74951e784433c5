import { todayInVietnam } from '../../../../contracts/common';
import type { DossierDetail } from '../../../../contracts/dossiers';
import type { Db } from '../../../platform/db';
import { AppError } from '../../../platform/errors';
import type { AccessContext } from '../../identity';
import { getPersonDetail } from '../../population';
import { subjectFor } from '../../audit';
import { getUnitNames } from '../../units';
import * as errors from '../dossiers.errors';
import { dossierActors, mayReadApplicant } from '../dossiers.policy';
import { dossierReader } from './applicant';
import { presentDetail } from '../dossiers.presenter';
import * as repo from '../dossiers.repository';
import { versionById } from '../versions';
import { clock, type DossierDeps } from './deps';
import { groupHandler, loadGroup, runningAdapter } from './group-steps';
import { commandsFor, loadVisible, logStaffRead, presentContext } from './presenting';

/** A dossier in full for its owner or for staff of its unit (logged as a staff read of the applicant's data). */
export async function getDossier(deps: DossierDeps, access: AccessContext, id: string): Promise<DossierDetail> {
  const row = await loadVisible(deps, access, id);
  const version = await versionById(deps.db, row.procedureVersionId);
  const staff = access.actor?.kind !== 'citizen';
  const [transitions, attachments, ctx] = await Promise.all([
    repo.listTransitions(deps.db, id),
    repo.listAttachments(deps.db, id),
    presentContext(deps, access, [row]),
  ]);
  const subject =
    row.applicantSubject ??
    (deps.config.AUDIT_PSEUDONYM_KEY && row.applicantPersonId
      ? subjectFor(deps.config.AUDIT_PSEUDONYM_KEY, { personId: row.applicantPersonId })
      : null);
  if (staff && subject)
    await logStaffRead(deps, access, 'dossier.read', subject, {
      details: { dossierId: row.id },
      ...(row.code && { target: { kind: 'dossier' as const, code: row.code } }),
    });
  const group = await loadGroup(deps.db, version, id);
  const actors = dossierActors(access, row, groupHandler(version, group));
  const allowedCommands = commandsFor(access, row, actors, !!group);
  const adapter = allowedCommands.includes('complete_step') ? runningAdapter(deps, group) : null;
  return presentDetail(row, ctx, {
    transitions,
    attachments,
    allowedCommands,
    staff,
    steps: group?.steps ?? [],
    stepInput: adapter ? [...adapter.fields] : null,
  });
}

/** The applicant's registry record for an officer handling the dossier (purpose: dossier processing, logged). */
export async function getApplicant(deps: DossierDeps, access: AccessContext, id: string) {
  const row = await loadVisible(deps, access, id);
  if (!mayReadApplicant(access, row) || !row.applicantPersonId) throw errors.dossierNotFound();
  return getPersonDetail(deps.db, row.applicantPersonId, undefined, {
    reader: dossierReader(deps, access, 'dossiers.read'),
    purpose: 'dossier_processing',
    dossierCode: row.code ?? undefined,
  });
}

/** An attachment's bytes, for its owner or staff of the unit. */
export async function readAttachment(deps: DossierDeps, access: AccessContext, id: string, attachmentId: string) {
  await loadVisible(deps, access, id);
  const a = await repo.findAttachment(deps.db, id, attachmentId);
  if (!a) throw new AppError('DOSSIER.ATTACHMENT_NOT_FOUND', 'Không tìm thấy tệp đính kèm', 'Attachment not found');
  return { row: a, data: await deps.files.read(a.sha256) };
}

/** The row and its procedure, for slips (routes render them with the slips module): staff of the unit or the dossier's owner. */
export async function loadForSlip(deps: DossierDeps, access: AccessContext, id: string) {
  const row = await loadVisible(deps, access, id); // staff of the unit, or the citizen who filed it (their own receipt)
  return slipSourceOf(deps.db, row, clock(deps));
}

/**
 * What a slip of this dossier is printed from, with no access check (the caller has made it): its
 * procedure version, transitions, attachments and the receiving unit's name on `now`'s day.
 * Sequential reads: `db` may be a transaction (the document store's recording pass).
 */
export async function slipSourceOf(db: Db, row: repo.DossierRow, now: Date) {
  const version = await versionById(db, row.procedureVersionId);
  const transitions = await repo.listTransitions(db, row.id);
  const attachments = await repo.listAttachments(db, row.id);
  const unitName = await getUnitNames(db, todayInVietnam(now)).then(
    (name) => name(row.unitCode) ?? row.unitCode,
    () => row.unitCode,
  );
  return { row, version, transitions, attachments, unitName };
}

/** What a slip is printed from. */
export type SlipSource = Awaited<ReturnType<typeof loadForSlip>>;
