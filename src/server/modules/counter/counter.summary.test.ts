import { describe, expect, it } from 'vitest';
import { addGroup, emptyFigures, share, summarise, type CountGroup } from './counter.summary';

const g = (over: Partial<CountGroup>): CountGroup => ({
  unitCode: '03445',
  date: '2026-03-02',
  guidedOnline: true,
  typedBy: 'citizen_alone',
  outcome: 'filed_online',
  visits: 1,
  ...over,
});

describe('share', () => {
  it.each([
    [0, 0, null],
    [0, 5, 0],
    [5, 5, 1],
    [1, 3, 0.3333],
    [2, 3, 0.6667],
    [1, 8, 0.125],
  ])('%i of %i is %s (4 decimals, null when there is nothing to divide)', (part, whole, expected) => {
    expect(share(part, whole)).toBe(expected);
  });
});

describe('addGroup', () => {
  it('counts a visit with nothing typed under "none"', () => {
    const f = emptyFigures();
    addGroup(f, { guidedOnline: false, typedBy: null, outcome: 'information_only', visits: 3 });
    expect(f).toMatchObject({
      visits: 3,
      guidedOnline: 0,
      typedBy: { none: 3 },
      outcomes: { information_only: 3 },
      selfFiledOnline: 0,
    });
  });

  it('counts an online filing typed by the officer as filed online but not self-filed', () => {
    const f = emptyFigures();
    addGroup(f, { guidedOnline: true, typedBy: 'officer_on_behalf', outcome: 'filed_online', visits: 2 });
    expect(f).toMatchObject({
      visits: 2,
      guidedOnline: 2,
      typedBy: { officer_on_behalf: 2 },
      outcomes: { filed_online: 2 },
      selfFiledOnline: 0,
    });
  });

  it('does not count a paper filing typed by the citizen as self-filed online', () => {
    const f = emptyFigures();
    addGroup(f, { guidedOnline: false, typedBy: 'citizen_helped', outcome: 'filed_paper', visits: 1 });
    expect(f.selfFiledOnline).toBe(0);
    expect(f.typedBy.citizen_helped).toBe(1);
  });
});

describe('summarise', () => {
  it('returns no rows, zero totals and null shares for no visits', () => {
    const s = summarise([], { from: '2026-03-01', to: '2026-03-31' });
    expect(s).toEqual({ from: '2026-03-01', to: '2026-03-31', rows: [], totals: emptyFigures() });
  });

  it('folds groups into one row per unit and day, ordered by day then unit, with shares from the counts', () => {
    const s = summarise(
      [
        g({ unitCode: '03445', date: '2026-03-03', visits: 1 }),
        g({
          unitCode: '03388',
          date: '2026-03-02',
          guidedOnline: false,
          typedBy: null,
          outcome: 'information_only',
          visits: 1,
        }),
        g({ unitCode: '03445', date: '2026-03-02', visits: 3 }),
        g({ unitCode: '03445', date: '2026-03-02', typedBy: 'officer_on_behalf', visits: 1 }),
        g({
          unitCode: '03445',
          date: '2026-03-02',
          guidedOnline: false,
          typedBy: 'officer_on_behalf',
          outcome: 'filed_paper',
          visits: 2,
        }),
      ],
      { from: '2026-03-01', to: '2026-03-31' },
      (code) => (code === '03445' ? 'Xã Mường Tè' : null),
    );
    expect(s.rows.map((r) => [r.date, r.unitCode, r.visits])).toEqual([
      ['2026-03-02', '03388', 1],
      ['2026-03-02', '03445', 6],
      ['2026-03-03', '03445', 1],
    ]);
    const muongTe = s.rows[1]!;
    expect(muongTe).toMatchObject({
      unitName: 'Xã Mường Tè',
      guidedOnline: 4,
      guidedOnlineShare: 0.6667,
      typedBy: { citizen_alone: 3, citizen_helped: 0, officer_on_behalf: 3, none: 0 },
      outcomes: { filed_online: 4, filed_paper: 2, information_only: 0, referred: 0, incomplete_documents: 0 },
      selfFiledOnline: 3,
      selfFiledOnlineShare: 0.75,
    });
    expect(s.rows[0]).toMatchObject({ unitName: null, guidedOnlineShare: 0, selfFiledOnlineShare: null });
  });

  it('computes the totals’ shares from summed counts, not as an average of the rows’ shares', () => {
    // Row A: 1 of 1 guided (100%); row B: 0 of 9 guided (0%). The mean of shares would be 50%; the true share is 10%.
    const s = summarise(
      [
        g({ unitCode: 'A', visits: 1 }),
        g({ unitCode: 'B', guidedOnline: false, typedBy: null, outcome: 'referred', visits: 9 }),
      ],
      { from: '2026-03-02', to: '2026-03-02' },
    );
    expect(s.totals).toMatchObject({
      visits: 10,
      guidedOnline: 1,
      guidedOnlineShare: 0.1,
      selfFiledOnline: 1,
      selfFiledOnlineShare: 1,
    });
    const summed = s.rows.reduce((n, r) => n + r.visits, 0);
    expect(summed).toBe(s.totals.visits);
  });

  it('keeps every breakdown adding up to the visits', () => {
    const s = summarise(
      [
        g({ visits: 4 }),
        g({ typedBy: 'citizen_helped', visits: 2 }),
        g({ typedBy: null, outcome: 'incomplete_documents', guidedOnline: false, visits: 5 }),
        g({ typedBy: 'officer_on_behalf', outcome: 'filed_paper', guidedOnline: false, visits: 7 }),
      ],
      { from: '2026-03-02', to: '2026-03-02' },
    );
    const t = s.totals;
    const sum = (o: Record<string, number>) => Object.values(o).reduce((a, b) => a + b, 0);
    expect(t.visits).toBe(18);
    expect(sum(t.typedBy)).toBe(18);
    expect(sum(t.outcomes)).toBe(18);
    expect(t.selfFiledOnlineShare).toBe(1);
    expect(t.guidedOnlineShare).toBe(0.3333);
  });

  it('ignores empty groups', () => {
    expect(summarise([g({ visits: 0 })], { from: '2026-03-02', to: '2026-03-02' }).rows).toEqual([]);
  });
});
