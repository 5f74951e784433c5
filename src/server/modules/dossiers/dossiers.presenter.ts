import type {
  Attachment,
  DossierDetail,
  DossierStep,
  DossierState,
  DossierSummary,
  TimelineEntry,
} from '../../../contracts/dossiers';
import type { WorkingCalendar } from '../calendar';
import { DEFAULT_ROLES } from '../identity';
import type { ProcedureVersion } from '../procedures';
import { deadlineFlag, waitingTime } from './deadline';
import type { AttachmentRow, DossierRow, StepRow, TransitionRow } from './dossiers.repository';
import { stepComponents } from './group-steps';
import { paymentDueAt } from './unpaid-expiry';

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);

export interface PresentContext {
  cal: WorkingCalendar;
  now: Date;
  viewerAccountId: string | null;
  procedure: (id: string) => ProcedureVersion;
  unitName: (code: string) => string | null;
}

/** Row → list item: explicit fields only (no form data, no ID numbers). */
export function presentSummary(row: DossierRow, ctx: PresentContext): DossierSummary {
  const version = ctx.procedure(row.procedureVersionId);
  return {
    id: row.id,
    code: row.code,
    procedureCode: row.procedureCode,
    procedureNameVi: version.nameVi,
    procedureNameEn: version.nameEn,
    state: row.state as DossierState,
    channel: row.channel as DossierSummary['channel'],
    unitCode: row.unitCode,
    unitName: ctx.unitName(row.unitCode),
    applicantName: row.applicantName,
    submittedAt: iso(row.submittedAt),
    receivedAt: iso(row.receivedAt),
    deadlineStartAt: iso(row.deadlineStartAt),
    dueAt: iso(row.dueAt),
    decidedAt: iso(row.decidedAt),
    flag: deadlineFlag(
      ctx.cal,
      {
        state: row.state as DossierState,
        dueAt: row.dueAt,
        decidedAt: row.decidedAt,
        pausedRemainingMinutes: row.pausedRemainingMinutes,
        late: row.late,
      },
      ctx.now,
    ),
    late: row.late,
    // Waiting for the desk since it was sent to it: filed, or paid when the fee came later.
    waiting:
      row.state === 'submitted' && row.submittedAt
        ? waitingTime(
            ctx.cal,
            row.feePaidAt && row.feePaidAt > row.submittedAt ? row.feePaidAt : row.submittedAt,
            ctx.now,
          )
        : null,
    assignedToMe: ctx.viewerAccountId !== null && row.assigneeAccountId === ctx.viewerAccountId,
    feeAmount: row.feeAmount,
    feeStatus: row.feeStatus as DossierSummary['feeStatus'],
    version: row.version,
  };
}

export function presentTimeline(rows: TransitionRow[]): TimelineEntry[] {
  return rows.map((t) => {
    const role = DEFAULT_ROLES.find((r) => r.code === t.actorRole);
    return {
      at: t.at.toISOString(),
      command: t.command,
      fromState: (t.fromState as DossierState | null) ?? null,
      toState: t.toState as DossierState,
      actorRole: t.actorRole,
      actorRoleNameVi: role?.nameVi ?? null,
      actorRoleNameEn: role?.nameEn ?? null,
      actorUnitCode: t.actorUnit,
      note: t.note,
      reason: t.reason,
      legalBasis: t.legalBasis,
      items: t.items ?? null,
      dueAt: iso(t.dueAt),
    };
  });
}

export function presentAttachment(a: AttachmentRow): Attachment {
  return {
    id: a.id,
    documentKey: a.documentKey,
    fileName: a.fileName,
    mediaType: a.mediaType,
    size: a.size,
    sha256: a.sha256,
    uploadedAt: a.uploadedAt.toISOString(),
    round: a.round,
    reused: a.reusedDocumentId !== null && a.reusedDocumentId !== undefined,
  };
}

export function presentDetail(
  row: DossierRow,
  ctx: PresentContext,
  parts: {
    transitions: TransitionRow[];
    attachments: AttachmentRow[];
    allowedCommands: DossierDetail['allowedCommands'];
    staff: boolean;
    steps?: StepRow[];
    stepInput?: DossierDetail['stepInput'];
  },
): DossierDetail {
  const waitingSince =
    row.state === 'awaiting_payment'
      ? [...parts.transitions].reverse().find((t) => t.toState === 'awaiting_payment')?.at
      : undefined;
  const openSupplement =
    row.state === 'supplement_requested'
      ? [...parts.transitions].reverse().find((t) => t.command === 'request_supplement')
      : undefined;
  return {
    ...presentSummary(row, ctx),
    procedureVersionId: row.procedureVersionId,
    form: row.form,
    sources: row.sources,
    attachments: parts.attachments.map(presentAttachment),
    timeline: presentTimeline(parts.transitions),
    allowedCommands: parts.allowedCommands,
    resultDelivery: row.resultDelivery as DossierDetail['resultDelivery'],
    deliveryAddress: row.deliveryAddress,
    feePaymentId: row.feePaymentId,
    paymentDueAt: waitingSince ? paymentDueAt(ctx.cal, waitingSince).toISOString() : null,
    supplement: openSupplement
      ? { items: openSupplement.items ?? [], requestedAt: openSupplement.at.toISOString() }
      : null,
    pausedRemainingMinutes: row.pausedRemainingMinutes,
    applicantPersonId: parts.staff ? row.applicantPersonId : null,
    fee: row.fee ?? null,
    feePaidAmount: row.feePaidAmount,
    slips: printableSlips(row, parts.transitions),
    assistedBy: row.assistedBy
      ? {
          unitCode: row.assistedBy.unitCode,
          counterLabel: row.assistedBy.counterLabel,
          officerName: row.assistedBy.officerName,
        }
      : null,
    registryChecks: parts.staff ? (row.registryChecks ?? null) : null,
    registryOutcome: row.registryOutcome ?? null,
    steps: presentSteps(ctx.procedure(row.procedureVersionId), parts.steps ?? [], ctx),
    stepInput: parts.stepInput ?? null,
  };
}

/**
 * The steps of an interlinked group: the stored ones once the dossier is received, the planned
 * ones (from the version) before; none for another procedure.
 */
export function presentSteps(
  version: Pick<ProcedureVersion, 'components'>,
  rows: readonly StepRow[],
  ctx: Pick<PresentContext, 'unitName'>,
): DossierStep[] {
  return stepComponents(version.components).map((c, i) => {
    const r = rows.find((s) => s.seq === i + 1);
    return {
      seq: i + 1,
      procedureCode: c.code,
      nameVi: c.nameVi,
      nameEn: c.nameEn,
      agencyVi: c.agencyVi,
      agencyEn: c.agencyEn,
      producesVi: c.producesVi ?? null,
      producesEn: c.producesEn ?? null,
      role: c.role,
      sector: c.sector ?? null,
      unitCode: r?.unitCode ?? null,
      unitName: r ? ctx.unitName(r.unitCode) : null,
      state: (r?.state ?? 'planned') as DossierStep['state'],
      startedAt: iso(r?.startedAt),
      dueAt: iso(r?.dueAt),
      endedAt: iso(r?.endedAt),
      late: !!(r?.dueAt && (r.endedAt ? r.endedAt > r.dueAt : false)),
      outcome: r?.outcome ?? null,
    };
  });
}

/** Slips that exist for the dossier's history (printed again at any time). */
export function printableSlips(row: DossierRow, transitions: TransitionRow[]): DossierDetail['slips'] {
  const slips: DossierDetail['slips'] = [];
  const did = (c: string) => transitions.some((t) => t.command === c);
  if (row.receivedAt) slips.push('receipt');
  if (did('request_supplement')) slips.push('supplement');
  if (did('refuse_intake') || did('refuse')) slips.push('refusal');
  if (did('extend')) slips.push('apology');
  return slips;
}
