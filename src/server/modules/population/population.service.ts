import type { Database, Db } from '../../platform/db';
import { assertPurpose, recordAccess, subjectFor } from '../audit';
import { AppError, invalidField, notFound } from '../../platform/errors';
import { todayInVietnam } from '../../../contracts/common';
import type { PersonDetail, PersonPageResult, QualityReport, ValidateIdResult } from '../../../contracts/population';
import { getUnitNames } from '../units';
import { checkNationalId, type Sex } from './id-number';
import { ID_PROVINCE_CODES, idProvinceName } from './id-province-codes';
import { searchKey } from './vietnamese-text';
import * as repo from './population.repository';
import { presentDetail, presentSummary } from './population.presenter';
import { checkPerson, latestRun, runQuality, runRuleCounts, runScores } from './quality/engine';
import { QUALITY_RULES } from './quality/rules';

/** Names of the units valid today (units module, cached there for a minute). */
function unitNamesToday(db: Db): Promise<(code: string | null) => string | null> {
  return getUnitNames(db, todayInVietnam());
}

/** Who is reading, for the personal-data access log (PDP Law 91/2025): role and unit, never a name. */
export interface Reader {
  /** The signed-in account; null for a read on the server's command line (then `osUser` says who). */
  accountId: string | null;
  role: string;
  unitCode: string | null;
  requestId: string;
  /** Key of the keyed pseudonym of ID numbers; undefined = do not log (benchmarks only). */
  pseudonymKey?: string;
  /** The operating-system user of a command-line read (recorded in the entry, never shown to the citizen). */
  osUser?: string;
}

/** Records that `reader` saw these persons' records (one entry each, naming the record and the dossier it was opened for), with the purpose when given. */
async function logAccess(
  db: Db,
  reader: Reader,
  action: string,
  people: Array<{ id: string; nationalId: string | null }>,
  purpose: string | null,
  dossierCode?: string,
): Promise<void> {
  if (!reader.pseudonymKey || people.length === 0) return;
  const key = reader.pseudonymKey;
  await recordAccess(
    db,
    people.map((p) => ({
      actorAccountId: reader.accountId,
      actorRole: reader.role,
      actorUnit: reader.unitCode,
      action,
      subject: subjectFor(key, { nationalId: p.nationalId, personId: p.id }),
      purpose,
      requestId: reader.requestId,
      target: { kind: 'person_record' as const, id: p.id, ...(dossierCode && { dossierCode }) },
      ...(reader.osUser && { details: { osUser: reader.osUser } }),
    })),
    { standaloneRead: true }, // a read: the response need not wait for the log's disk flush (ADR 0004)
  );
}

/** Checks a personal ID number against the rules of DOMAIN.md §2, optionally against a birth date and sex. */
export function validateNationalId(input: { id: string; birthDate?: string; sex?: Sex }): ValidateIdResult {
  const birthYear = input.birthDate ? Number(input.birthDate.slice(0, 4)) : undefined;
  const result = checkNationalId({ id: input.id, birthYear, sex: input.sex }, ID_PROVINCE_CODES);
  return {
    valid: result.valid,
    decoded: result.decoded
      ? {
          provinceCode: result.decoded.provinceCode,
          provinceName: idProvinceName(result.decoded.provinceCode),
          sex: result.decoded.sex,
          birthYear: result.decoded.birthYear,
        }
      : undefined,
    problems: result.problems,
  };
}

/**
 * The search key of a typed name, refused (400 naming `name`) when it holds fewer than 2 letters
 * or digits: punctuation, CJK or full-width letters fold to an empty key, which would match every
 * person in the searcher's units (issue #10). The typed length alone is no guard.
 */
function nameKeyOrRefuse(name: string): string {
  const key = searchKey(name);
  if (key.replace(/ /g, '').length < 2) {
    throw invalidField(
      'VALIDATION.INVALID',
      'name',
      'Nhập ít nhất 2 chữ cái hoặc chữ số của họ tên',
      'Enter at least 2 letters or digits of the name',
    );
  }
  return key;
}

export interface SearchInput {
  nationalId?: string;
  name?: string;
  birthDate?: string;
  birthYear?: number;
  unitCode?: string;
  purpose?: string;
  page: number;
  pageSize: number;
}

/**
 * Searches the registry by exact ID number, or by name ignoring diacritics, tone placement and
 * case — only among people living in `unitScope` (the searcher's units; null = the whole province).
 */
export async function searchPersons(
  db: Db,
  input: SearchInput,
  unitScope: ReadonlySet<string> | null = null,
  reader?: Reader,
): Promise<PersonPageResult> {
  const nameKey = input.name === undefined ? undefined : nameKeyOrRefuse(input.name);
  const query = {
    nationalId: input.nationalId,
    nameKey,
    birthDate: input.birthDate,
    birthYear: input.birthYear,
    unitCode: input.unitCode,
    unitScope: unitScope ? [...unitScope] : undefined,
    limit: input.pageSize,
    offset: (input.page - 1) * input.pageSize,
  };
  const onlyId =
    input.nationalId && !nameKey && !input.birthDate && !input.birthYear && !input.unitCode && input.page === 1;
  if (onlyId) {
    const found = await repo.findPersonSummaryByNationalId(db, input.nationalId!);
    const row =
      found && (!unitScope || (found.residenceUnitCode !== null && unitScope.has(found.residenceUnitCode)))
        ? found
        : undefined;
    const unitName = await unitNamesToday(db);
    if (row && reader) await logAccess(db, reader, 'person.search', [row], input.purpose ?? null);
    return {
      items: row ? [presentSummary(row, unitName)] : [],
      total: row ? 1 : 0,
      page: 1,
      pageSize: input.pageSize,
      fuzzy: false,
    };
  }
  let result = await repo.searchPersons(db, query);
  let fuzzy = false;
  if (result.total === 0 && query.nameKey) {
    // Nothing with these words in order: fall back to similar-looking names (typos, transliteration).
    result = await repo.searchPersons(db, { ...query, fuzzy: true });
    fuzzy = result.total > 0;
  }
  const unitName = await unitNamesToday(db);
  if (reader) await logAccess(db, reader, 'person.search', result.rows, input.purpose ?? null);
  return {
    items: result.rows.map((r) => presentSummary(r, unitName)),
    total: result.total,
    page: input.page,
    pageSize: input.pageSize,
    fuzzy,
  };
}

/** A person's full record with residences, household and current quality findings, if the reader's units include the person's commune. */
export async function getPersonDetail(
  db: Db,
  id: string,
  scope: { unitAllowed(unitCode: string | null): boolean } = { unitAllowed: () => true },
  read?: { reader: Reader; purpose: string; dossierCode?: string },
  options: { findings?: boolean } = {},
): Promise<PersonDetail> {
  if (read) {
    // 'self_service' is the citizen's own purpose; an officer must state an official one.
    if (read.purpose === 'self_service')
      throw new AppError(
        'AUDIT.PURPOSE_INVALID',
        'Cán bộ phải chọn mục đích công vụ',
        'Officers must choose an official purpose',
        [
          {
            field: 'purpose',
            code: 'AUDIT.PURPOSE_INVALID',
            messageVi: 'Cán bộ phải chọn mục đích công vụ',
            messageEn: 'Officers must choose an official purpose',
          },
        ],
      );
    await assertPurpose(db, read.purpose);
  }
  const row = await repo.findPerson(db, id);
  // Outside the reader's units the record "does not exist" for them: no hint by guessing ids.
  if (!row || !scope.unitAllowed(row.residenceUnitCode))
    throw notFound('PERSON.NOT_FOUND', 'công dân này trong cơ sở dữ liệu', 'Person');
  const [residences, household, findings, unitName] = await Promise.all([
    repo.listResidences(db, id),
    row.householdId ? repo.findHousehold(db, row.householdId) : Promise.resolve(undefined),
    // The data-quality findings cost a dozen rule queries: forms that only need the facts skip them.
    options.findings === false ? Promise.resolve([]) : checkPerson(db, id, todayInVietnam(), [...ID_PROVINCE_CODES]),
    unitNamesToday(db),
  ]);
  if (read) await logAccess(db, read.reader, 'person.read', [row], read.purpose, read.dossierCode);
  return presentDetail(row, {
    unitName,
    residences: residences.map((r) => ({ ...r, unitName: unitName(r.unitCode) })),
    household: household
      ? {
          id: household.id,
          addressLine: household.addressLine,
          unitCode: household.unitCode,
          relationToHead: row.relationToHead,
          members: household.members,
        }
      : null,
    findings,
  });
}

/** A citizen's household as their own forms need it (procedures prefill): address, head, members. */
export interface OwnHousehold {
  id: string;
  addressLine: string;
  unitCode: string;
  unitName: string | null;
  /** The citizen's relation to the head ('head' when they are the head). */
  relationToHead: string | null;
  members: Array<{
    personId: string;
    fullName: string;
    birthDate: string | null;
    birthYear: number;
    sex: Sex;
    nationalId: string | null;
    relationToHead: string | null;
    alive: boolean;
  }>;
}

/**
 * The signed-in citizen's own record (by the ID number of their e-ID) and their household, with
 * each member's ID number, birth date and sex, read in one statement; undefined when the
 * registry does not hold them. For the citizen's own use (their record page, prefilling and
 * filing their forms): not an officer's access, so not logged.
 */
export async function findOwnRecord(
  db: Db,
  nationalId: string | null,
  options: { findings?: boolean } = {},
): Promise<{ record: PersonDetail; household: OwnHousehold | null } | undefined> {
  const found = nationalId ? await repo.findPersonWithHouseholdByNationalId(db, nationalId) : undefined;
  if (!found) return undefined;
  const { person: row, residences, household } = found;
  const [findings, unitName] = await Promise.all([
    // The data-quality findings cost a dozen rule queries: forms that only need the facts skip them.
    options.findings === false
      ? Promise.resolve([])
      : checkPerson(db, row.id, todayInVietnam(), [...ID_PROVINCE_CODES]),
    unitNamesToday(db),
  ]);
  const record = presentDetail(row, {
    unitName,
    residences: residences.map((r) => ({ ...r, unitName: unitName(r.unitCode) })),
    household: household
      ? {
          id: household.id,
          addressLine: household.addressLine,
          unitCode: household.unitCode,
          relationToHead: row.relationToHead,
          members: household.members.map((m) => ({
            id: m.id,
            fullName: m.fullName,
            birthYear: m.birthYear,
            relationToHead: m.relationToHead,
          })),
        }
      : null,
    findings,
  });
  return {
    record,
    household: household && {
      id: household.id,
      addressLine: household.addressLine,
      unitCode: household.unitCode,
      unitName: unitName(household.unitCode),
      relationToHead: row.relationToHead,
      members: household.members.map((m) => ({
        personId: m.id,
        fullName: m.fullName,
        birthDate: m.birthDate,
        birthYear: m.birthYear,
        sex: m.sex,
        nationalId: m.nationalId,
        relationToHead: m.relationToHead,
        alive: m.status === 'alive',
      })),
    },
  };
}

/** The signed-in citizen's own record (by the ID number of their e-ID); not logged as an officer's access. */
export async function getOwnRecord(
  db: Db,
  nationalId: string | null,
  options: { findings?: boolean } = {},
): Promise<PersonDetail> {
  const own = await findOwnRecord(db, nationalId, options);
  if (!own)
    throw notFound(
      'PERSON.NOT_FOUND',
      'hồ sơ của bạn trong cơ sở dữ liệu dân cư của tỉnh',
      'Your record in the province registry',
    );
  return own.record;
}

/** Runs the quality engine over the whole registry and returns its run id. */
export async function runQualityCheck(
  database: Database,
  asOf = todayInVietnam(),
  onRule?: (code: string, done: number, total: number) => void,
): Promise<number> {
  return runQuality(database, { asOf, idProvinceCodes: [...ID_PROVINCE_CODES], onRule });
}

/** The latest quality report: province and per-commune scores, findings per rule; undefined before any run. */
export async function getQualityReport(db: Db): Promise<QualityReport | undefined> {
  const run = await latestRun(db);
  if (!run) return undefined;
  const [scores, counts, unitName] = await Promise.all([
    runScores(db, run.id),
    runRuleCounts(db, run.id),
    unitNamesToday(db),
  ]);
  const named = scores.map((s) => ({ ...s, unitName: s.unitCode === '*' ? null : unitName(s.unitCode) }));
  const province = named.find((s) => s.unitCode === '*') ?? {
    unitCode: '*',
    unitName: null,
    persons: 0,
    personsWithFindings: 0,
    score: 1,
    byClass: {},
  };
  return {
    runId: run.id,
    asOf: run.asOf,
    finishedAt: run.finishedAt,
    province,
    communes: named.filter((s) => s.unitCode !== '*'),
    rules: QUALITY_RULES.map((r) => ({
      code: r.code,
      class: r.class,
      severity: r.severity,
      titleVi: r.titleVi,
      titleEn: r.titleEn,
      findings: counts.get(r.code) ?? 0,
    })),
  };
}
