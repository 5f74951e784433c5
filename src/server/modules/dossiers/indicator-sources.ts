import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Db } from '../../platform/db';
import type {
  IndicatorSource,
  IndicatorSourceQuery,
  ListPage,
  ListQuery,
  SourceCount,
} from '../../platform/indicator-sources';
import { getProcedureVersionById, listProcedures, prefillStats } from '../procedures';
import { DECIDED, list } from './dossier-figures';

/*
 * What dossiers count for the plan's target 4 and the service index's timeliness (kpi's sources,
 * issue 15 §1). "Online" is a filing the citizen made under their own e-ID: from home (`online`) or
 * on a counter device with an officer guiding (`assisted`) — both are the portal; `paper` is not.
 * Flows are counted over the period up to its as-of day (Vietnam time), per receiving commune.
 */

/** Thông báo lưu trú (stay notification): the plan's 100 % online procedure. */
const STAY_NOTIFICATION = '2.001159';

/** [from 00:00, asOf + 1 day 00:00) in Vietnam time, as timestamps. */
const bounds = (q: IndicatorSourceQuery) => ({
  from: `${q.period.from}T00:00:00+07:00`,
  to: new Date(Date.parse(`${q.asOf}T00:00:00+07:00`) + 86_400_000).toISOString(),
});

/** `column` (a procedure code) is one of `codes`; null: any procedure. */
const ofProcedures = (column: SQL, codes: readonly string[] | null): SQL =>
  codes === null ? sql`true` : sql`${column} in (${list(codes)})`;

/**
 * Which dossiers a "received" figure counts, and by which time: `submitted` — every dossier filed in
 * the period (not drafts), as the plan's target 4 counts filings; `received` — the dossiers the agency
 * received (tiếp nhận) in the period, by `received_at`, as Bộ chỉ số 766 counts (not one waiting for
 * reception or its fee, refused at intake or withdrawn before reception; ADR 0033 decision 6).
 */
type Basis = 'submitted' | 'received';
const basisOf = (basis: Basis, d = sql``): { time: SQL; where: SQL } =>
  basis === 'received'
    ? { time: sql`${d}received_at`, where: sql`${d}received_at is not null` }
    : { time: sql`${d}submitted_at`, where: sql`${d}state <> 'draft'` };

/** Dossiers of `codes` (null: all) filed (or received) in the period, per commune, and how many of them online. */
async function receivedOnline(
  db: Db,
  q: IndicatorSourceQuery,
  codes: readonly string[] | null,
  basis: Basis = 'submitted',
): Promise<SourceCount[]> {
  if (codes?.length === 0) return [];
  const { from, to } = bounds(q);
  const b = basisOf(basis);
  const rows = await queryRows<{ unit_code: string; online: string | number; total: string | number }>(
    db,
    sql`select unit_code, count(*) filter (where channel in ('online', 'assisted')) as online, count(*) as total
        from dossiers.dossiers
        where ${b.where} and ${ofProcedures(sql`procedure_code`, codes)}
          and ${b.time} >= ${from}::timestamptz and ${b.time} < ${to}::timestamptz
        group by unit_code`,
  );
  return rows.map((r) => ({ unitCode: r.unit_code, numerator: Number(r.online), denominator: Number(r.total) }));
}

const ONLINE = sql`channel in ('online', 'assisted')`;

/**
 * The dossiers behind a commune's figure: those filed online (side "counted") or on paper
 * ("missing"), newest first — codes, procedures and times, no applicant data.
 */
async function receivedPage(
  db: Db,
  q: ListQuery,
  codes: readonly string[] | null,
  basis: Basis = 'submitted',
): Promise<ListPage> {
  if (codes?.length === 0) return { columns: pageColumns('submitted'), items: [], total: 0 };
  const { from, to } = bounds(q);
  const b = basisOf(basis, sql`d.`);
  return dossierPage(db, q, 'submitted', {
    from: sql`dossiers.dossiers d`,
    where: sql`${b.where} and d.unit_code = ${q.unitCode} and ${ofProcedures(sql`d.procedure_code`, codes)}
      and ${b.time} >= ${from}::timestamptz and ${b.time} < ${to}::timestamptz
      and ${q.side === 'counted' ? ONLINE : sql`not ${ONLINE}`}`,
  });
}

/** The columns of a page of dossiers behind a figure: codes, procedure, the time that counts, channel, state. */
function pageColumns(time: 'submitted' | 'decided') {
  return [
    { key: 'code', labelVi: 'Mã hồ sơ', labelEn: 'Dossier code' },
    { key: 'procedureCode', labelVi: 'Mã thủ tục', labelEn: 'Procedure code' },
    time === 'submitted'
      ? { key: 'submittedAt', labelVi: 'Thời điểm nộp', labelEn: 'Submitted at' }
      : { key: 'decidedAt', labelVi: 'Thời điểm quyết định', labelEn: 'Decided at' },
    { key: 'channel', labelVi: 'Kênh nộp', labelEn: 'Channel' },
    { key: 'state', labelVi: 'Trạng thái', labelEn: 'State' },
  ];
}

/**
 * One page of the dossiers `d` of `from` matching `where`, newest first by the time that counts
 * (submitted or decided), with their total — codes, procedures and times, no applicant data.
 */
async function dossierPage(
  db: Db,
  q: ListQuery,
  time: 'submitted' | 'decided',
  query: { from: SQL; where: SQL },
): Promise<ListPage> {
  const at = time === 'submitted' ? sql`d.submitted_at` : sql`d.decided_at`;
  // In turn: a kpi run reads in a transaction, one connection (pg 9 refuses concurrent queries on a client).
  const rows = await queryRows<{
    code: string | null;
    procedure_code: string;
    at: string;
    channel: string;
    state: string;
  }>(
    db,
    sql`select d.code, d.procedure_code, to_char(${at} at time zone 'Asia/Ho_Chi_Minh', 'YYYY-MM-DD HH24:MI') as at,
            d.channel, d.state
          from ${query.from} where ${query.where} order by ${at} desc, d.id limit ${q.limit} offset ${q.offset}`,
  );
  const total = await queryRows<{ n: string | number }>(
    db,
    sql`select count(*) as n from ${query.from} where ${query.where}`,
  );
  return {
    columns: pageColumns(time),
    total: Number(total[0]?.n ?? 0),
    items: rows.map((r) => ({
      code: r.code,
      procedureCode: r.procedure_code,
      [time === 'submitted' ? 'submittedAt' : 'decidedAt']: r.at,
      channel: r.channel,
      state: r.state,
    })),
  };
}

/**
 * The residence procedures (the stay notification apart) in force on the as-of day or today: a
 * procedure's code outlives its versions, and a period before today's catalog versions still has
 * the dossiers filed under those codes.
 */
async function residenceCodes(db: Db, asOf: string): Promise<string[]> {
  const then = await listProcedures(db, { field: 'residence', asOf }); // in turn: `db` may be a transaction
  const now = await listProcedures(db, { field: 'residence' });
  const codes = new Set([...then.items, ...now.items].map((p) => p.code));
  codes.delete(STAY_NOTIFICATION);
  return [...codes];
}

/** A procedure version's documents the registry can replace; versions never change, so each is read once. */
const replaceable = new Map<string, Promise<string[]>>();
function replaceableCodes(db: Db, versionId: string): Promise<string[]> {
  let codes = replaceable.get(versionId);
  if (!codes) {
    codes = getProcedureVersionById(db, versionId).then((v) =>
      v.documents.filter((d) => d.replaceableByRegistry).map((d) => d.code),
    );
    codes.catch(() => replaceable.delete(versionId));
    replaceable.set(versionId, codes);
  }
  return codes;
}

/**
 * Target 5 (registry data instead of paper): the dossiers decided in the period whose procedure
 * version lists documents the registry can replace (`replaceableByRegistry`), as a SQL table of
 * (version id, those document codes) — only such versions; none: null.
 */
async function replaceableDocuments(db: Db, q: IndicatorSourceQuery, unitCode?: string): Promise<SQL | null> {
  const { from, to } = bounds(q);
  const versions = await queryRows<{ id: string }>(
    db,
    sql`select distinct procedure_version_id as id from dossiers.dossiers
        where state in (${list(DECIDED)}) and decided_at >= ${from}::timestamptz and decided_at < ${to}::timestamptz
          ${unitCode ? sql`and unit_code = ${unitCode}` : sql``}`,
  );
  const rows: SQL[] = [];
  for (const { id } of versions) {
    const codes = await replaceableCodes(db, id);
    if (codes.length) rows.push(sql`(${id}::uuid, array[${list(codes)}]::text[])`);
  }
  return rows.length ? sql`(values ${sql.join(rows, sql`, `)}) as v(version_id, keys)` : null;
}

/** Decided in the period with none of the replaceable documents uploaded (in any round): the registry was used. */
/** A document taken from the citizen's store (`reused_document_id`) is digitised data too, not paper. */
const FROM_REGISTRY = sql`not exists (select 1 from dossiers.attachments a where a.dossier_id = d.id and a.document_key = any(v.keys) and a.reused_document_id is null)`;

async function decidedFromRegistry(db: Db, q: IndicatorSourceQuery): Promise<SourceCount[]> {
  const versions = await replaceableDocuments(db, q);
  if (!versions) return [];
  const { from, to } = bounds(q);
  const rows = await queryRows<{ unit_code: string; registry: string | number; decided: string | number }>(
    db,
    sql`select d.unit_code, count(*) filter (where ${FROM_REGISTRY}) as registry, count(*) as decided
        from dossiers.dossiers d join ${versions} on v.version_id = d.procedure_version_id
        where d.state in (${list(DECIDED)}) and d.decided_at >= ${from}::timestamptz and d.decided_at < ${to}::timestamptz
        group by d.unit_code`,
  );
  return rows.map((r) => ({ unitCode: r.unit_code, numerator: Number(r.registry), denominator: Number(r.decided) }));
}

/** The dossiers behind a commune's T5 figure: decided from the registry (counted) or with paper proofs (missing). */
async function decidedFromRegistryPage(db: Db, q: ListQuery): Promise<ListPage> {
  const versions = await replaceableDocuments(db, q, q.unitCode);
  if (!versions) return { columns: pageColumns('decided'), items: [], total: 0 };
  const { from, to } = bounds(q);
  return dossierPage(db, q, 'decided', {
    from: sql`dossiers.dossiers d join ${versions} on v.version_id = d.procedure_version_id`,
    where: sql`d.unit_code = ${q.unitCode} and d.state in (${list(DECIDED)})
      and d.decided_at >= ${from}::timestamptz and d.decided_at < ${to}::timestamptz
      and ${q.side === 'counted' ? FROM_REGISTRY : sql`not ${FROM_REGISTRY}`}`,
  });
}

/** A procedure version's inputs before and after prefill (its form definition); versions never change. */
const prefillOfVersion = new Map<string, Promise<{ before: number; after: number }>>();
function inputsOfVersion(db: Db, versionId: string): Promise<{ before: number; after: number }> {
  let inputs = prefillOfVersion.get(versionId);
  if (!inputs) {
    inputs = getProcedureVersionById(db, versionId).then((v) => {
      const stats = prefillStats(v);
      return { before: stats.typedBefore, after: stats.typedAfter };
    });
    inputs.catch(() => prefillOfVersion.delete(versionId));
    prefillOfVersion.set(versionId, inputs);
  }
  return inputs;
}

/**
 * The plan's section III: forms cut at least 20 % of what citizens must declare by reusing digitised
 * data (Bộ chỉ số 766: reuse of digitised data). Over the dossiers filed online in the period, per
 * commune: the inputs their forms prefill from the registry or the e-ID (numerator) over every
 * input the forms ask (denominator), each counted as procedures' `prefillStats` counts a version's
 * form (one per input, a table one per column) — the form's reuse, weighted by how often citizens
 * used it. A document taken from the citizen's document store instead of an upload (issue 17 §3)
 * counts as one input asked and not typed (numerator and denominator + 1); uploads are not inputs
 * of the form and stay outside, as before. Paper dossiers fill no form and are not counted.
 */
async function dataReuse(db: Db, q: IndicatorSourceQuery): Promise<SourceCount[]> {
  const { from, to } = bounds(q);
  const rows = await queryRows<{ unit_code: string; version_id: string; n: string | number }>(
    db,
    sql`select unit_code, procedure_version_id as version_id, count(*) as n
        from dossiers.dossiers
        where state <> 'draft' and ${ONLINE}
          and submitted_at >= ${from}::timestamptz and submitted_at < ${to}::timestamptz
        group by unit_code, procedure_version_id`,
  );
  const byUnit = new Map<string, SourceCount>();
  for (const r of rows) {
    const { before, after } = await inputsOfVersion(db, r.version_id);
    const count = byUnit.get(r.unit_code) ?? { unitCode: r.unit_code, numerator: 0, denominator: 0 };
    count.numerator += Number(r.n) * (before - after);
    count.denominator += Number(r.n) * before;
    byUnit.set(r.unit_code, count);
  }
  const reused = await queryRows<{ unit_code: string; n: string | number }>(
    db,
    sql`select d.unit_code, count(*) as n
        from dossiers.dossiers d join dossiers.attachments a on a.dossier_id = d.id and a.reused_document_id is not null
        where d.state <> 'draft' and ${ONLINE}
          and d.submitted_at >= ${from}::timestamptz and d.submitted_at < ${to}::timestamptz
        group by d.unit_code`,
  );
  for (const r of reused) {
    const count = byUnit.get(r.unit_code) ?? { unitCode: r.unit_code, numerator: 0, denominator: 0 };
    count.numerator += Number(r.n);
    count.denominator += Number(r.n);
    byUnit.set(r.unit_code, count);
  }
  return [...byUnit.values()];
}

/** Decided by the due time and not marked late (an apology slip extended it, or decided after the due time). */
const ON_TIME = sql`not late and decided_at <= due_at`;

/** The dossiers behind a commune's timeliness figure: decided on time (counted) or late (missing), newest first. */
async function decidedOnTimePage(db: Db, q: ListQuery): Promise<ListPage> {
  const { from, to } = bounds(q);
  return dossierPage(db, q, 'decided', {
    from: sql`dossiers.dossiers d`,
    where: sql`d.unit_code = ${q.unitCode} and d.state in (${list(DECIDED)}) and d.due_at is not null
      and d.decided_at >= ${from}::timestamptz and d.decided_at < ${to}::timestamptz
      and ${q.side === 'counted' ? sql`(not d.late and d.decided_at <= d.due_at)` : sql`not (not d.late and d.decided_at <= d.due_at)`}`,
  });
}

export const DOSSIER_INDICATOR_SOURCES: readonly IndicatorSource[] = [
  {
    key: 'dossiers.stay_online',
    describe: {
      vi: 'Hồ sơ thông báo lưu trú nộp trực tuyến / hồ sơ thông báo lưu trú tiếp nhận trong kỳ',
      en: 'Stay notifications filed online / stay notifications received in the period',
    },
    formerUnits: 'as_recorded', // the receiving commune when filed
    count: (db, q) => receivedOnline(db, q, [STAY_NOTIFICATION]),
    list: { action: 'dossiers.read', page: (db, q) => receivedPage(db, q, [STAY_NOTIFICATION]) },
  },
  {
    key: 'dossiers.residence_online',
    describe: {
      vi: 'Hồ sơ TTHC cư trú (trừ thông báo lưu trú) nộp trực tuyến / hồ sơ TTHC cư trú tiếp nhận trong kỳ',
      en: 'Residence dossiers (stay notifications apart) filed online / residence dossiers received in the period',
    },
    formerUnits: 'as_recorded', // the receiving commune when filed
    count: async (db, q) => receivedOnline(db, q, await residenceCodes(db, q.asOf)),
    list: { action: 'dossiers.read', page: async (db, q) => receivedPage(db, q, await residenceCodes(db, q.asOf)) },
  },
  {
    // Bộ chỉ số 766, online services: every dossier received (tiếp nhận) in the period, and those filed online.
    key: 'dossiers.received_online',
    describe: {
      vi: 'Hồ sơ nộp trực tuyến / mọi hồ sơ tiếp nhận trong kỳ',
      en: 'Dossiers filed online / every dossier received in the period',
    },
    formerUnits: 'as_recorded', // the receiving commune when filed
    count: (db, q) => receivedOnline(db, q, null, 'received'),
    list: { action: 'dossiers.read', page: (db, q) => receivedPage(db, q, null, 'received') },
  },
  {
    key: 'dossiers.data_reuse',
    describe: {
      vi: 'Trường thông tin điền sẵn từ dữ liệu dân cư, định danh điện tử (và giấy tờ lấy từ kho dữ liệu) / mọi trường tờ khai yêu cầu, tính theo số hồ sơ nộp trực tuyến trong kỳ',
      en: 'Form inputs prefilled from the registry or the e-ID (and documents taken from the document store) / every input the forms ask, weighted by the dossiers filed online in the period',
    },
    formerUnits: 'as_recorded', // the receiving commune when filed
    count: dataReuse,
  },
  {
    key: 'dossiers.registry_instead_of_paper',
    describe: {
      vi: 'Hồ sơ giải quyết không nộp giấy tờ mà dữ liệu dân cư thay thế được / hồ sơ giải quyết trong kỳ của thủ tục có giấy tờ như vậy',
      en: 'Dossiers decided without uploading the documents the registry replaces / dossiers decided in the period of procedures listing such documents',
    },
    formerUnits: 'as_recorded', // the receiving commune when filed
    count: decidedFromRegistry,
    list: { action: 'dossiers.read', page: decidedFromRegistryPage },
  },
  {
    // Bộ chỉ số 766, timeliness: decided in the period by the due time and not marked late.
    key: 'dossiers.decided_on_time',
    describe: {
      vi: 'Hồ sơ giải quyết đúng hạn / hồ sơ có hạn giải quyết được giải quyết trong kỳ',
      en: 'Dossiers decided on time / dossiers with a due time decided in the period',
    },
    formerUnits: 'as_recorded', // the receiving commune when filed
    count: async (db, q) => {
      const { from, to } = bounds(q);
      const rows = await queryRows<{ unit_code: string; on_time: string | number; decided: string | number }>(
        db,
        sql`select unit_code, count(*) filter (where ${ON_TIME}) as on_time, count(*) as decided
            from dossiers.dossiers
            where state in (${list(DECIDED)}) and due_at is not null
              and decided_at >= ${from}::timestamptz and decided_at < ${to}::timestamptz
            group by unit_code`,
      );
      return rows.map((r) => ({ unitCode: r.unit_code, numerator: Number(r.on_time), denominator: Number(r.decided) }));
    },
    list: { action: 'dossiers.read', page: decidedOnTimePage },
  },
];
