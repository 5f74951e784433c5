import { randomUUID } from 'node:crypto';
import type { Config } from '../../platform/config';
import type { Db } from '../../platform/db';
import type { FileStore } from '../../platform/files';
import { AppError } from '../../platform/errors';
import { todayInVietnam } from '../../../contracts/common';
import type {
  AssistedFilings,
  AssistedFilingsQuery,
  CommandBody,
  DossierCommand,
  DossierDetail,
  DossierListQuery,
  DossierState,
  DossierSummary,
  StatusLookupResult,
  SubmissionBody,
} from '../../../contracts/dossiers';
import type { AccessContext } from '../identity';
import { loadWorkingCalendar, type WorkingCalendar } from '../calendar';
import {
  getProcedureVersion,
  getProcedureVersionById,
  listProcedures,
  prefillForm,
  resolvePrefill,
  validateFormData,
  validateSubmission,
  type ProcedureVersion,
} from '../procedures';
import { findOwnRecord, findPersonIdByNationalId, getPersonDetail } from '../population';
import { recordAccess, subjectFor } from '../audit';
import { getUnit } from '../units';
import type { CounterAssistance } from '../counter';
import { applicantFactsOf, computeDossierFee, decideExemption, UNKNOWN_APPLICANT, type FeeCalculation } from '../fees';
import { checkFiles, storeFiles, type IncomingFile } from './attachments';
import { deadlineAtReceipt, pauseDeadline, resumeDeadline } from './deadline';
import * as errors from './dossiers.errors';
import { actingGrant, canSeeDossier, dossierActors } from './dossiers.policy';
import { presentDetail, presentSummary, type PresentContext } from './dossiers.presenter';
import * as repo from './dossiers.repository';
import { versionById } from './versions';
import { foldName } from './name-fold';
import { availableCommands, checkTransition, COMMANDS } from './lifecycle';

/** What the use cases need from the application. */
export interface DossierDeps {
  db: Db;
  config: Pick<Config, 'AUDIT_PSEUDONYM_KEY' | 'PROVINCE_AGENCY_CODE'>;
  files: FileStore;
  /** The clock (tests move it). */
  now?: () => Date;
  /**
   * Runs in the withdrawal's transaction before the dossier changes (the payments module closes the
   * dossier's open payments and queues the refund of money it holds, ADR 0010 rule 8).
   */
  onWithdraw?: WithdrawalHook;
}

/** What happens to a dossier's payments when it is withdrawn, inside the withdrawal's transaction. */
export type WithdrawalHook = (tx: Db, dossierId: string, at: Date) => Promise<void>;

const clock = (deps: DossierDeps) => (deps.now ? deps.now() : new Date());

/**
 * Agency code of a receiving commune in dossier codes: `<commune code>.<province letter code>`
 * (e.g. `03388.H29`), the province's letter code being the last group of PROVINCE_AGENCY_CODE
 * (QCVN 102:2016). The real codes of Lai Châu's communes are not confirmed (DOMAIN.md §5), so the
 * rule is configuration-driven; see docs/adr.
 */
export function agencyCodeFor(unitCode: string, provinceAgencyCode: string): string {
  const letter = provinceAgencyCode.split('.').pop() ?? provinceAgencyCode;
  return `${unitCode}.${letter}`;
}

/** `<agency>-YYMMDD-`: what every code of an agency's day begins with, the day in Vietnam time. */
export function dossierCodePrefix(agencyCode: string, day: string): string {
  return `${agencyCode}-${day.slice(2, 4)}${day.slice(5, 7)}${day.slice(8, 10)}-`;
}

/** `<agency>-YYMMDD-XXXX`, the day in Vietnam time (four digits, more past 9,999). */
export function formatDossierCode(agencyCode: string, day: string, seq: number): string {
  return `${dossierCodePrefix(agencyCode, day)}${String(seq).padStart(4, '0')}`;
}

/** Units of a day, memoised for a minute (every submission and list names the receiving commune). */
const unitCache = new Map<string, { at: number; unit: Promise<Awaited<ReturnType<typeof getUnit>> | null> }>();
function unitOn(db: Db, code: string, day: string): Promise<Awaited<ReturnType<typeof getUnit>> | null> {
  const key = `${code}@${day}`;
  const hit = unitCache.get(key);
  if (hit && Date.now() - hit.at < 60_000) return hit.unit;
  if (unitCache.size > 2_000) unitCache.clear();
  const unit = getUnit(db, code, day).catch(() => null);
  unitCache.set(key, { at: Date.now(), unit });
  return unit;
}

/** Per-request memo of procedure versions and unit names (lists show many rows of few procedures). */
async function presentContext(
  deps: DossierDeps,
  access: AccessContext,
  rows: Array<{ procedureVersionId: string; unitCode: string }>,
  cal?: WorkingCalendar,
): Promise<PresentContext> {
  const versions = new Map<string, ProcedureVersion>();
  for (const id of new Set(rows.map((r) => r.procedureVersionId))) versions.set(id, await versionById(deps.db, id));
  const names = new Map<string, string | null>();
  const today = todayInVietnam(clock(deps));
  for (const code of new Set(rows.map((r) => r.unitCode)))
    names.set(code, (await unitOn(deps.db, code, today))?.fullName ?? null);
  return {
    cal: cal ?? (await loadWorkingCalendar(deps.db)),
    now: clock(deps),
    viewerAccountId: access.actor?.accountId ?? null,
    procedure: (id) => versions.get(id)!,
    unitName: (code) => names.get(code) ?? null,
  };
}

/** The applicant of a submission and the form checks that apply to them. */
interface Applicant {
  personId: string | null;
  name: string;
  nationalId: string | null;
  ownerAccountId: string | null;
  unitCode: string;
  sources: Record<string, string>;
  prefill?: Awaited<ReturnType<typeof prefillForm>>;
  /** The registry record (without quality findings), for the fee's exemption checks. */
  record: Awaited<ReturnType<typeof getPersonDetail>> | null;
}

async function resolveApplicant(
  deps: DossierDeps,
  access: AccessContext,
  body: SubmissionBody,
  version: ProcedureVersion,
): Promise<Applicant> {
  const actor = access.actor!;
  if (actor.kind === 'citizen') {
    if (!access.can('dossiers.own.file')) throw errors.commandForbidden('submit');
    if (body.channel === 'paper')
      throw errors.requestInvalid(
        'channel',
        'Công dân nộp trực tuyến hoặc tại thiết bị ở bộ phận một cửa',
        'Citizens file online or on a counter device',
      );
    if (body.applicantNationalId)
      throw errors.requestInvalid(
        'applicantNationalId',
        'Công dân chỉ nộp hồ sơ của chính mình',
        'Citizens file their own dossiers only',
      );
    if ((actor.acr ?? 0) < version.requiredEidLevel) throw errors.eidLevelForbidden(version.requiredEidLevel);
    // The citizen's record and household in one read; the same prefill the citizen saw (procedures' pure resolver).
    const own = await findOwnRecord(deps.db, actor.nationalId, { findings: false });
    const person = own?.record ?? null;
    const household = own?.household ?? null;
    const resolved = resolvePrefill(
      version.form,
      { person, household, today: todayInVietnam(clock(deps)) },
      actor.nationalId ? { nationalId: actor.nationalId } : {},
    );
    const prefill = {
      versionId: version.id,
      code: version.code,
      ...resolved,
      eIdLevelOk: (actor.acr ?? 0) >= version.requiredEidLevel,
    };
    const unitCode = body.unitCode ?? person?.residenceUnitCode;
    if (!unitCode)
      throw errors.requestInvalid('unitCode', 'Chọn xã, phường nơi nộp hồ sơ', 'Choose the commune where you file');
    return {
      personId: person?.id ?? actor.personId,
      name: person?.fullName ?? actor.displayName,
      nationalId: actor.nationalId,
      ownerAccountId: actor.accountId,
      unitCode,
      sources: prefill.sources,
      prefill,
      record: person,
    };
  }
  // An officer entering a paper filing for a citizen at the counter.
  if (body.channel !== 'paper')
    throw errors.requestInvalid(
      'channel',
      'Cán bộ chỉ nhập hồ sơ giấy (kênh "paper")',
      'Officers enter paper filings only (channel "paper")',
    );
  if (!body.unitCode)
    throw errors.requestInvalid('unitCode', 'Chọn đơn vị tiếp nhận hồ sơ', 'Choose the receiving unit');
  if (!access.canInUnit('dossiers.enter', body.unitCode)) throw errors.commandForbidden('enter');
  if (!body.applicantNationalId)
    throw errors.requestInvalid(
      'applicantNationalId',
      'Nhập số định danh cá nhân của người nộp',
      "Enter the applicant's personal ID number",
    );
  const personId = await findPersonIdByNationalId(deps.db, body.applicantNationalId);
  if (!personId)
    throw errors.requestInvalid(
      'applicantNationalId',
      'Không tìm thấy công dân có số định danh này',
      'No person with this ID number',
    );
  const grant = actingGrant(access, 'dossiers.enter');
  const person = await getPersonDetail(
    deps.db,
    personId,
    undefined,
    {
      reader: {
        accountId: actor.accountId,
        role: grant.role,
        unitCode: grant.unitCode,
        requestId: access.requestId,
        pseudonymKey: deps.config.AUDIT_PSEUDONYM_KEY,
      },
      purpose: 'dossier_processing',
    },
    { findings: false },
  );
  // The applicant (người nộp) is who stands at the counter: a death is declared by a living relative.
  if (person.status === 'deceased')
    throw errors.requestInvalid(
      'applicantNationalId',
      'Số định danh này thuộc người đã mất. Nhập số định danh của người đến nộp hồ sơ (người đi khai).',
      'This ID number belongs to a deceased person. Enter the ID number of the person filing (the declarant).',
    );
  return {
    personId,
    name: person.fullName,
    nationalId: body.applicantNationalId,
    ownerAccountId: null,
    unitCode: body.unitCode,
    sources: {},
    record: person,
  };
}

/** The version a form was filled under, if it is still the one in force (else 409: reload the form). */
async function versionInForce(
  deps: DossierDeps,
  body: Pick<SubmissionBody, 'procedureCode' | 'procedureVersionId'>,
): Promise<ProcedureVersion> {
  const current = await getProcedureVersion(deps.db, body.procedureCode, todayInVietnam(clock(deps)));
  if (current.id !== body.procedureVersionId) {
    const filed = await getProcedureVersionById(deps.db, body.procedureVersionId).catch(() => null);
    if (!filed || filed.code !== body.procedureCode)
      throw errors.requestInvalid(
        'procedureVersionId',
        'Phiên bản thủ tục không khớp với mã thủ tục',
        'The procedure version does not belong to this procedure',
      );
    throw errors.procedureVersionConflict();
  }
  return current;
}

function requiredDocumentsPresent(version: ProcedureVersion, keys: Set<string>, registryKnowsApplicant: boolean): void {
  const eForm = version.form.formCode?.toLowerCase().replace(/-/g, '_');
  for (const d of version.documents) {
    if (!d.required || keys.has(d.code)) continue;
    if (d.code === eForm) continue; // the declaration itself: the electronic form of the dossier
    if (d.replaceableByRegistry && registryKnowsApplicant) continue; // the registry replaces the paper copy (Project 06)
    throw errors.attachmentInvalid(
      `file:${d.code}`,
      `Thiếu giấy tờ bắt buộc: ${d.nameVi}`,
      `A required document is missing: ${d.nameEn}`,
    );
  }
}

/**
 * Files a dossier (or saves a draft) in one transaction: validate the form against the version in
 * force (server-side, unknown fields refused, prefilled registry values locked), check the files,
 * take the next gap-free code of the agency's day, store dossier + transition + attachments. On any
 * failure nothing remains: no dossier, no code consumed (the counter update rolls back), no file.
 */
/**
 * Files a dossier. `assistance` is the counter device the citizen's browser is (counter module),
 * or null: a filing on a counter device is "assisted" with the device's officer recorded, and
 * only such a filing may be — a citizen cannot declare it from an ordinary browser.
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
  const form = body.draft ? validateDraft(version, body.form) : validateFull(version, body.form, applicant.prefill);
  const today = todayInVietnam(clock(deps));
  const fee = await feeFor(deps, version, body, form, applicant, today);
  const checked = await checkFiles(files, [
    ...version.documents.map((d) => d.code),
    ...(fee?.exemption?.check === 'proof' ? [EXEMPTION_PROOF] : []),
  ]);
  if (!body.draft) {
    requiredDocumentsPresent(version, new Set(checked.map((f) => f.documentKey)), applicant.personId !== null);
    exemptionProofPresent(fee, new Set(checked.map((f) => f.documentKey)));
  }
  const money = feeState(fee, body.channel);
  const unit = await unitOn(deps.db, applicant.unitCode, today);
  if (!unit || unit.level !== 'commune')
    throw errors.requestInvalid(
      'unitCode',
      'Đơn vị tiếp nhận phải là một xã, phường hiện hành',
      'The receiving unit must be a commune in force today',
    );
  const stored = await storeFiles(deps.files, checked);
  const now = clock(deps);
  const grant =
    access.actor.kind === 'citizen' ? { role: 'citizen', unitCode: null } : actingGrant(access, 'dossiers.enter');
  try {
    const agencyCode = agencyCodeFor(applicant.unitCode, deps.config.PROVINCE_AGENCY_CODE);
    const state: DossierState = body.draft ? 'draft' : money.awaitingPayment ? 'awaiting_payment' : 'submitted';
    // One statement: the code (unless a draft), the dossier, its first transition and its files.
    const written = await repo.insertFiling(deps.db, {
      dossier: {
        id: randomUUID(),
        agencyCode,
        procedureCode: version.code,
        procedureVersionId: version.id,
        unitCode: applicant.unitCode,
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
      attachments: stored.rows.map((f) => ({
        documentKey: f.documentKey,
        fileName: f.fileName,
        mediaType: f.mediaType,
        size: f.size,
        sha256: f.sha256,
        round: 0,
        uploadedBy: access.actor!.accountId,
        uploadedAt: now,
      })),
    });
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

/** Field name of the proof of a claimed exemption that the registry cannot check (e.g. a disability certificate). */
export const EXEMPTION_PROOF = 'exemption_proof';

/** The fee of the dossier from its procedure version, with the exemptions the registry proves applied (fees module). */
async function feeFor(
  deps: DossierDeps,
  version: ProcedureVersion,
  body: Pick<SubmissionBody, 'channel' | 'persons' | 'exemptionClaim'>,
  form: Record<string, unknown>,
  applicant: Applicant,
  today: string,
): Promise<FeeCalculation | null> {
  if (!version.fees.items.length) return null;
  const members = Array.isArray(form.members) ? form.members.length : 0;
  return computeDossierFee(deps.db, version, {
    channel: body.channel,
    persons: body.persons ?? 1 + members,
    applicant: applicant.record ? applicantFactsOf(applicant.record, today) : UNKNOWN_APPLICANT,
    claim: body.exemptionClaim ?? null,
    asOf: today,
  });
}

function exemptionProofPresent(fee: FeeCalculation | null, keys: Set<string>): void {
  if (fee?.exemption?.check === 'proof' && fee.exemption.status === 'pending' && !keys.has(EXEMPTION_PROOF)) {
    throw errors.attachmentInvalid(
      `file:${EXEMPTION_PROOF}`,
      `Đính kèm giấy tờ chứng minh được miễn lệ phí: ${fee.exemption.proofVi ?? fee.exemption.labelVi}`,
      `Attach the proof of the fee exemption: ${fee.exemption.proofEn ?? fee.exemption.labelEn}`,
    );
  }
}

/**
 * What the fee means for the dossier: paid online before the desk receives it (`awaiting_payment`),
 * collected in cash at the counter for a paper filing, waived, or waiting for an officer to confirm an exemption.
 */
function feeState(
  fee: FeeCalculation | null,
  channel: SubmissionBody['channel'],
): { amount: number; status: 'none' | 'unpaid' | 'cash' | 'exempt' | 'exemption_pending'; awaitingPayment: boolean } {
  if (!fee) return { amount: 0, status: 'none', awaitingPayment: false };
  if (fee.exemption?.status === 'pending')
    return { amount: fee.amount, status: 'exemption_pending', awaitingPayment: false };
  if (fee.amount === 0) return { amount: 0, status: fee.exemption ? 'exempt' : 'none', awaitingPayment: false };
  if (channel === 'paper') return { amount: fee.amount, status: 'cash', awaitingPayment: false };
  return { amount: fee.amount, status: 'unpaid', awaitingPayment: true };
}

function validateFull(
  version: ProcedureVersion,
  form: Record<string, unknown>,
  prefill?: Awaited<ReturnType<typeof prefillForm>>,
): Record<string, unknown> {
  const result = validateSubmission(
    version,
    form,
    prefill ? { values: prefill.values, sources: prefill.sources, editable: prefill.editable } : undefined,
  );
  if (!result.ok) throw errors.formInvalid(result.errors);
  return result.value;
}

/** A draft may be incomplete, but never holds unknown fields or wrong types. */
function validateDraft(version: ProcedureVersion, form: Record<string, unknown>): Record<string, unknown> {
  const result = validateFormData(version, form);
  if (result.ok) return result.value;
  const real = result.errors.filter((e) => !/required|bắt buộc/i.test(`${e.vi} ${e.en}`));
  if (real.length) throw errors.formInvalid(real);
  return form;
}

async function loadVisible(deps: DossierDeps, access: AccessContext, id: string): Promise<repo.DossierRow> {
  const row = await repo.findDossier(deps.db, id);
  if (!row || !canSeeDossier(access, row)) throw errors.dossierNotFound();
  return row;
}

/**
 * The commands the caller may run on the dossier now: the state machine's, less an extension
 * without the permission, and the exemption decisions unless an exemption waits for one (an
 * exemption the registry proved, or none, has nothing to decide).
 */
function commandsFor(
  access: AccessContext,
  row: repo.DossierRow,
  actors: ReturnType<typeof dossierActors>,
): DossierCommand[] {
  return availableCommands(row.state as DossierState, actors).filter((c) => {
    if (c === 'extend') return access.canInUnit('dossiers.deadline.extend', row.unitCode);
    if (c === 'confirm_exemption' || c === 'reject_exemption') return row.feeStatus === 'exemption_pending';
    return true;
  });
}

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
  if (staff && subject) {
    const grant = actingGrant(access, 'dossiers.read');
    await recordAccess(
      deps.db,
      [
        {
          actorAccountId: access.actor!.accountId,
          actorRole: grant.role,
          actorUnit: grant.unitCode,
          action: 'dossier.read',
          subject,
          purpose: 'dossier_processing',
          requestId: access.requestId,
          details: { dossierId: row.id },
          ...(row.code && { target: { kind: 'dossier' as const, code: row.code } }),
        },
      ],
      { standaloneRead: true },
    );
  }
  const actors = dossierActors(access, row, version.handledByRole);
  return presentDetail(row, ctx, {
    transitions,
    attachments,
    allowedCommands: commandsFor(access, row, actors),
    staff,
  });
}

/** Runs one lifecycle command (compare-and-set on state and version: of two concurrent commands one wins, the other gets 409). */
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
  const actors = dossierActors(access, row, version.handledByRole);
  if (command === 'extend' && !access.canInUnit('dossiers.deadline.extend', row.unitCode))
    throw errors.commandForbidden(command);
  if (body.expectedVersion !== undefined && body.expectedVersion !== row.version) throw errors.versionConflict();
  const check = checkTransition(row.state as DossierState, command, actors, body);
  if (!check.ok) {
    if (check.reason === 'wrong_state') throw errors.stateConflict(row.state, command);
    if (check.reason === 'not_allowed') throw errors.commandForbidden(command);
    throw errors.missingField(check.field!);
  }
  if (command === 'submit') return submitDraft(deps, access, row, version, actors, body, files);
  if (files.length && command !== 'resubmit')
    throw errors.attachmentInvalid(
      'files',
      'Chỉ đính kèm tệp khi nộp hoặc bổ sung hồ sơ',
      'Files can be attached only when submitting or supplementing',
    );
  const now = clock(deps);
  const cal = await loadWorkingCalendar(deps.db);
  const set: Partial<repo.NewDossierRow> = { state: check.to };
  let dueAfter: Date | null | undefined;
  switch (command) {
    case 'receive': {
      const d = deadlineAtReceipt(cal, row.submittedAt ?? now, row.timeLimitWorkingDays);
      Object.assign(set, {
        receivedAt: d.receivedAt,
        dueAt: d.dueAt,
        ...(actors.includes('processor') ? { assigneeAccountId: access.actor!.accountId } : {}),
      });
      dueAfter = d.dueAt;
      break;
    }
    case 'start_processing':
      set.assigneeAccountId = access.actor!.accountId;
      break;
    case 'request_supplement':
      set.pausedRemainingMinutes = row.dueAt ? pauseDeadline(cal, row.dueAt, now) : null;
      dueAfter = null;
      break;
    case 'resubmit':
      if (row.pausedRemainingMinutes !== null) {
        set.dueAt = resumeDeadline(cal, now, row.pausedRemainingMinutes);
        set.pausedRemainingMinutes = null;
        dueAfter = set.dueAt;
      }
      break;
    case 'approve':
    case 'refuse':
    case 'refuse_intake':
      set.decidedAt = now;
      if (COMMANDS[command].decides && row.dueAt && now > row.dueAt) set.late = true;
      break;
    case 'confirm_exemption':
    case 'reject_exemption': {
      if (row.feeStatus !== 'exemption_pending' || !row.fee)
        throw errors.stateConflict(`fee:${row.feeStatus}`, command);
      const decided = decideExemption(
        row.fee as unknown as FeeCalculation,
        command === 'confirm_exemption' ? 'confirmed' : 'rejected',
        body.reason ?? body.note ?? 'Đã kiểm tra giấy tờ chứng minh',
      );
      Object.assign(set, { fee: decided, feeAmount: decided.amount });
      if (command === 'confirm_exemption' || decided.amount === 0)
        set.feeStatus = decided.amount === 0 ? 'exempt' : 'unpaid';
      else if (row.channel === 'paper')
        Object.assign(set, { feeStatus: 'cash', state: row.state }); // collected at the counter; the dossier stays with the desk
      else set.feeStatus = 'unpaid';
      if (set.feeStatus === 'exempt' || set.feeStatus === 'cash') set.state = row.state;
      break;
    }
    case 'extend': {
      const newDueAt = new Date(body.newDueAt!);
      if (!row.dueAt || newDueAt <= row.dueAt)
        throw errors.requestInvalid(
          'newDueAt',
          'Thời hạn mới phải sau thời hạn hiện tại',
          'The new due time must be after the current one',
        );
      Object.assign(set, { dueAt: newDueAt, late: true });
      dueAfter = newDueAt;
      break;
    }
    default:
      break;
  }
  let stored: Awaited<ReturnType<typeof storeFiles>> | undefined;
  if (command === 'resubmit')
    stored = await storeFiles(
      deps.files,
      await checkFiles(
        files,
        version.documents.map((d) => d.code),
      ),
    );
  const grant = actors.includes('owner')
    ? { role: 'citizen', unitCode: null }
    : actingGrant(access, actors.includes('processor') ? 'dossiers.process' : 'dossiers.receive');
  try {
    await deps.db.transaction(async (tx) => {
      // Payments first: the IPN locks the payment, then the dossier; the same order here never deadlocks.
      if (command === 'withdraw') await deps.onWithdraw?.(tx, id, now);
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
        toState: (set.state as DossierState | undefined) ?? check.to,
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
      if (stored?.rows.length) {
        const round = (await repo.listTransitions(tx, id)).filter((t) => t.command === 'resubmit').length;
        await repo.insertAttachments(
          tx,
          stored.rows.map((f) => ({
            dossierId: id,
            documentKey: f.documentKey,
            fileName: f.fileName,
            mediaType: f.mediaType,
            size: f.size,
            sha256: f.sha256,
            round,
            uploadedBy: access.actor!.accountId,
          })),
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

/**
 * Submits a saved draft: the same checks as a direct submission (form against the version in
 * force, required documents among the draft's and the new files), then the code, in one transaction.
 */
async function submitDraft(
  deps: DossierDeps,
  access: AccessContext,
  row: repo.DossierRow,
  version: ProcedureVersion,
  actors: ReturnType<typeof dossierActors>,
  body: CommandBody,
  files: IncomingFile[],
): Promise<DossierDetail> {
  const current = await versionInForce(deps, {
    procedureCode: row.procedureCode,
    procedureVersionId: row.procedureVersionId,
  });
  const actor = access.actor!;
  const prefill = actors.includes('owner')
    ? await prefillForm(deps.db, current, {
        personId: actor.personId,
        nationalId: actor.nationalId,
        eIdLevel: actor.acr,
      })
    : undefined;
  if (actors.includes('owner') && (actor.acr ?? 0) < current.requiredEidLevel)
    throw errors.eidLevelForbidden(current.requiredEidLevel);
  const form = validateFull(current, row.form, prefill);
  const now = clock(deps);
  const today = todayInVietnam(now);
  const record = row.applicantPersonId
    ? await getPersonDetail(deps.db, row.applicantPersonId, undefined, undefined, { findings: false }).catch(() => null)
    : null;
  const claim = (row.fee as { claim?: string | null } | null)?.claim ?? null;
  const fee = await feeFor(
    deps,
    current,
    { channel: row.channel as SubmissionBody['channel'], exemptionClaim: claim },
    form,
    { record } as Applicant,
    today,
  );
  const checked = await checkFiles(files, [
    ...current.documents.map((d) => d.code),
    ...(fee?.exemption?.check === 'proof' ? [EXEMPTION_PROOF] : []),
  ]);
  const existing = await repo.listAttachments(deps.db, row.id);
  const keys = new Set([...existing.map((a) => a.documentKey), ...checked.map((f) => f.documentKey)]);
  requiredDocumentsPresent(current, keys, row.applicantPersonId !== null);
  exemptionProofPresent(fee, keys);
  const money = feeState(fee, row.channel as SubmissionBody['channel']);
  const toState: DossierState = money.awaitingPayment ? 'awaiting_payment' : 'submitted';
  const stored = await storeFiles(deps.files, checked);
  const grant = actors.includes('owner') ? { role: 'citizen', unitCode: null } : actingGrant(access, 'dossiers.enter');
  try {
    await deps.db.transaction(async (tx) => {
      const code = formatDossierCode(row.agencyCode, today, await repo.nextCodeSeq(tx, row.agencyCode, today));
      const updated = await repo.updateDossierIf(tx, row.id, 'draft', body.expectedVersion ?? row.version, {
        state: toState,
        code,
        form,
        submittedAt: now,
        fee: fee,
        feeAmount: money.amount,
        feeStatus: money.status,
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
      await repo.insertAttachments(
        tx,
        stored.rows.map((f) => ({
          dossierId: row.id,
          documentKey: f.documentKey,
          fileName: f.fileName,
          mediaType: f.mediaType,
          size: f.size,
          sha256: f.sha256,
          round: 0,
          uploadedBy: actor.accountId,
        })),
      );
    });
  } catch (error) {
    await stored.undo(deps.db);
    throw error;
  }
  await stored.ensure();
  return getDossier(deps, access, row.id);
}

/** Roles that handle only the procedures assigned to them (procedure version `handledByRole`). */
const HANDLING_ROLES = ['commune_police', 'civil_status_officer'];

const QUEUE_STATES: Record<string, readonly DossierState[]> = {
  new: ['submitted'],
  waiting_citizen: ['supplement_requested'],
  due_soon: ['received', 'in_processing'],
  overdue: ['received', 'in_processing'],
  mine: ['received', 'in_processing', 'supplement_requested', 'approved', 'refused', 'result_issued'],
};

/** A staff workqueue of the caller's units. */
export async function listWorkqueue(
  deps: DossierDeps,
  access: AccessContext,
  q: DossierListQuery,
): Promise<{ items: DossierSummary[]; total: number; page: number; pageSize: number }> {
  const scope = access.unitScope('dossiers.read');
  if (q.unitCode && !access.canInUnit('dossiers.read', q.unitCode))
    return { items: [], total: 0, page: q.page, pageSize: q.pageSize };
  const now = clock(deps);
  const cal = await loadWorkingCalendar(deps.db);
  const filter: repo.ListFilter = {
    unitCodes: scope ? [...scope] : null,
    state: q.state,
    procedureCode: q.procedureCode,
    unitCode: q.unitCode,
    codePrefix: q.code,
    excludeDrafts: true,
  };
  // Per role: an officer who only handles some procedures (commune police: residence; civil-status
  // officer: civil status) sees those; the one-stop desk and supervisors see every procedure.
  const roles = access.actor!.grants.map((g) => g.role);
  if (roles.every((r) => HANDLING_ROLES.includes(r))) {
    const handled = (await listProcedures(deps.db, { asOf: todayInVietnam(now) })).items
      .filter((p) => roles.includes(p.handledByRole))
      .map((p) => p.code);
    filter.procedureCodes = handled;
  }
  if (q.queue !== 'all') filter.states = QUEUE_STATES[q.queue];
  if (q.queue === 'mine') filter.assigneeAccountId = access.actor!.accountId;
  if (q.queue === 'overdue') filter.dueBefore = now;
  if (q.queue === 'due_soon') {
    // Due within one working day from now, and not yet overdue.
    filter.dueAfter = now;
    filter.dueBefore = resumeDeadline(cal, now, 450);
  }
  const [rows, total] = await Promise.all([
    repo.listDossiers(deps.db, filter, q.pageSize, (q.page - 1) * q.pageSize, q.queue === 'new' ? 'newest' : 'due'),
    repo.countDossiers(deps.db, filter),
  ]);
  const ctx = await presentContext(deps, access, rows, cal);
  return { items: rows.map((r) => presentSummary(r, ctx)), total, page: q.page, pageSize: q.pageSize };
}

/** The signed-in citizen's dossiers, newest first. */
export async function listMine(deps: DossierDeps, access: AccessContext, page: number, pageSize: number) {
  const filter: repo.ListFilter = { unitCodes: null, ownerAccountId: access.actor!.accountId };
  const [rows, total] = await Promise.all([
    repo.listDossiers(deps.db, filter, pageSize, (page - 1) * pageSize, 'newest'),
    repo.countDossiers(deps.db, filter),
  ]);
  const ctx = await presentContext(deps, access, rows);
  return { items: rows.map((r) => presentSummary(r, ctx)), total, page, pageSize };
}

/** Staff: dossiers of one person (by ID number, in the body), in the caller's units. */
/**
 * The dossiers of a person the officer may see, newest first (at most 100): by ID number (the
 * registry's person; the search is logged under that person), or by the applicant's name as
 * printed on the dossier, typed with or without tone marks, words in order.
 */
export async function searchDossiers(
  deps: DossierDeps,
  access: AccessContext,
  query: { nationalId?: string; name?: string },
) {
  if (query.nationalId) return searchByPerson(deps, access, query.nationalId);
  const folded = foldName(query.name ?? '');
  if (folded.replace(/ /g, '').length < 2)
    throw errors.requestInvalid('name', 'Nhập ít nhất 2 chữ cái của họ tên', 'Type at least 2 letters of the name');
  const scope = access.unitScope('dossiers.read');
  const rows = await repo.listDossiers(
    deps.db,
    { unitCodes: scope ? [...scope] : null, applicantNameFolded: folded, excludeDrafts: true },
    100,
    0,
    'newest',
  );
  const ctx = await presentContext(deps, access, rows);
  return { items: rows.map((r) => presentSummary(r, ctx)), total: rows.length, page: 1, pageSize: 100 };
}

async function searchByPerson(deps: DossierDeps, access: AccessContext, nationalId: string) {
  const personId = await findPersonIdByNationalId(deps.db, nationalId);
  if (!personId) return { items: [], total: 0, page: 1, pageSize: 100 };
  const scope = access.unitScope('dossiers.read');
  const filter: repo.ListFilter = {
    unitCodes: scope ? [...scope] : null,
    applicantPersonId: personId,
    excludeDrafts: true,
  };
  const rows = await repo.listDossiers(deps.db, filter, 100, 0, 'newest');
  if (rows.length && deps.config.AUDIT_PSEUDONYM_KEY) {
    const grant = actingGrant(access, 'dossiers.read');
    await recordAccess(
      deps.db,
      [
        {
          actorAccountId: access.actor!.accountId,
          actorRole: grant.role,
          actorUnit: grant.unitCode,
          action: 'dossier.search',
          subject: subjectFor(deps.config.AUDIT_PSEUDONYM_KEY, { nationalId }),
          purpose: 'dossier_processing',
          requestId: access.requestId,
          details: { count: rows.length },
        },
      ],
      { standaloneRead: true },
    );
  }
  const ctx = await presentContext(deps, access, rows);
  return { items: rows.map((r) => presentSummary(r, ctx)), total: rows.length, page: 1, pageSize: 100 };
}

/** The applicant's registry record for an officer handling the dossier (purpose: dossier processing, logged). */
export async function getApplicant(deps: DossierDeps, access: AccessContext, id: string) {
  const row = await loadVisible(deps, access, id);
  if (access.actor?.kind === 'citizen' || !row.applicantPersonId) throw errors.dossierNotFound();
  const grant = actingGrant(access, 'dossiers.read');
  return getPersonDetail(deps.db, row.applicantPersonId, undefined, {
    reader: {
      accountId: access.actor!.accountId,
      role: grant.role,
      unitCode: grant.unitCode,
      requestId: access.requestId,
      pseudonymKey: deps.config.AUDIT_PSEUDONYM_KEY,
    },
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

/**
 * Public status lookup (the QR on the receipt): code + the applicant's ID number must both match;
 * any mismatch answers the same 404, and nothing personal is returned.
 */
export async function lookupStatus(deps: DossierDeps, code: string, nationalId: string): Promise<StatusLookupResult> {
  const row = await repo.findDossierByCode(deps.db, code.trim());
  const personId = row?.applicantPersonId ? await findPersonIdByNationalId(deps.db, nationalId) : undefined;
  if (!row || !personId || personId !== row.applicantPersonId || row.state === 'draft') throw errors.dossierNotFound();
  const version = await versionById(deps.db, row.procedureVersionId);
  const cal = await loadWorkingCalendar(deps.db);
  const transitions = await repo.listTransitions(deps.db, row.id);
  const summary = presentSummary(row, {
    cal,
    now: clock(deps),
    viewerAccountId: null,
    procedure: () => version,
    unitName: () => null,
  });
  const unitName = await getUnit(deps.db, row.unitCode, todayInVietnam(clock(deps))).then(
    (u) => u.fullName,
    () => null,
  );
  return {
    code: row.code!,
    procedureNameVi: version.nameVi,
    procedureNameEn: version.nameEn,
    state: summary.state,
    unitName,
    receivedAt: summary.receivedAt,
    dueAt: summary.dueAt,
    flag: summary.flag,
    timeline: transitions
      .filter((t) => t.fromState !== t.toState)
      .map((t) => ({ at: t.at.toISOString(), toState: t.toState as DossierState })),
  };
}

/** The row and its procedure, for slips (routes render them with the slips module): staff of the unit or the dossier's owner. */
export async function loadForSlip(deps: DossierDeps, access: AccessContext, id: string) {
  const row = await loadVisible(deps, access, id); // staff of the unit, or the citizen who filed it (their own receipt)
  const [version, transitions, attachments] = await Promise.all([
    versionById(deps.db, row.procedureVersionId),
    repo.listTransitions(deps.db, id),
    repo.listAttachments(deps.db, id),
  ]);
  const unitName = await getUnit(deps.db, row.unitCode, todayInVietnam(clock(deps))).then(
    (u) => u.fullName,
    () => row.unitCode,
  );
  return { row, version, transitions, attachments, unitName };
}

/**
 * The filings made on counter devices on one day (Vietnam), for the counter log: the officer who
 * guided a citizen records the visit with the dossier's code (plan target 1). Read by the units of
 * the counters: the reader's units where they may read dossiers, or the one asked for there.
 */
export async function listAssistedFilings(
  deps: DossierDeps,
  access: AccessContext,
  query: AssistedFilingsQuery,
): Promise<AssistedFilings> {
  if (query.unitCode && !access.canInUnit('dossiers.read', query.unitCode)) throw errors.unitForbidden(query.unitCode);
  const scope = access.unitScope('dossiers.read');
  const day = query.date ?? todayInVietnam(clock(deps));
  const from = new Date(`${day}T00:00:00+07:00`);
  const to = new Date(from.getTime() + 24 * 3_600_000);
  const rows = await repo.listAssistedFilings(deps.db, {
    counterUnits: query.unitCode ? [query.unitCode] : scope ? [...scope] : null,
    from,
    to,
  });
  const ctx = await presentContext(deps, access, rows);
  return {
    items: rows.map((r) => {
      const version = ctx.procedure(r.procedureVersionId);
      return {
        id: r.id,
        code: r.code,
        procedureCode: r.procedureCode,
        procedureNameVi: version.nameVi,
        procedureNameEn: version.nameEn,
        applicantName: r.applicantName,
        submittedAt: r.submittedAt!.toISOString(),
        unitCode: r.assistedBy!.unitCode,
        counterLabel: r.assistedBy!.counterLabel,
        officerName: r.assistedBy!.officerName,
      };
    }),
  };
}
