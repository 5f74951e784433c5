import ExcelJS from 'exceljs';
import PDFDocument from 'pdfkit';
import type { Db } from '../../platform/db';
import { FORMER_STRUCTURE_DAY } from '../../platform/indicator-sources';
import type { Indicator, KpiValue, ReportedState } from '../../../contracts/kpi';
import type { PilotProgressRow } from '../../../contracts/pilots';
import { documentFont, loadFonts } from '../slips';
import { getUnitNames } from '../units';
import { todayInVietnam } from '../../../contracts/common';
import { runNotFound } from './kpi.errors';
import * as repo from './kpi.repository';
import { dueOnOf } from './reported';
import { sectionsOf, type RunSections } from './run-sections';

/*
 * The periodic Project 06 report (issue 15 §5) for a period, in Vietnamese, as XLSX and PDF — made
 * from one run's snapshot (its values and the indicator versions it used), so the same run gives the
 * same content later, whatever the registry, the thresholds or the reports became. The file's
 * dates are the run's, not the moment it is downloaded. The reported values' states and the pilot
 * models' progress were frozen with the run (`run-sections.ts`), in the snapshot its values came from.
 */

export interface ReportContent {
  run: repo.RunRow;
  indicators: repo.IndicatorRow[];
  values: Array<repo.ValueRow & { indicatorCode: string }>;
  unitName: (code: string) => string;
  /** The sections frozen with the run; null for a run made before they were kept. */
  sections: RunSections | null;
  /** The day reported values were due (the period's end + the reporting window). */
  reportedDueOn: string;
}

/** The content of the report of a run (the latest finished run of the period, or the one named). */
export async function reportContent(db: Db, period: string, runId?: number): Promise<ReportContent> {
  const run = runId ? await repo.findRun(db, runId) : await repo.latestRun(db, period);
  if (!run || run.period !== period || !run.finishedAt) throw runNotFound();
  const [indicators, values, names, sections] = await Promise.all([
    repo.indicatorsOfRun(db, run.id),
    repo.valuesOfRun(db, run.id),
    // Names as the run's communes were named: the run's own day (codes of 2025 communes were reused).
    // On the former structure, as the units were named on their last day (30/6/2025).
    getUnitNames(db, run.structure === 'former' ? FORMER_STRUCTURE_DAY : todayInVietnam(run.startedAt)),
    sectionsOf(db, run.id),
  ]);
  return {
    run,
    indicators,
    values,
    unitName: (code) => names(code) ?? code,
    sections,
    reportedDueOn: dueOnOf(run.period),
  };
}

/** Said where a section is missing because the run was made before sections were kept. */
const NOT_KEPT = 'Lần tính này được thực hiện trước khi hệ thống lưu phần này; hãy tính lại kỳ để có phần này.';

const REPORTED_STATE_VI: Record<ReportedState | 'none', string> = {
  none: 'Chưa nhập',
  draft: 'Đang nhập (chưa gửi)',
  submitted: 'Đã gửi, chờ duyệt',
  returned: 'Bị trả lại, chờ sửa',
  approved: 'Đã duyệt',
};
const reportedStateVi = (s: ReportedState | null) => REPORTED_STATE_VI[s ?? 'none'];
const PILOT_COLUMNS = [
  ['Đơn vị đăng ký', 'agencyName'],
  ['Số mô hình', 'registered'],
  ['Đã có kế hoạch', 'planUploaded'],
  ['Quá hạn nộp kế hoạch', 'planOverdue'],
  ['Mốc quá hạn', 'milestonesOverdue'],
  ['Đang triển khai', 'inProgress'],
  ['Hoàn thành', 'completed'],
  ['Đã đánh giá', 'evaluated'],
] as const satisfies ReadonlyArray<readonly [string, keyof PilotProgressRow]>;

const STATUS_VI: Record<KpiValue['status'], string> = {
  ok: '',
  no_source: 'Chưa có số liệu (chưa có nguồn)',
  no_denominator: 'Chưa có số liệu (không có đối tượng)',
  not_reported: 'Chưa có số liệu được duyệt',
  no_structure: 'Không tính được theo cơ cấu đơn vị này',
};
const threshold = (i: Pick<Indicator, 'comparison' | 'threshold'>) =>
  `${i.comparison === '>=' ? '≥' : i.comparison === '<=' ? '≤' : i.comparison} ${vi(i.threshold)} %`;
const vi = (n: number) => n.toLocaleString('vi-VN', { maximumFractionDigits: 2 });
const metVi = (v: { met: boolean | null; status: KpiValue['status'] }) =>
  v.status !== 'ok' ? STATUS_VI[v.status] : v.met ? 'Đạt' : 'Chưa đạt';
/** dd/mm/yyyy hh:mm in Vietnam time (UTC+7). */
const vietnamTime = (d: Date) => {
  const v = new Date(d.getTime() + 7 * 3_600_000).toISOString();
  return `${dateVi(v.slice(0, 10))} ${v.slice(11, 16)}`;
};
const dateVi = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

/** Which units the figures are placed on, as the report says it. */
const structureVi = (c: ReportContent) =>
  c.run.structure === 'former'
    ? 'Các huyện và xã, phường, thị trấn trước sắp xếp (đến 30/6/2025)'
    : 'Các xã, phường hiện hành (sau sắp xếp 01/7/2025)';

/** Rows of one level, in the order of the indicators then of the units. */
function rowsOf(c: ReportContent, level: 'province' | 'district' | 'commune') {
  const byCode = new Map(c.indicators.map((i) => [i.code, i]));
  return c.values
    .filter((v) => v.unitLevel === level)
    .map((v) => ({ v, i: byCode.get(v.indicatorCode)! }))
    .sort(
      (a, b) =>
        (a.i.target ?? 99) - (b.i.target ?? 99) ||
        a.i.code.localeCompare(b.i.code) ||
        a.v.unitCode.localeCompare(b.v.unitCode),
    );
}

/** The XLSX: a sheet for the province and one for the communes (a row per indicator and unit), then the units below threshold. */
export async function reportXlsx(c: ReportContent): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'DVC06';
  wb.created = c.run.finishedAt!;
  wb.modified = c.run.finishedAt!;
  const header = [
    'Mã chỉ tiêu',
    'Mục tiêu',
    'Chỉ tiêu',
    'Mã đơn vị',
    'Đơn vị',
    'Giá trị (%)',
    'Tử số',
    'Mẫu số',
    'Ngưỡng',
    'Kết quả',
  ];
  const sheet = (name: string, rows: ReturnType<typeof rowsOf>) => {
    const ws = wb.addWorksheet(name);
    ws.addRow([
      `Báo cáo kết quả thực hiện Đề án 06 — kỳ ${c.run.period} (${dateVi(c.run.fromDate)}–${dateVi(c.run.toDate)}), số liệu đến ngày ${dateVi(c.run.asOf)}, lần tính số ${c.run.id}`,
    ]).font = { bold: true };
    ws.addRow(header).font = { bold: true };
    for (const { v, i } of rows)
      ws.addRow([
        i.code,
        i.target,
        i.nameVi,
        v.unitCode,
        c.unitName(v.unitCode),
        v.value,
        v.numerator,
        v.denominator,
        threshold(i),
        metVi(v),
      ]);
    [12, 8, 60, 10, 28, 11, 10, 10, 10, 30].forEach((w, n) => (ws.getColumn(n + 1).width = w));
    ws.views = [{ state: 'frozen', ySplit: 2 }];
  };
  sheet('Tỉnh', rowsOf(c, 'province'));
  if (c.run.structure === 'former') sheet('Huyện', rowsOf(c, 'district'));
  sheet('Xã, phường', rowsOf(c, 'commune'));
  sheet(
    'Dưới ngưỡng',
    [...rowsOf(c, 'province'), ...rowsOf(c, 'district'), ...rowsOf(c, 'commune')].filter(
      ({ v }) => v.status === 'ok' && v.met === false,
    ),
  );
  const reportedSheet = wb.addWorksheet('Số liệu báo cáo');
  reportedSheet.addRow([
    `Số liệu do đơn vị báo cáo — kỳ ${c.run.period}, hạn gửi ${dateVi(c.reportedDueOn)}; trạng thái tại thời điểm tính (lần tính số ${c.run.id})`,
  ]).font = { bold: true };
  reportedSheet.addRow(['Mã chỉ tiêu', 'Mã đơn vị', 'Đơn vị', 'Tử số', 'Mẫu số', 'Trạng thái']).font = { bold: true };
  if (!c.sections) reportedSheet.addRow([NOT_KEPT]);
  for (const r of c.sections?.reported ?? [])
    reportedSheet.addRow([
      r.indicatorCode,
      r.unitCode,
      r.unitName,
      r.numerator,
      r.denominator,
      `${reportedStateVi(r.state)}${r.required ? '' : ' (không bắt buộc)'}`,
    ]);
  [12, 10, 28, 10, 10, 26].forEach((w, n) => (reportedSheet.getColumn(n + 1).width = w));
  const pilotSheet = wb.addWorksheet('Mô hình điểm');
  pilotSheet.addRow([`Tiến độ các mô hình điểm (mục tiêu 14) đến ngày ${dateVi(c.run.asOf)}`]).font = { bold: true };
  pilotSheet.addRow(PILOT_COLUMNS.map(([label]) => label)).font = { bold: true };
  if (!c.sections) pilotSheet.addRow([NOT_KEPT]);
  for (const p of c.sections?.pilots ?? []) pilotSheet.addRow(PILOT_COLUMNS.map(([, key]) => p[key]));
  [44, 11, 13, 19, 12, 15, 12, 12].forEach((w, n) => (pilotSheet.getColumn(n + 1).width = w));
  const about = wb.addWorksheet('Thông tin');
  for (const [k, val] of [
    ['Kỳ báo cáo', c.run.period],
    ['Từ ngày', dateVi(c.run.fromDate)],
    ['Đến ngày', dateVi(c.run.toDate)],
    ['Số liệu tính đến ngày', dateVi(c.run.asOf)],
    ['Lần tính số', c.run.id],
    ['Thời điểm tính (giờ Việt Nam)', vietnamTime(c.run.finishedAt!)],
    ['Cấu trúc đơn vị', structureVi(c)],
  ] as const)
    about.addRow([k, val]);
  about.getColumn(1).width = 24;
  about.getColumn(2).width = 50;
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The PDF (A4 landscape): the province's results per target, then the communes below each threshold. */
export async function reportPdf(c: ReportContent): Promise<Buffer> {
  const fonts = await loadFonts();
  const doc = new PDFDocument({
    size: 'A4',
    layout: 'landscape',
    margins: { top: 40, bottom: 40, left: 50, right: 40 },
    info: {
      Title: `Báo cáo kết quả thực hiện Đề án 06 — kỳ ${c.run.period}`,
      Author: 'DVC06',
      Creator: 'DVC06',
      CreationDate: c.run.finishedAt!,
      ModDate: c.run.finishedAt!,
    },
    lang: 'vi-VN',
    displayTitle: true,
  });
  for (const style of ['regular', 'bold', 'italic'] as const)
    doc.registerFont(style, documentFont(fonts[style]) as unknown as PDFKit.Mixins.PDFFontSource);
  const chunks: Buffer[] = [];
  doc.on('data', (b: Buffer) => chunks.push(b));
  const done = new Promise<void>((resolve, reject) => {
    doc.on('end', resolve);
    doc.on('error', reject);
  });
  const width = doc.page.width - 90;
  doc.font('bold').fontSize(15).text('BÁO CÁO KẾT QUẢ THỰC HIỆN ĐỀ ÁN 06', { align: 'center', width });
  doc
    .font('italic')
    .fontSize(11)
    .text(
      `Kỳ ${c.run.period} (${dateVi(c.run.fromDate)}–${dateVi(c.run.toDate)}); số liệu đến ngày ${dateVi(c.run.asOf)}; lần tính số ${c.run.id}; ${structureVi(c).toLowerCase()}`,
      { align: 'center', width },
    );
  doc.moveDown(0.8);
  const cols = [70, 330, 80, 110, 80, 120];
  const row = (cells: string[], font: 'regular' | 'bold') => tableRow(doc, cols, cells, font);
  row(['Mã', 'Chỉ tiêu', 'Giá trị', 'Tử số / mẫu số', 'Ngưỡng', 'Kết quả'], 'bold');
  for (const { v, i } of rowsOf(c, 'province'))
    row(
      [
        i.code,
        `(${i.target ?? 'BCS 766'}) ${i.nameVi}`,
        v.value === null ? '—' : `${vi(v.value)} %`,
        v.numerator === null ? '—' : `${vi(v.numerator)} / ${vi(v.denominator ?? 0)}`,
        threshold(i),
        metVi(v),
      ],
      'regular',
    );
  doc.moveDown(0.8);
  doc.x = 50;
  doc
    .font('bold')
    .fontSize(12)
    .text(c.run.structure === 'former' ? 'Các huyện, xã chưa đạt ngưỡng' : 'Các xã, phường chưa đạt ngưỡng', { width });
  const below = [...rowsOf(c, 'district'), ...rowsOf(c, 'commune')].filter(
    ({ v }) => v.status === 'ok' && v.met === false,
  );
  const byIndicator = new Map<string, string[]>();
  for (const { v, i } of below)
    byIndicator.set(i.code, [...(byIndicator.get(i.code) ?? []), `${c.unitName(v.unitCode)} (${vi(v.value!)} %)`]);
  if (byIndicator.size === 0) doc.font('regular').fontSize(10).text('Không có.', { width });
  for (const [code, units] of byIndicator) {
    doc.x = 50;
    doc.font('bold').fontSize(10).text(`${code}: `, { continued: true, width }).font('regular').text(units.join('; '));
  }
  section(doc, width, 'Số liệu do đơn vị báo cáo');
  doc
    .font('italic')
    .fontSize(10)
    .text(`Hạn gửi ${dateVi(c.reportedDueOn)}; trạng thái tại thời điểm tính.`, { width });
  const note = (text: string) => doc.font('regular').fontSize(10).text(text, { width });
  // Owed values only: the province's optional value is not "missing" when the communes report.
  const owed = (c.sections?.reported ?? []).filter((r) => r.required);
  const reportedCodes = [...new Set(owed.map((r) => r.indicatorCode))];
  if (!c.sections) note(NOT_KEPT);
  else if (reportedCodes.length === 0) note('Không có chỉ tiêu do đơn vị báo cáo trong kỳ.');
  for (const code of reportedCodes) {
    const rows = owed.filter((r) => r.indicatorCode === code);
    const count = (s: ReportedState | null) => rows.filter((r) => r.state === s).length;
    doc.x = 50;
    doc
      .font('bold')
      .fontSize(10)
      .text(`${code}: `, { continued: true, width })
      .font('regular')
      .text(
        `${count('approved')}/${rows.length} đơn vị đã được duyệt; chờ duyệt ${count('submitted')}; bị trả lại ${count('returned')}; đang nhập ${count('draft')}; chưa nhập ${count(null)}.`,
      );
    const open = rows.filter((r) => r.state !== 'approved');
    if (open.length > 0 && open.length < rows.length)
      doc.text(
        `Chưa được duyệt: ${open.map((r) => `${r.unitName} (${reportedStateVi(r.state).toLowerCase()})`).join('; ')}.`,
        { width },
      );
  }
  section(doc, width, `Tiến độ các mô hình điểm (đến ngày ${dateVi(c.run.asOf)})`);
  const pilots = c.sections?.pilots ?? [];
  if (!c.sections) note(NOT_KEPT);
  else if (pilots.length === 0) note('Chưa có mô hình điểm nào được đăng ký.');
  else {
    const widths = [250, 70, 80, 90, 70, 80, 70, 70];
    const line = (cells: Array<string | number>, font: 'regular' | 'bold') =>
      tableRow(doc, widths, cells.map(String), font);
    line(
      PILOT_COLUMNS.map(([label]) => label),
      'bold',
    );
    for (const p of pilots)
      line(
        PILOT_COLUMNS.map(([, key]) => p[key]),
        'regular',
      );
  }
  doc.end();
  await done;
  return Buffer.concat(chunks);
}

/** A section heading on its own page when little room is left. */
function section(doc: PDFKit.PDFDocument, width: number, title: string): void {
  if (doc.y > doc.page.height - 120) doc.addPage();
  doc.moveDown(0.8);
  doc.x = 50;
  doc.font('bold').fontSize(12).text(title, { width });
}

/** One row of a table from the left margin: cells wrapped in their column, a new page when full. */
function tableRow(doc: PDFKit.PDFDocument, widths: number[], cells: string[], font: 'regular' | 'bold'): void {
  const y = doc.y;
  let x = 50;
  let bottom = y;
  doc.font(font).fontSize(9.5);
  cells.forEach((text, n) => {
    doc.text(text, x, y, { width: widths[n]! - 6 });
    bottom = Math.max(bottom, doc.y);
    x += widths[n]!;
  });
  doc.y = bottom + 3;
  if (doc.y > doc.page.height - 60) doc.addPage();
}
