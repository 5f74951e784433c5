import { and, asc, eq, inArray } from 'drizzle-orm';
import { fileTypeFromBuffer } from 'file-type';
import type { Db } from '../../platform/db';
import type { FileStore } from '../../platform/files';
import { AppError } from '../../platform/errors';
import { todayInVietnam } from '../../../contracts/common';
import type { ReportedDecisionBody, ReportedState, ReportedValue, ReportedValueBody } from '../../../contracts/kpi';
import type { AccessContext, Action } from '../identity';
import { getUnit } from '../units';
import { percent } from './compare';
import { grantIn, KPI_ACTIONS } from './kpi.policy';
import * as repo from './kpi.repository';
import { reportedValueEvents, reportedValues } from './kpi.schema';
import { asOfFor, parsePeriod } from './periods';

/*
 * Reported indicators (issue 15 §3), as DHIS2's data approval: a unit enters its value for a period
 * (draft), attaches the evidence and submits it; the Standing Agency approves it — then it is locked
 * (a trigger) and the next run counts it — or returns it with a comment, and the unit corrects and
 * submits again. The one who submitted a value never approves it. Every step is an event row.
 */

/** Days after a period's end by which its values are due (then flagged overdue until submitted). */
export const REPORT_WINDOW_DAYS = 10;
/** Evidence files: a scan or a document, read from its bytes. */
const EVIDENCE_TYPES = [
  'application/pdf',
  'image/jpeg',
  'image/png',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
];
export const EVIDENCE_MAX_BYTES = 10 * 1024 * 1024;

export type Row = typeof reportedValues.$inferSelect;

const fail = (code: string, field: string | null, vi: string, en: string) =>
  new AppError(code, vi, en, field ? [{ field, code, messageVi: vi, messageEn: en }] : undefined);

const notFound = () => fail('KPI.REPORTED_NOT_FOUND', null, 'Không có số liệu báo cáo này', 'No such reported value');
const stale = () =>
  fail(
    'KPI.REPORTED_CONFLICT',
    'version',
    'Số liệu vừa được người khác thay đổi; tải lại rồi làm lại',
    'The value was changed meanwhile; reload and try again',
  );
const wrongState = (state: string, vi: string, en: string) =>
  fail('KPI.REPORTED_CONFLICT', 'state', `${vi} (trạng thái hiện tại: ${state})`, `${en} (current state: ${state})`);

function dayAfter(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The grant's role that allows `action` in the unit, or a 403 naming the unit. */
function roleIn(access: AccessContext, action: Action, unitCode: string): string {
  if (!access.canInUnit(action, unitCode))
    throw fail(
      'KPI.REPORTED_FORBIDDEN',
      'unitCode',
      `Bạn không được giao việc này ở đơn vị ${unitCode}`,
      `You are not granted this in unit ${unitCode}`,
    );
  return grantIn(access, action, unitCode)!.role;
}

type EventRow = typeof reportedValueEvents.$inferSelect;

/** The day a period's values are due: its last day + the reporting window. */
export function dueOnOf(period: string): string {
  return dayAfter(parsePeriod(period).to, REPORT_WINDOW_DAYS);
}

/** Not submitted (not entered, a draft or returned) after the due day. */
export function isOverdue(state: ReportedState | 'not_entered', dueOn: string, today: string): boolean {
  return (state === 'not_entered' || state === 'draft' || state === 'returned') && today > dueOn;
}

/** The history of each value (one query), oldest step first. */
export async function eventsOf(db: Db, ids: readonly string[]): Promise<Map<string, EventRow[]>> {
  const out = new Map<string, EventRow[]>();
  if (ids.length === 0) return out;
  const rows = await db
    .select()
    .from(reportedValueEvents)
    .where(inArray(reportedValueEvents.reportedValueId, [...ids]))
    .orderBy(asc(reportedValueEvents.id));
  for (const e of rows) out.set(e.reportedValueId, [...(out.get(e.reportedValueId) ?? []), e]);
  return out;
}

const SELF_EVENTS: ReadonlyArray<EventRow['event']> = ['entered', 'changed', 'evidence', 'submitted'];

/** Whether `accountId` entered, changed, attached the evidence of or submitted the value: then it never approves it. */
export function tookPartIn(row: Row, events: readonly EventRow[], accountId: string): boolean {
  return (
    row.submittedBy === accountId || events.some((e) => e.byAccount === accountId && SELF_EVENTS.includes(e.event))
  );
}

/** A value as the API shows it, with its history (`events`: the value's, oldest first). */
export function presentValue(row: Row, events: readonly EventRow[], today: string): ReportedValue {
  const dueOn = dueOnOf(row.period);
  return {
    id: row.id,
    indicatorCode: row.indicatorCode,
    period: row.period,
    unitCode: row.unitCode,
    numerator: row.numerator,
    denominator: row.denominator,
    value: percent(row.numerator, row.denominator),
    note: row.note,
    state: row.state,
    evidence: row.evidenceSha256
      ? {
          fileName: row.evidenceName!,
          mediaType: row.evidenceType!,
          size: row.evidenceSize!,
          sha256: row.evidenceSha256,
        }
      : null,
    submittedAt: row.submittedAt?.toISOString() ?? null,
    decidedAt: row.decidedAt?.toISOString() ?? null,
    comment: row.comment,
    dueOn,
    overdue: isOverdue(row.state, dueOn, today),
    version: row.version,
    history: events.map((e) => ({
      event: e.event,
      toState: e.toState,
      at: e.at.toISOString(),
      byRole: e.byRole,
      numerator: e.numerator,
      denominator: e.denominator,
      comment: e.comment,
    })),
  };
}

async function present(db: Db, row: Row, today: string): Promise<ReportedValue> {
  return presentValue(row, (await eventsOf(db, [row.id])).get(row.id) ?? [], today);
}

async function event(
  tx: Db,
  row: Row,
  e: {
    event: (typeof reportedValueEvents.$inferInsert)['event'];
    by: string | null;
    role: string;
    comment?: string | null;
  },
) {
  await tx.insert(reportedValueEvents).values({
    reportedValueId: row.id,
    event: e.event,
    toState: row.state,
    byAccount: e.by,
    byRole: e.role,
    numerator: row.numerator,
    denominator: row.denominator,
    comment: e.comment ?? null,
  });
}

/** Enters or changes a unit's value (a draft, or a returned one); the value. */
export async function enterReported(
  db: Db,
  access: AccessContext,
  body: ReportedValueBody,
  today = todayInVietnam(),
): Promise<{ value: ReportedValue; created: boolean }> {
  const role = roleIn(access, KPI_ACTIONS.submit, body.unitCode);
  const period = parsePeriod(body.period);
  const asOf = asOfFor(period, today); // a future period is refused
  const indicator = (await repo.indicatorsInForce(db, asOf)).find((i) => i.code === body.indicator);
  if (!indicator || indicator.method !== 'reported')
    throw fail(
      'KPI.REPORTED_INVALID',
      'indicator',
      `${body.indicator} không phải chỉ tiêu do đơn vị báo cáo trong kỳ ${period.code}`,
      `${body.indicator} is not an indicator units report for ${period.code}`,
    );
  if (indicator.periodType !== period.type)
    throw fail(
      'KPI.REPORTED_INVALID',
      'period',
      `Chỉ tiêu ${indicator.code} báo cáo theo ${{ month: 'tháng', quarter: 'quý', year: 'năm' }[indicator.periodType]}`,
      `Indicator ${indicator.code} is reported by ${indicator.periodType}`,
    );
  const unit = await getUnit(db, body.unitCode, today).catch(() => null);
  if (!unit || !indicator.unitLevels.includes(unit.level))
    throw fail(
      'KPI.REPORTED_INVALID',
      'unitCode',
      `Chỉ tiêu ${indicator.code} không báo cáo ở cấp của đơn vị ${body.unitCode}`,
      `Indicator ${indicator.code} is not reported at the level of unit ${body.unitCode}`,
    );
  const by = access.actor!.accountId;
  return db.transaction(async (tx) => {
    const [current] = await tx
      .select()
      .from(reportedValues)
      .where(
        and(
          eq(reportedValues.indicatorCode, body.indicator),
          eq(reportedValues.period, period.code),
          eq(reportedValues.unitCode, body.unitCode),
        ),
      )
      .for('update');
    if (!current) {
      const [row] = await tx
        .insert(reportedValues)
        .values({
          indicatorCode: body.indicator,
          period: period.code,
          unitCode: body.unitCode,
          numerator: body.numerator,
          denominator: body.denominator,
          note: body.note ?? null,
          state: 'draft',
          enteredBy: by,
        })
        .onConflictDoNothing()
        .returning();
      if (!row) throw stale(); // entered by someone else at the same moment
      await event(tx, row, { event: 'entered', by, role });
      return { value: await present(tx, row, today), created: true };
    }
    if (current.state !== 'draft' && current.state !== 'returned')
      throw wrongState(
        current.state,
        'Số liệu đã gửi hoặc đã duyệt không sửa được',
        'A submitted or approved value cannot be changed',
      );
    if (body.version !== current.version) throw stale();
    const [row] = await tx
      .update(reportedValues)
      .set({
        numerator: body.numerator,
        denominator: body.denominator,
        note: body.note ?? null,
        state: 'draft',
        version: current.version + 1,
      })
      .where(and(eq(reportedValues.id, current.id), eq(reportedValues.version, current.version)))
      .returning();
    await event(tx, row!, { event: 'changed', by, role });
    return { value: await present(tx, row!, today), created: false };
  });
}

/** A value by id, or 404 (also when outside the reader's units: ids are not probed). */
async function load(db: Db, id: string, forUpdate = false): Promise<Row> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) throw notFound();
  const q = db.select().from(reportedValues).where(eq(reportedValues.id, id));
  const [row] = forUpdate ? await q.for('update') : await q;
  if (!row) throw notFound();
  return row;
}

/** Attaches (or replaces) the evidence of a draft or returned value: PDF, JPEG, PNG, XLSX or DOCX by their bytes. */
export async function attachEvidence(
  db: Db,
  store: FileStore,
  access: AccessContext,
  id: string,
  file: { bytes: Buffer; fileName: string },
  today = todayInVietnam(),
): Promise<ReportedValue> {
  const before = await load(db, id);
  const role = roleIn(access, KPI_ACTIONS.submit, before.unitCode);
  if (file.bytes.length === 0 || file.bytes.length > EVIDENCE_MAX_BYTES)
    throw fail(
      'KPI.REPORTED_INVALID',
      'file',
      'Tệp minh chứng rỗng hoặc lớn hơn 10 MB',
      'The evidence is empty or larger than 10 MB',
    );
  const type = (await fileTypeFromBuffer(file.bytes))?.mime;
  if (!type || !EVIDENCE_TYPES.includes(type))
    throw fail(
      'KPI.REPORTED_INVALID',
      'file',
      'Minh chứng phải là PDF, ảnh JPEG/PNG, Excel (.xlsx) hoặc Word (.docx)',
      'The evidence must be a PDF, a JPEG/PNG image, an Excel (.xlsx) or a Word (.docx) file',
    );
  const stored = await store.put(file.bytes);
  return db.transaction(async (tx) => {
    const current = await load(tx, id, true);
    if (current.state !== 'draft' && current.state !== 'returned')
      throw wrongState(current.state, 'Chỉ thêm minh chứng khi chưa gửi', 'Evidence is attached before submitting');
    const [row] = await tx
      .update(reportedValues)
      .set({
        evidenceSha256: stored.sha256,
        evidenceName: file.fileName.slice(0, 200) || 'minh-chung',
        evidenceType: type,
        evidenceSize: stored.size,
        version: current.version + 1,
      })
      .where(eq(reportedValues.id, id))
      .returning();
    await event(tx, row!, { event: 'evidence', by: access.actor!.accountId, role });
    return present(tx, row!, today);
  });
}

/** The steps after entering: the unit submits; the Standing Agency approves, returns or un-approves. */
export type ReportedStep = 'submit' | 'approve' | 'return' | 'unapprove';

/** The state a step moves a value to, and the history's name of the step. */
const STEPS = {
  submit: { to: 'submitted', event: 'submitted' },
  approve: { to: 'approved', event: 'approved' },
  return: { to: 'returned', event: 'returned' },
  // Reopened for the unit to correct (or submit again as it is): see the module's README.
  unapprove: { to: 'returned', event: 'unapproved' },
} as const satisfies Record<ReportedStep, { to: ReportedState; event: EventRow['event'] }>;

const commentRequired = (vi: string, en: string) => fail('KPI.REPORTED_INVALID', 'comment', vi, en);

/**
 * Submits, approves, returns or un-approves a value (compare-and-set on its version). Un-approving
 * (as DHIS2's "unapprove") reopens an approved value with a comment: back to `returned`, its
 * figures, evidence and submission kept; the lock trigger allows an approved row that one change
 * only. A run already made keeps its snapshot; the next one no longer counts the value.
 */
export async function decideReported(
  db: Db,
  access: AccessContext,
  id: string,
  step: ReportedStep,
  body: ReportedDecisionBody,
  today = todayInVietnam(),
): Promise<ReportedValue> {
  const before = await load(db, id);
  const role = roleIn(access, step === 'submit' ? KPI_ACTIONS.submit : KPI_ACTIONS.approve, before.unitCode);
  const by = access.actor!.accountId;
  return db.transaction(async (tx) => {
    const current = await load(tx, id, true);
    if (body.version !== current.version) throw stale();
    const set = await stepChanges(tx, current, step, body, by);
    const [row] = await tx
      .update(reportedValues)
      .set({ ...set, state: STEPS[step].to, version: current.version + 1 })
      .where(eq(reportedValues.id, id))
      .returning();
    await event(tx, row!, { event: STEPS[step].event, by, role, comment: body.comment ?? null });
    return present(tx, row!, today);
  });
}

/** What a step changes besides the state and version, once its conditions hold (else the error). */
async function stepChanges(
  tx: Db,
  current: Row,
  step: ReportedStep,
  body: ReportedDecisionBody,
  by: string,
): Promise<Partial<Row>> {
  if (step === 'submit') {
    if (current.state !== 'draft' && current.state !== 'returned')
      throw wrongState(
        current.state,
        'Chỉ gửi số liệu đang soạn hoặc bị trả lại',
        'Only a draft or returned value is submitted',
      );
    if (!current.evidenceSha256)
      throw fail(
        'KPI.REPORTED_INVALID',
        'evidence',
        'Hãy đính kèm minh chứng trước khi gửi',
        'Attach the evidence before submitting',
      );
    return { submittedBy: by, submittedAt: new Date(), comment: null };
  }
  if (step === 'unapprove') {
    if (current.state !== 'approved')
      throw wrongState(current.state, 'Chỉ bỏ duyệt số liệu đã duyệt', 'Only an approved value is un-approved');
    if (!body.comment) throw commentRequired('Hãy ghi lý do bỏ duyệt', 'Say why the approval is withdrawn');
    // Only these change: the trigger refuses any other change of an approved row.
    return { decidedBy: by, decidedAt: new Date(), comment: body.comment };
  }
  if (current.state !== 'submitted')
    throw wrongState(
      current.state,
      'Chỉ duyệt hoặc trả lại số liệu đã gửi',
      'Only a submitted value is approved or returned',
    );
  const events = (await eventsOf(tx, [current.id])).get(current.id) ?? [];
  if (tookPartIn(current, events, by))
    throw fail(
      'KPI.SELF_APPROVAL_FORBIDDEN',
      null,
      'Người đã nhập, sửa hoặc gửi số liệu không tự duyệt số liệu đó',
      'Whoever entered, changed or submitted a value does not approve it',
    );
  if (step === 'return' && !body.comment)
    throw commentRequired('Hãy ghi lý do trả lại', 'Say why the value is returned');
  return { decidedBy: by, decidedAt: new Date(), comment: body.comment ?? null };
}

/** The values of a period in the reader's units (entering or reading them), by indicator then unit. */
export async function listReported(
  db: Db,
  access: AccessContext,
  query: { period: string; unitCode?: string },
  today = todayInVietnam(),
): Promise<ReportedValue[]> {
  const period = parsePeriod(query.period);
  const rows = await db
    .select()
    .from(reportedValues)
    .where(
      query.unitCode
        ? and(eq(reportedValues.period, period.code), eq(reportedValues.unitCode, query.unitCode))
        : eq(reportedValues.period, period.code),
    )
    .orderBy(asc(reportedValues.indicatorCode), asc(reportedValues.unitCode));
  const readable = rows.filter((r) => mayRead(access, r.unitCode));
  const events = await eventsOf(
    db,
    readable.map((r) => r.id),
  );
  return readable.map((r) => presentValue(r, events.get(r.id) ?? [], today));
}

/** Whether the session may see a unit's reported values: it reads, enters or approves them there. */
export function mayRead(access: AccessContext, unitCode: string): boolean {
  return (
    access.canInUnit(KPI_ACTIONS.read, unitCode) ||
    access.canInUnit(KPI_ACTIONS.submit, unitCode) ||
    access.canInUnit(KPI_ACTIONS.approve, unitCode)
  );
}

/** The evidence file of a value the reader may see. */
export async function evidenceOf(
  db: Db,
  store: FileStore,
  access: AccessContext,
  id: string,
): Promise<{ bytes: Buffer; fileName: string; mediaType: string }> {
  const row = await load(db, id);
  if (!mayRead(access, row.unitCode) || !row.evidenceSha256) throw notFound();
  return { bytes: await store.read(row.evidenceSha256), fileName: row.evidenceName!, mediaType: row.evidenceType! };
}

/** Approved values of a period, per indicator code and unit (what a run counts). */
export async function approvedValues(
  db: Db,
  period: string,
  codes: readonly string[],
): Promise<Map<string, Map<string, { numerator: number; denominator: number }>>> {
  const out = new Map<string, Map<string, { numerator: number; denominator: number }>>();
  if (codes.length === 0) return out;
  const rows = await db
    .select({
      code: reportedValues.indicatorCode,
      unitCode: reportedValues.unitCode,
      numerator: reportedValues.numerator,
      denominator: reportedValues.denominator,
    })
    .from(reportedValues)
    .where(
      and(
        eq(reportedValues.period, period),
        eq(reportedValues.state, 'approved'),
        inArray(reportedValues.indicatorCode, [...codes]),
      ),
    );
  for (const r of rows) {
    const byUnit = out.get(r.code) ?? new Map<string, { numerator: number; denominator: number }>();
    byUnit.set(r.unitCode, { numerator: r.numerator, denominator: r.denominator });
    out.set(r.code, byUnit);
  }
  return out;
}
