import ExcelJS from 'exceljs';
import type { Database } from '../../platform/db';
import type { ListPage, ListReader } from '../../platform/indicator-sources';
import { todayInVietnam } from '../../../contracts/common';
import type { KpiList, KpiListQuery } from '../../../contracts/kpi';
import { assertPurpose } from '../audit';
import { ACTIONS, type AccessContext, type Action } from '../identity';
import type { SourceMap } from './compute';
import { indicatorNotFound, listForbidden, listNotAvailable, listTooLarge } from './kpi.errors';
import { grantIn, KPI_ACTIONS } from './kpi.policy';
import * as repo from './kpi.repository';
import { asOfFor, parsePeriod } from './periods';

/*
 * The list behind a commune's figure (issue 15 §2, drill-down): the people aged 14 or over in
 * commune X without an activated e-ID, the residence dossiers of commune Y received on paper — the
 * list an officer acts on. Counted live from the source, as of the period's as-of day (a list is a
 * worklist, not a snapshot). Reading needs `kpi.read` in the unit and the source's own permission
 * there (personal data: the registry's), and a stated purpose; every person listed or exported is
 * written in the access log by the source.
 */

/** The most rows one export may hold (a commune's list; more is read page by page). */
export const EXPORT_MAX_ROWS = 50_000;

interface Resolved {
  page: (offset: number, limit: number, reader: ListReader) => Promise<ListPage>;
  asOf: string;
  reader: Omit<ListReader, 'purpose'>;
}

async function resolve(
  database: Database,
  sources: SourceMap,
  access: AccessContext,
  query: KpiListQuery,
  request: { id: string; pseudonymKey?: string },
): Promise<Resolved> {
  const period = parsePeriod(query.period);
  const asOf = asOfFor(period, todayInVietnam());
  const version = (await repo.indicatorsInForce(database.db, asOf)).find((i) => i.code === query.indicator);
  if (!version) throw indicatorNotFound();
  const list = version.source ? sources.get(version.source)?.list : undefined;
  if (!list) throw listNotAvailable();
  const action = (ACTIONS as readonly string[]).includes(list.action) ? (list.action as Action) : null;
  if (!action || !access.canInUnit(KPI_ACTIONS.read, query.unitCode) || !access.canInUnit(action, query.unitCode))
    throw listForbidden();
  await assertPurpose(database.db, query.purpose);
  const grant = grantIn(access, action, query.unitCode)!;
  const base = { period, asOf, communeCodes: [query.unitCode], unitCode: query.unitCode, side: query.side };
  return {
    asOf,
    reader: {
      accountId: access.actor!.accountId,
      role: grant.role,
      unitCode: grant.unitCode,
      requestId: request.id,
      pseudonymKey: request.pseudonymKey,
    },
    page: (offset, limit, reader) => list.page(database.db, { ...base, offset, limit }, reader),
  };
}

/** One page of the list, each person on it logged with the purpose. */
export async function listBehind(
  database: Database,
  sources: SourceMap,
  access: AccessContext,
  query: KpiListQuery,
  request: { id: string; pseudonymKey?: string },
): Promise<KpiList> {
  const r = await resolve(database, sources, access, query, request);
  const page = await r.page((query.page - 1) * query.pageSize, query.pageSize, { ...r.reader, purpose: query.purpose });
  return {
    indicatorCode: query.indicator,
    unitCode: query.unitCode,
    side: query.side,
    asOf: r.asOf,
    columns: page.columns,
    items: page.items,
    total: page.total,
    page: query.page,
    pageSize: query.pageSize,
  };
}

/** The whole list as an XLSX workbook (one sheet, Vietnamese headers); refused over EXPORT_MAX_ROWS. */
export async function listBehindXlsx(
  database: Database,
  sources: SourceMap,
  access: AccessContext,
  query: KpiListQuery,
  request: { id: string; pseudonymKey?: string },
): Promise<Buffer> {
  const r = await resolve(database, sources, access, query, request);
  const probe = await r.page(0, 0, { ...r.reader, purpose: query.purpose });
  if (probe.total > EXPORT_MAX_ROWS) throw listTooLarge(EXPORT_MAX_ROWS);
  const page = await r.page(0, EXPORT_MAX_ROWS, { ...r.reader, purpose: query.purpose, exporting: true });
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'DVC06';
  const ws = workbook.addWorksheet(`${query.indicator} ${query.unitCode}`.slice(0, 31));
  ws.addRow([
    `Chỉ tiêu ${query.indicator}, đơn vị ${query.unitCode}, ${query.side === 'missing' ? 'chưa đạt' : 'đã đạt'}, tính đến ngày ${r.asOf}`,
  ]).font = { bold: true };
  ws.addRow(page.columns.map((c) => c.labelVi)).font = { bold: true };
  for (const item of page.items) ws.addRow(page.columns.map((c) => item[c.key] ?? null));
  page.columns.forEach((_, i) => (ws.getColumn(i + 1).width = i === 0 ? 28 : 20));
  ws.views = [{ state: 'frozen', ySplit: 2 }];
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
