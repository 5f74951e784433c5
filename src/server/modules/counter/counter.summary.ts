import {
  OUTCOMES,
  TYPED_BY,
  type CounterSummary,
  type SummaryFigures,
  type SummaryRow,
} from '../../../contracts/counter';

/** One group of visits: a unit, a day and one combination of the reported facts, with its count. */
export interface CountGroup {
  unitCode: string;
  date: string;
  guidedOnline: boolean;
  typedBy: (typeof TYPED_BY)[number] | null;
  outcome: (typeof OUTCOMES)[number];
  visits: number;
}

/** Figures of no visits. */
export function emptyFigures(): SummaryFigures {
  return {
    visits: 0,
    guidedOnline: 0,
    guidedOnlineShare: null,
    typedBy: { citizen_alone: 0, citizen_helped: 0, officer_on_behalf: 0, none: 0 },
    outcomes: { filed_online: 0, filed_paper: 0, information_only: 0, referred: 0, incomplete_documents: 0 },
    selfFiledOnline: 0,
    selfFiledOnlineShare: null,
  };
}

/** part / whole rounded to 4 decimals (0.1234 = 12.34%); null when the whole is 0 (no division by zero shown as 0%). */
export function share(part: number, whole: number): number | null {
  return whole > 0 ? Math.round((part / whole) * 10_000) / 10_000 : null;
}

/** Adds a group's count to figures (counts only; shares are set by `withShares`). */
export function addGroup(
  f: SummaryFigures,
  g: Pick<CountGroup, 'guidedOnline' | 'typedBy' | 'outcome' | 'visits'>,
): void {
  f.visits += g.visits;
  if (g.guidedOnline) f.guidedOnline += g.visits;
  f.typedBy[g.typedBy ?? 'none'] += g.visits;
  f.outcomes[g.outcome] += g.visits;
  if (g.outcome === 'filed_online' && (g.typedBy === 'citizen_alone' || g.typedBy === 'citizen_helped'))
    f.selfFiledOnline += g.visits;
}

/** Computes the shares of figures from their counts. */
export function withShares(f: SummaryFigures): SummaryFigures {
  return {
    ...f,
    guidedOnlineShare: share(f.guidedOnline, f.visits),
    selfFiledOnlineShare: share(f.selfFiledOnline, f.outcomes.filed_online),
  };
}

/**
 * Folds grouped counts into one row per unit and day (days without visits are left out) and
 * the totals over all of them, ordered by day then unit. Shares are computed from the summed
 * counts, never averaged, so the totals' share weighs every visit equally.
 */
export function summarise(
  groups: readonly CountGroup[],
  range: { from: string; to: string },
  unitName: (code: string) => string | null = () => null,
): CounterSummary {
  const rows = new Map<string, SummaryRow>();
  const totals = emptyFigures();
  for (const g of groups) {
    if (g.visits <= 0) continue;
    const key = `${g.date}|${g.unitCode}`;
    let row = rows.get(key);
    if (!row) {
      row = { ...emptyFigures(), unitCode: g.unitCode, unitName: unitName(g.unitCode), date: g.date };
      rows.set(key, row);
    }
    addGroup(row, g);
    addGroup(totals, g);
  }
  const ordered = [...rows.values()]
    .sort((a, b) => a.date.localeCompare(b.date) || a.unitCode.localeCompare(b.unitCode))
    .map((r) => ({ ...r, ...withShares(r) }));
  return { from: range.from, to: range.to, rows: ordered, totals: withShares(totals) };
}
