import { describe, expect, it } from 'vitest';
import type { ReportedExpectedRow, ReportedValue } from '../../../../contracts/kpi';
import { vi } from '../../../shell/dictionary.vi';
import { NAV_GROUPS, navItemFor } from '../../../shell/navigation';
import { enKpiReported } from './messages.en';
import { viKpiReported } from './messages.vi';
import {
  actionOf,
  counts,
  defaultQuarter,
  evidenceProblem,
  matches,
  recentQuarters,
  sentBack,
  EVIDENCE_MAX_BYTES,
} from './reported-labels';

const may = { enter: false, submit: false, decide: false, unapprove: false };
const row = (over: Partial<ReportedExpectedRow>): ReportedExpectedRow => ({
  indicatorCode: 'T5.OFFICERS',
  unitCode: '03445',
  unitName: 'Xã Mường Tè',
  unitLevel: 'commune',
  required: true,
  state: 'not_entered',
  dueOn: '2026-10-10',
  overdue: false,
  value: null,
  may,
  ...over,
});
const history = (events: Array<[ReportedValue['history'][number]['event'], string | null]>) =>
  events.map(([event, comment]) => ({
    event,
    toState: 'returned' as const,
    at: '2026-10-01T00:00:00Z',
    byRole: 'standing_agency',
    numerator: 1,
    denominator: 2,
    comment,
  }));
const value = (over: Partial<ReportedValue>): ReportedValue => ({
  id: 'v1',
  indicatorCode: 'T5.OFFICERS',
  period: '2026-Q3',
  unitCode: '03445',
  numerator: 1,
  denominator: 2,
  value: 50,
  note: null,
  state: 'returned',
  evidence: null,
  submittedAt: null,
  decidedAt: null,
  comment: null,
  dueOn: '2026-10-10',
  overdue: false,
  version: 3,
  history: [],
  ...over,
});

describe('quarters of the picker', () => {
  it('opens on the last quarter ended and offers the one under way and those before, newest first', () => {
    expect(defaultQuarter('2026-12-07')).toBe('2026-Q3');
    expect(defaultQuarter('2026-02-01')).toBe('2025-Q4');
    expect(recentQuarters('2026-12-07', 5)).toEqual(['2026-Q4', '2026-Q3', '2026-Q2', '2026-Q1', '2025-Q4']);
    expect(recentQuarters('2000-05-01')).toEqual(['2000-Q2', '2000-Q1']);
  });
});

describe('the filters', () => {
  const rows = [
    row({ unitCode: 'a', state: 'not_entered', overdue: true }),
    row({ unitCode: 'b', state: 'draft' }),
    row({ unitCode: 'c', state: 'returned', overdue: true }),
    row({ unitCode: 'd', state: 'submitted' }),
    row({ unitCode: 'e', state: 'approved' }),
    row({ unitCode: '12', unitLevel: 'province', required: false, state: 'approved' }),
  ];
  it('count what is not submitted, awaiting approval, overdue and approved, and the units that owe a value', () => {
    expect(counts(rows)).toEqual({ all: 6, open: 3, waiting: 1, overdue: 2, approved: 2, units: 5 });
    expect(rows.filter((r) => matches(r, 'open')).map((r) => r.unitCode)).toEqual(['a', 'b', 'c']);
    expect(rows.filter((r) => matches(r, 'overdue')).map((r) => r.unitCode)).toEqual(['a', 'c']);
  });
});

describe("a row's action", () => {
  it('is entering or correcting for the unit, deciding for the Standing Agency, else looking', () => {
    expect(actionOf(row({ may: { ...may, enter: true } }))).toBe('enter');
    expect(actionOf(row({ state: 'returned', may: { ...may, enter: true, submit: true } }))).toBe('fix');
    expect(actionOf(row({ state: 'submitted', may: { ...may, decide: true } }))).toBe('decide');
    expect(actionOf(row({ state: 'submitted' }))).toBe('view'); // e.g. the one who submitted it
    expect(actionOf(row({ state: 'approved', may: { ...may, unapprove: true } }))).toBe('view');
  });
});

describe('a value sent back to the unit', () => {
  it('shows the comment of the last return or un-approval, only while it is returned', () => {
    const back = value({
      history: history([
        ['returned', 'Thiếu chữ ký'],
        ['submitted', null],
        ['unapproved', 'Sai số'],
      ]),
    });
    expect(sentBack(back)).toEqual({ event: 'unapproved', comment: 'Sai số' });
    expect(sentBack(value({ history: history([['returned', 'Thiếu chữ ký']]) }))).toEqual({
      event: 'returned',
      comment: 'Thiếu chữ ký',
    });
    expect(sentBack(value({ state: 'draft', history: history([['returned', 'x']]) }))).toBeNull();
    expect(sentBack(null)).toBeNull();
  });
});

describe('an evidence file chosen', () => {
  it('is a PDF, an image, an Excel or a Word file of at most 10 MB', () => {
    expect(evidenceProblem({ name: 'bien-ban.PDF', size: 1000 })).toBeNull();
    expect(evidenceProblem({ name: 'anh.jpeg', size: EVIDENCE_MAX_BYTES })).toBeNull();
    expect(evidenceProblem({ name: 'bang.xlsx', size: EVIDENCE_MAX_BYTES + 1 })).toBe('tooLarge');
    expect(evidenceProblem({ name: 'ghi-chu.txt', size: 10 })).toBe('badType');
    expect(evidenceProblem({ name: 'cu.doc', size: 10 })).toBe('badType');
  });
});

describe("the page's text and menu entry", () => {
  const names = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
  it('has the same placeholders in English as in Vietnamese, for every key', () => {
    for (const key of Object.keys(viKpiReported) as Array<keyof typeof viKpiReported>)
      expect([key, names(enKpiReported[key])]).toEqual([key, names(viKpiReported[key])]);
  });

  it("shares no key with the shell's dictionary", () => {
    expect(Object.keys(viKpiReported).filter((key) => key in vi)).toEqual([]);
  });

  it('is in the menu for the units that report and the Standing Agency, apart from the dashboard', () => {
    const items = NAV_GROUPS.flatMap((g) => g.items);
    expect(items.find((i) => i.path === '/chi-tieu/bao-cao')?.requires).toEqual([
      'kpi.report.submit',
      'kpi.report.approve',
    ]);
    expect(navItemFor('/chi-tieu/bao-cao')?.label).toBe('nav.kpiReported');
    expect(navItemFor('/chi-tieu')?.label).toBe('nav.kpi');
  });
});
