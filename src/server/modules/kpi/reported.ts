import { and, asc, eq, inArray } from 'drizzle-orm';
import { fileTypeFromBuffer } from 'file-type';
import type { Db } from '../../platform/db';
import type { FileStore } from '../../platform/files';
import { AppError } from '../../platform/errors';
import { todayInVietnam } from '../../../contracts/common';
import type { ReportedDecisionBody, ReportedValue, ReportedValueBody } from '../../../contracts/kpi';
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

type Row = typeof reportedValues.$inferSelect;

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

async function present(db: Db, row: Row, today: string): Promise<ReportedValue> {
  const events = await db
    .select()
    .from(reportedValueEvents)
    .where(eq(reportedValueEvents.reportedValueId, row.id))
    .orderBy(asc(reportedValueEvents.id));
  const dueOn = dayAfter(parsePeriod(row.period).to, REPORT_WINDOW_DAYS);
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
    overdue: (row.state === 'draft' || row.state === 'returned') && today > dueOn,
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

/** Submits, approves or returns a value (compare-and-set on its version). */
export async function decideReported(
  db: Db,
  access: AccessContext,
  id: string,
  step: 'submit' | 'approve' | 'return',
  body: ReportedDecisionBody,
  today = todayInVietnam(),
): Promise<ReportedValue> {
  const before = await load(db, id);
  const role = roleIn(access, step === 'submit' ? KPI_ACTIONS.submit : KPI_ACTIONS.approve, before.unitCode);
  const by = access.actor!.accountId;
  return db.transaction(async (tx) => {
    const current = await load(tx, id, true);
    if (body.version !== current.version) throw stale();
    let set: Partial<Row>;
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
      set = { state: 'submitted', submittedBy: by, submittedAt: new Date(), comment: null };
    } else {
      if (current.state !== 'submitted')
        throw wrongState(
          current.state,
          'Chỉ duyệt hoặc trả lại số liệu đã gửi',
          'Only a submitted value is approved or returned',
        );
      const [own] = await tx
        .select({ id: reportedValueEvents.id })
        .from(reportedValueEvents)
        .where(
          and(
            eq(reportedValueEvents.reportedValueId, id),
            eq(reportedValueEvents.byAccount, by),
            inArray(reportedValueEvents.event, ['entered', 'changed', 'evidence', 'submitted']),
          ),
        )
        .limit(1);
      if (current.submittedBy === by || own)
        throw fail(
          'KPI.SELF_APPROVAL_FORBIDDEN',
          null,
          'Người đã nhập, sửa hoặc gửi số liệu không tự duyệt số liệu đó',
          'Whoever entered, changed or submitted a value does not approve it',
        );
      if (step === 'return' && !body.comment)
        throw fail('KPI.REPORTED_INVALID', 'comment', 'Hãy ghi lý do trả lại', 'Say why the value is returned');
      set = {
        state: step === 'approve' ? 'approved' : 'returned',
        decidedBy: by,
        decidedAt: new Date(),
        comment: body.comment ?? null,
      };
    }
    const [row] = await tx
      .update(reportedValues)
      .set({ ...set, version: current.version + 1 })
      .where(eq(reportedValues.id, id))
      .returning();
    const name = ({ submit: 'submitted', approve: 'approved', return: 'returned' } as const)[step];
    await event(tx, row!, { event: name, by, role, comment: body.comment ?? null });
    return present(tx, row!, today);
  });
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
  const readable = rows.filter(
    (r) =>
      access.canInUnit(KPI_ACTIONS.read, r.unitCode) ||
      access.canInUnit(KPI_ACTIONS.submit, r.unitCode) ||
      access.canInUnit(KPI_ACTIONS.approve, r.unitCode),
  );
  return Promise.all(readable.map((r) => present(db, r, today)));
}

/** The evidence file of a value the reader may see. */
export async function evidenceOf(
  db: Db,
  store: FileStore,
  access: AccessContext,
  id: string,
): Promise<{ bytes: Buffer; fileName: string; mediaType: string }> {
  const row = await load(db, id);
  const may =
    access.canInUnit(KPI_ACTIONS.read, row.unitCode) ||
    access.canInUnit(KPI_ACTIONS.submit, row.unitCode) ||
    access.canInUnit(KPI_ACTIONS.approve, row.unitCode);
  if (!may || !row.evidenceSha256) throw notFound();
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
