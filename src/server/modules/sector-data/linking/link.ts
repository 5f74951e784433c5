/**
 * The linking engine (issue 16 §3): each list row is tied to a registry person, or not, with an
 * outcome, a score and its explanation. Pure: it reads the registry only through a
 * {@link RegistryView} and changes nothing. Rows are linked in chunks (one registry round trip
 * per chunk); a linker remembers the rows it has seen, to find two rows of one person.
 */
import {
  compareRow,
  discrepancies,
  prepareRow,
  preparePerson,
  type ComparisonVector,
  type PreparedPerson,
  type PreparedRow,
} from './compare';
import { isoOf } from './dates';
import { idSays } from './fields';
import { phoneticNameKey } from './names';
import {
  DEFAULT_WEIGHTS,
  pairScore,
  scoreVector,
  vectorScore,
  weightTable,
  type FieldScore,
  type FieldWeights,
} from './weights';
import {
  blockingKeyId,
  type BlockingKey,
  type LinkField,
  type LinkOutcome,
  type ListRow,
  type RegistryPerson,
  type RegistryView,
} from './types';

/** Score thresholds, in log2 Bayes-factor units (ADR 0029). */
export interface LinkThresholds {
  /** At or above: linked (`matched` / `matched_with_discrepancies`). */
  match: number;
  /** At or above (below `match`): `probable`, for an officer to review. */
  review: number;
  /** The best candidate must beat the second by this much to be linked; otherwise `probable`. */
  margin: number;
}

/** Defaults chosen from the weights before any generated list was run (ADR 0029). */
export const DEFAULT_THRESHOLDS: LinkThresholds = { match: 20, review: 10, margin: 6 };

export interface LinkOptions {
  /** The current year (two-digit years, future dates). */
  referenceYear: number;
  weights?: FieldWeights;
  thresholds?: LinkThresholds;
}

/** A candidate person and the score of the pair. */
export interface ScoredCandidate {
  personId: string;
  nationalId: string | null;
  score: number;
}

/** The result of one row. */
export interface RowLink {
  row: number;
  outcome: LinkOutcome;
  /** The person the row is (linked, duplicate, or the real person behind someone else's ID); absent when none. */
  personId?: string;
  /** That person's 12-digit number (the CLI's `national_id` column). */
  nationalId?: string;
  /** The pair's total score (log2 Bayes factor); absent when nobody was compared. */
  score?: number;
  /** Fields whose values differ between the row and the person. */
  disagreements: LinkField[];
  /** The score field by field. */
  explanation: FieldScore[];
  /** Best candidates (at most 3) of a `probable` row. */
  candidates?: ScoredCandidate[];
  /** `duplicate_in_list`: the first row of the same person. */
  duplicateOfRow?: number;
  /** `id_belongs_to_someone_else`: the person who holds the row's ID number. */
  idHolder?: { personId: string; nationalId: string };
}

/** Counters of a linker's work, for the benchmark. */
export interface LinkStats {
  rows: number;
  pairsCompared: number;
}

/** A compared pair: its score only; the explanation and the disagreements are built for the pairs kept. */
interface Scored {
  candidate: PreparedPerson;
  score: number;
  vector: ComparisonVector;
  omit: readonly LinkField[];
}

/** The explanation of a pair's score and the fields that differ. */
interface Explained {
  explanation: FieldScore[];
  disagreements: LinkField[];
}

const NO_FIELDS: readonly LinkField[] = [];

/** Where {@link createLinker}'s `prep` leaves a person's keys on the person object (a cache, nothing else). */
const PREPARED = Symbol('prepared person');

/**
 * Blocking keys of a row: its birth days, and year + name keys (the ID's birth year too). The
 * province-wide phonetic keys (`year_phonetic`, three years each) are the costly ones to answer:
 * `phonetic: false` leaves them out (the linker asks them only for rows the others did not settle).
 */
export function blockingKeysOf(row: PreparedRow, options: { phonetic?: boolean } = {}): BlockingKey[] {
  const keys: BlockingKey[] = [];
  const years = new Set<number>();
  if (row.date.kind === 'date') {
    for (const d of [row.date.date, ...row.date.alternatives]) {
      const iso = isoOf(d);
      if (iso) keys.push({ kind: 'birth_date', birthDate: iso });
    }
    years.add(row.date.date.year);
  }
  if (row.id.kind === 'personal_id') {
    const says = idSays(row.id.value);
    if (says) years.add(says.birthYear);
  }
  if (row.id.kind === 'legacy_cmnd') keys.push({ kind: 'legacy_id', legacyId: row.id.value });
  if (row.name && row.name.given !== '') {
    const phonetic = options.phonetic === false ? '' : phoneticNameKey(`${row.name.family} ${row.name.given}`);
    for (const year of years) {
      if (row.unitCode)
        keys.push({ kind: 'year_given_unit', birthYear: year, given: row.name.given, unitCode: row.unitCode });
      if (options.phonetic !== false)
        for (const y of [year - 1, year, year + 1])
          keys.push({ kind: 'year_phonetic', birthYear: y, phonetic, folded: row.name.folded });
    }
  }
  return keys;
}

/** Only the phonetic keys of a row (see {@link blockingKeysOf}). */
function phoneticKeysOf(row: PreparedRow): BlockingKey[] {
  return blockingKeysOf(row).filter((k) => k.kind === 'year_phonetic');
}

/** A row says it is someone clearly other than the holder of its ID number (the levels of the fields scored). */
function clearlySomeoneElse(s: Scored): boolean {
  const level = <F extends LinkField>(field: F) =>
    s.vector[field] === 'missing' || s.omit.includes(field) ? undefined : s.vector[field];
  const name = level('name');
  const date = level('birthDate');
  if (name === 'different') return true;
  const nameWeak = name !== undefined && name !== 'exact' && name !== 'unaccented';
  const dateOff = date === 'different' || date === 'same_year';
  return (nameWeak && dateOff) || (dateOff && level('sex') === 'disagree');
}

/** Creates a linker over a registry view. Call {@link Linker.link} with consecutive chunks of one list. */
export function createLinker(registry: RegistryView, options: LinkOptions) {
  const weights = options.weights ?? DEFAULT_WEIGHTS;
  const thresholds = options.thresholds ?? DEFAULT_THRESHOLDS;
  const stats: LinkStats = { rows: 0, pairsCompared: 0 };
  const firstRowOfPerson = new Map<string, number>();
  const firstRowOfUnlinked = new Map<string, number>();
  const prepared = new Map<string, PreparedPerson>();

  /**
   * A person's keys, computed once a list: remembered by id, and on the person object the view gave
   * (one property read for each of the many times a chunk meets it, instead of a look-up in a map of
   * every person seen — that look-up was the engine's largest single cost).
   */
  const prep = (p: RegistryPerson): PreparedPerson => {
    const carrier = p as RegistryPerson & { [PREPARED]?: PreparedPerson };
    let hit = carrier[PREPARED];
    if (hit) return hit;
    hit = prepared.get(p.personId);
    if (!hit) {
      if (prepared.size > 1_000_000) prepared.clear();
      hit = preparePerson(p);
      prepared.set(p.personId, hit);
    }
    carrier[PREPARED] = hit;
    return hit;
  };

  const table = weightTable(weights);

  const score = (row: PreparedRow, candidate: PreparedPerson, omit: readonly LinkField[] = NO_FIELDS): Scored => {
    stats.pairsCompared++;
    const vector = compareRow(row, candidate);
    return { candidate, score: vectorScore(vector, table, omit), vector, omit };
  };

  const explain = (s: Scored): Explained => ({
    explanation: scoreVector(s.vector, weights, s.omit).explanation,
    disagreements: discrepancies(s.vector).filter((f) => !s.omit.includes(f)),
  });

  const linked = (row: PreparedRow, s: Scored, outcome?: LinkOutcome): RowLink => {
    const { explanation, disagreements } = explain(s);
    return {
      row: row.row,
      outcome: outcome ?? (disagreements.length === 0 ? 'matched' : 'matched_with_discrepancies'),
      personId: s.candidate.person.personId,
      ...(s.candidate.person.nationalId ? { nationalId: s.candidate.person.nationalId } : {}),
      score: round(s.score),
      disagreements,
      explanation,
    };
  };

  /** Search by blocking: the best candidate, decided against the thresholds. */
  const search = (
    row: PreparedRow,
    pool: PreparedPerson[],
    exclude?: string,
    omit: readonly LinkField[] = NO_FIELDS,
  ): RowLink => {
    // The three best candidates by score, the smaller person id first among equal scores — not the
    // order the registry answered in, which PostgreSQL does not fix (a parallel plan, a hash join):
    // the same list and registry give the same links. Only they are kept, and only the best explained.
    const top: Array<{ candidate: PreparedPerson; score: number }> = [];
    const before = (s: number, id: string, t: { candidate: PreparedPerson; score: number }) =>
      s > t.score || (s === t.score && id < t.candidate.person.personId);
    for (const candidate of pool) {
      const id = candidate.person.personId;
      if (id === exclude) continue;
      stats.pairsCompared++;
      const s = pairScore(row, candidate, table, omit);
      if (top.length === 3 && !before(s, id, top[2]!)) continue;
      let at = top.length;
      while (at > 0 && before(s, id, top[at - 1]!)) at--;
      top.splice(at, 0, { candidate, score: s });
      if (top.length > 3) top.pop();
    }
    const [first, second] = top;
    const best: Scored | undefined = first && { ...first, vector: compareRow(row, first.candidate), omit };
    if (!best || best.score < thresholds.review)
      return {
        row: row.row,
        outcome: 'not_found',
        disagreements: [],
        explanation: best ? explain(best).explanation : [],
        ...(best ? { score: round(best.score) } : {}),
      };
    if (best.score >= thresholds.match && (!second || best.score - second.score >= thresholds.margin))
      return linked(row, best);
    return {
      ...linked(row, best, 'probable'),
      candidates: top.map((s) => ({
        personId: s.candidate.person.personId,
        nationalId: s.candidate.person.nationalId,
        score: round(s.score),
      })),
    };
  };

  /**
   * A row whose ID number's holder it plausibly is: linked to the holder, without a search. Otherwise
   * (no holder, or clearly someone else) undefined, and the row is searched for by blocking.
   */
  const byHolder = (row: PreparedRow, holder: PreparedPerson | undefined): RowLink | undefined => {
    if (!holder) return undefined;
    const withoutId = score(row, holder, ['nationalId']);
    return clearlySomeoneElse(withoutId) ? undefined : linked(row, score(row, holder));
  };

  const decide = (row: PreparedRow, holder: PreparedPerson | undefined, pool: PreparedPerson[]): RowLink => {
    if (!holder) return search(row, pool);
    const withoutId = score(row, holder, ['nationalId']);
    // The row's number is known to be someone else's (byHolder said so): it says nothing of who the row is.
    const really = search(row, pool, holder.person.personId, ['nationalId']);
    const found = really.outcome === 'matched' || really.outcome === 'matched_with_discrepancies';
    const why: Explained = found ? really : explain(withoutId);
    return {
      row: row.row,
      outcome: 'id_belongs_to_someone_else',
      ...(found
        ? {
            personId: really.personId!,
            ...(really.nationalId ? { nationalId: really.nationalId } : {}),
            score: really.score!,
          }
        : {}),
      disagreements: why.disagreements,
      explanation: why.explanation,
      idHolder: { personId: holder.person.personId, nationalId: holder.person.nationalId! },
    };
  };

  /** A search that found its person (or, for someone else's number, the person the row really is): final. */
  const settled = (link: RowLink): boolean =>
    link.outcome === 'matched' ||
    link.outcome === 'matched_with_discrepancies' ||
    (link.outcome === 'id_belongs_to_someone_else' && link.personId !== undefined);

  /** Marks the second and later rows of one person (or of one unlinked name + date) as duplicates. */
  const markDuplicates = (row: PreparedRow, link: RowLink): RowLink => {
    const linkedToPerson = link.personId !== undefined && link.outcome !== 'probable';
    const key = linkedToPerson ? link.personId! : unlinkedKey(row);
    if (key === undefined) return link;
    const seen = linkedToPerson ? firstRowOfPerson : firstRowOfUnlinked;
    const first = seen.get(key);
    if (first === undefined) seen.set(key, row.row);
    // Someone else's number is the finding to report, even on a second row of the person.
    if (first === undefined || link.outcome === 'id_belongs_to_someone_else') return link;
    return { ...link, outcome: 'duplicate_in_list', duplicateOfRow: first };
  };

  /**
   * The three steps of {@link Linker.link} for one chunk, duplicates not yet marked: a chunk's own
   * work, so that the next chunk's can run while this one waits on the registry.
   */
  const resolve = async (rows: readonly ListRow[]): Promise<ResolvedChunk> => {
    const prepped = rows.map((r) => prepareRow(r, options.referenceYear));
    const ids = [...new Set(prepped.flatMap((r) => (r.id.kind === 'personal_id' ? [r.id.value] : [])))];
    const holders = new Map((await registry.byNationalIds(ids)).map((p) => [p.nationalId!, prep(p)]));
    const holderOf = (row: PreparedRow) => (row.id.kind === 'personal_id' ? holders.get(row.id.value) : undefined);
    stats.rows += rows.length;
    const results: Array<RowLink | undefined> = prepped.map((row) => byHolder(row, holderOf(row)));

    const pools = new Map<number, Map<string, PreparedPerson>>();
    const searchWith = async (open: number[], keysOf: (row: PreparedRow) => BlockingKey[]) => {
      const keys = open.map((i) => keysOf(prepped[i]!));
      const unique = new Map(keys.flat().map((k) => [blockingKeyId(k), k]));
      const answers = unique.size
        ? await registry.byBlockingKeys([...unique.values()])
        : new Map<string, RegistryPerson[]>();
      open.forEach((i, n) => {
        const pool = pools.get(i) ?? new Map<string, PreparedPerson>();
        for (const key of keys[n]!)
          for (const p of answers.get(blockingKeyId(key)) ?? []) pool.set(p.personId, prep(p));
        pools.set(i, pool);
        results[i] = decide(prepped[i]!, holderOf(prepped[i]!), [...pool.values()]);
      });
    };
    const unlinked = () => results.flatMap((r, i) => (r === undefined || !settled(r) ? [i] : []));
    const searched = results.flatMap((r, i) => (r === undefined ? [i] : []));
    await searchWith(searched, (row) => blockingKeysOf(row, { phonetic: false }));
    await searchWith(
      unlinked().filter((i) => pools.has(i)),
      phoneticKeysOf,
    );
    return { prepped, results: results as RowLink[] };
  };

  /** Marks a resolved chunk's duplicates: call in the list's order, one chunk after the other. */
  const finish = (chunk: ResolvedChunk): RowLink[] =>
    chunk.prepped.map((row, i) => markDuplicates(row, chunk.results[i]!));

  return {
    stats,
    /**
     * Links a chunk of rows in three steps, each asking the registry once for the rows still open:
     * (1) the holders of the rows' ID numbers — a row its holder plausibly is, is linked to them;
     * (2) the other rows by their cheap blocking keys (birth day, year + given name + commune, old
     * CMND); (3) the rows (2) did not link, again with the province-wide phonetic keys added — the
     * costly question, asked for the few rows that need it. Duplicates are marked in row order.
     */
    async link(rows: readonly ListRow[]): Promise<RowLink[]> {
      return finish(await resolve(rows));
    },
    /**
     * {@link Linker.link} in two halves, for a caller that keeps the registry busy: `resolve` may run
     * for the next chunk while this one's is awaited (at most a few chunks ahead: each holds its
     * rows and candidates), and `finish` must then be called on the chunks in the list's order.
     * The outcomes are those of `link`, chunk for chunk.
     */
    resolve,
    finish,
  };
}

/** A chunk linked but for its duplicates (see {@link Linker.resolve}). */
export interface ResolvedChunk {
  readonly prepped: readonly PreparedRow[];
  readonly results: readonly RowLink[];
}

/** A linker (see {@link createLinker}). */
export type Linker = ReturnType<typeof createLinker>;

function unlinkedKey(row: PreparedRow): string | undefined {
  if (!row.name || row.date.kind !== 'date') return undefined;
  return `${row.name.folded}|${isoOf(row.date.date) ?? row.date.date.year}`;
}

const round = (n: number) => Math.round(n * 100) / 100;

/** Links a whole list in chunks; returns one result per row, in order, and the work counters. */
export async function linkList(
  rows: readonly ListRow[],
  registry: RegistryView,
  options: LinkOptions & { chunkSize?: number },
): Promise<{ links: RowLink[]; stats: LinkStats }> {
  const linker = createLinker(registry, options);
  const size = options.chunkSize ?? 1000;
  const links: RowLink[] = [];
  for (let i = 0; i < rows.length; i += size) links.push(...(await linker.link(rows.slice(i, i + size))));
  return { links, stats: linker.stats };
}
