import type { Db } from '../../platform/db';
import { todayInVietnam } from '../../../contracts/common';
import type { PersonDetail } from '../../../contracts/population';
import type {
  FieldMeta,
  FieldSource,
  PrefillResult,
  ProcedureForm,
  ProcedureVersion,
} from '../../../contracts/procedures';
import { findOwnRecord, type OwnHousehold } from '../population';
import { inputsOf } from './prefill-stats';

/** The signed-in citizen as the session knows them; `claims` are what the e-ID sign-in asserted. */
export interface CitizenRef {
  personId: string | null;
  nationalId: string | null;
  claims?: Record<string, unknown>;
  /** e-ID assurance level of the session (acr), to tell whether the procedure's level is met. */
  eIdLevel?: number | null;
}

/** What the registry says about the citizen: their record and their household (either may be missing). */
export interface RegistryView {
  person: PersonDetail | null;
  household: OwnHousehold | null;
  today: string;
}

type Member = OwnHousehold['members'][number];

/** An address as one line: the address, then the commune when the line does not already name it. */
function addressText(addressLine: string, unitName: string | null): string {
  return unitName && !addressLine.toLowerCase().includes(unitName.toLowerCase())
    ? `${addressLine}, ${unitName}`
    : addressLine;
}

function currentResidence(person: PersonDetail, kind: 'permanent' | 'temporary', today: string): string | undefined {
  const r = person.residences.find(
    (x) => x.kind === kind && x.validFrom <= today && (!x.validTo || x.validTo >= today),
  );
  return r ? addressText(r.addressLine, r.unitName) : undefined;
}

/** The registry's answer for a 'registry.person' path (undefined = the registry holds no value). */
function personValue(person: PersonDetail, path: string, today: string): unknown {
  switch (path) {
    case 'permanentAddress':
      return currentResidence(person, 'permanent', today);
    case 'temporaryAddress':
      return currentResidence(person, 'temporary', today);
    case 'currentAddress':
      return currentResidence(person, 'temporary', today) ?? currentResidence(person, 'permanent', today);
    case 'currentCommune': {
      const live = (kind: 'permanent' | 'temporary') =>
        person.residences.find((x) => x.kind === kind && x.validFrom <= today && (!x.validTo || x.validTo >= today));
      return (live('temporary') ?? live('permanent'))?.unitCode;
    }
    case 'ethnicity':
      return person.ethnicityName;
    case 'nationality':
      return person.nationality === 'VN' ? 'Việt Nam' : person.nationality;
    case 'idCardNumber':
      return person.idCard.number;
    default:
      return (person as unknown as Record<string, unknown>)[path];
  }
}

/** The other adult of the citizen's couple in the household: the spouse of the head, or the head of a spouse. */
function spouseOf(view: RegistryView): Member | undefined {
  const h = view.household;
  const self = view.person?.id;
  if (!h) return undefined;
  const alive = h.members.filter((m) => m.alive && m.personId !== self);
  if (h.relationToHead === 'head') return alive.find((m) => m.relationToHead === 'spouse');
  if (h.relationToHead === 'spouse') return alive.find((m) => m.relationToHead === 'head');
  return undefined;
}

/** 'mother' / 'father': the woman / man of the couple formed by the citizen and their spouse (e.g. parents of a newborn). */
function parentOf(view: RegistryView, who: string): Member | undefined {
  const sex = who === 'mother' ? 'female' : who === 'father' ? 'male' : undefined;
  if (!sex || !view.household || !view.person) return undefined;
  const self = view.household.members.find((m) => m.personId === view.person?.id);
  return [self, spouseOf(view)].find((m) => m?.sex === sex);
}

/** A member's value for a column key; undefined when the registry holds none. */
function memberColumn(m: Member, key: string): unknown {
  const v = (m as unknown as Record<string, unknown>)[key];
  return v === null ? undefined : v;
}

/** The other living members of the citizen's household, as rows of a members table (its columns only). */
function householdChoices(view: RegistryView, meta: FieldMeta): Array<Record<string, unknown>> {
  const h = view.household;
  if (!h) return [];
  const columns = (meta.columns ?? []).map((c) => c.key);
  return h.members
    .filter((m) => m.alive && m.personId !== view.person?.id)
    .map((m) =>
      Object.fromEntries(
        columns.map((c): [string, unknown] => [c, memberColumn(m, c)]).filter(([, v]) => v !== undefined),
      ),
    );
}

/** The registry's answer for a 'registry.household' path. */
function householdValue(view: RegistryView, path: string): unknown {
  const h = view.household;
  if (!h) return undefined;
  const [who, key] = path.split('.') as [string, string | undefined];
  if (path === 'relationToHead') return h.relationToHead ?? undefined;
  if (path === 'addressLine') return addressText(h.addressLine, h.unitName);
  if (path === 'members') return []; // none chosen: the members are offered as choices (householdChoices)
  const person =
    who === 'head'
      ? h.members.find((m) => m.relationToHead === 'head' && m.alive)
      : who === 'spouse'
        ? spouseOf(view)
        : parentOf(view, who);
  return person && key ? memberColumn(person, key) : undefined;
}

function isAnswer(v: unknown): boolean {
  return v !== undefined && v !== null && v !== '';
}

/**
 * Fills every field whose source the registry or the e-ID can answer. A field without an answer
 * (no record, no household, no value on record) falls back to 'typed' and editable, and is listed
 * in `missing` when its source could have answered. Pure: the registry view is given.
 */
export function resolvePrefill(form: ProcedureForm, view: RegistryView, claims: Record<string, unknown> = {}) {
  const values: Record<string, unknown> = {};
  const sources: Record<string, FieldSource> = {};
  const editable: Record<string, boolean> = {};
  const missing: string[] = [];
  const choices: Record<string, Array<Record<string, unknown>>> = {};
  let typedCount = 0;
  for (const [name, meta] of Object.entries(form.fields)) {
    if (meta.source === 'registry.household' && meta.path === 'members' && view.household)
      choices[name] = householdChoices(view, meta);
    let value: unknown;
    if (meta.source === 'registry.person' && view.person && meta.path)
      value = personValue(view.person, meta.path, view.today);
    else if (meta.source === 'registry.household' && meta.path) value = householdValue(view, meta.path);
    else if (meta.source === 'eid' && meta.path) value = claims[meta.path];
    if (meta.source !== 'typed' && isAnswer(value)) {
      values[name] = value;
      sources[name] = meta.source;
      editable[name] = meta.editable;
      continue;
    }
    if (meta.source !== 'typed') missing.push(name);
    sources[name] = 'typed';
    editable[name] = true;
    typedCount += inputsOf(meta);
  }
  return { values, sources, editable, missing, choices, typedCount };
}

/**
 * Prefills a version's form for a signed-in citizen, through the population module's public
 * functions only (their own record and household — the citizen's own data, not an officer's access).
 * Returns values, per-field sources ('typed' where nothing was filled) and editability.
 */
export async function prefillForm(db: Db, version: ProcedureVersion, citizen: CitizenRef): Promise<PrefillResult> {
  const own = await findOwnRecord(db, citizen.nationalId, { findings: false });
  const person = own?.record ?? null;
  const household = own?.household ?? null;
  const claims = { ...(citizen.nationalId ? { nationalId: citizen.nationalId } : {}), ...citizen.claims };
  const resolved = resolvePrefill(version.form, { person, household, today: todayInVietnam() }, claims);
  return {
    versionId: version.id,
    code: version.code,
    ...resolved,
    eIdLevelOk: (citizen.eIdLevel ?? 0) >= version.requiredEidLevel,
  };
}
