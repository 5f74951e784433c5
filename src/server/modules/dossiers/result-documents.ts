import { createHash, randomBytes } from 'node:crypto';
import { todayInVietnam } from '../../../contracts/common';
import type { RegistryEffect } from '../../../contracts/procedures';
import { HOUSEHOLD_RELATIONS, residenceFactsOf, type Reader } from '../population';
import type { ProcedureVersion } from '../procedures';
import { renderResultDocument, type ResultDocumentData, type ResultDocumentKind } from '../slips';
import { getUnitNames } from '../units';
import type { CheckedFile } from './attachments';
import { listSteps, type DossierRow } from './dossiers.repository';
import { DEATH_GROUND } from './registry-effects.civil-status';
import type { Db } from '../../platform/db';

/**
 * Attachment key of a result document ("result_ct07"): never a document code of a procedure (those
 * are what citizens upload, checked against the version's documents), so a citizen cannot upload one.
 */
export const resultDocumentKey = (kind: ResultDocumentKind): string => `result_${kind.toLowerCase()}`;

/** The province of the documents (still one constant: the province's name should come from units by PROVINCE_CODE). */
const PROVINCE_NAME = 'Lai Châu';

const text = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v : undefined);
const isoDate = (v: unknown): string | undefined =>
  typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) ? v : undefined;

/**
 * The structured address of a registration (from 5/12/2026: house and street, village, and the
 * commune — the dossier's, which received it there), written as one line.
 */
function structuredAddress(form: Record<string, unknown>, communeName: string): string | undefined {
  const village = text(form.addressVillage);
  if (!village) return undefined;
  return [text(form.addressStreet), village, communeName, `tỉnh ${PROVINCE_NAME}`].filter(Boolean).join(', ');
}

/** The label of a select answer as the form shows it (CT03 prints the case of Art. 31(1) in words). */
function answerLabel(version: ProcedureVersion, field: string, value: unknown): string | undefined {
  const option = version.form.fields[field]?.options?.find((o) => o.value === value);
  return option?.labelVi ?? text(value);
}

/**
 * The person a CT08 of an interlinked group is about, who is not the applicant: the child the
 * group registered (its new ID number, the household's address), or the deceased whose permanent
 * residence the group deleted. Undefined for any other dossier.
 */
function groupSubject(
  row: Pick<DossierRow, 'form'> & Partial<Pick<DossierRow, 'registryOutcome'>>,
  unitName: string,
): { person: ResultDocumentData['person']; content: string } | undefined {
  const form = row.form;
  const outcome = row.registryOutcome ?? {};
  if (outcome.childNationalId) {
    const sex = form.childSex === 'male' || form.childSex === 'female' ? form.childSex : undefined;
    // Where the residence step registered the child (the household's address in the registry).
    const placed = outcome.childResidence;
    const address = placed ? fullAddress(placed.addressLine, unitName) : text(form.householdAddress);
    return {
      person: {
        fullName: outcome.childFullName ?? text(form.childFullName) ?? '',
        birthDate: isoDate(form.childBirthDate),
        sex,
        nationalId: outcome.childNationalId,
        address: placed ? address : address ? fullAddress(address, unitName) : undefined,
      },
      content: `Đăng ký thường trú cho trẻ vào hộ của chủ hộ ${text(form.householdHeadFullName) ?? ''} (liên thông đăng ký khai sinh – đăng ký thường trú)`,
    };
  }
  if (text(form.deceasedNationalId) && text(form.deceasedFullName)) {
    return {
      person: {
        fullName: text(form.deceasedFullName)!,
        birthDate: isoDate(form.deceasedBirthDate),
        nationalId: text(form.deceasedNationalId),
      },
      content:
        outcome.deceasedResidenceEnded === false
          ? 'Không xóa đăng ký thường trú: CSDL về cư trú không có nơi thường trú đang có hiệu lực của người đã mất (liên thông đăng ký khai tử – xóa đăng ký thường trú)'
          : `Xóa đăng ký thường trú: ${DEATH_GROUND} (liên thông đăng ký khai tử – xóa đăng ký thường trú)`,
    };
  }
  return undefined;
}

/** What a result document of this dossier prints: the person and the answers of its form. */
export function resultDocumentData(
  kind: ResultDocumentKind,
  row: Pick<DossierRow, 'code' | 'applicantName' | 'form'> & Partial<Pick<DossierRow, 'registryOutcome'>>,
  version: ProcedureVersion,
  ctx: { unitName: string; officerName: string; now: Date },
): ResultDocumentData {
  const form = row.form;
  const group = kind === 'CT08' ? groupSubject(row, ctx.unitName) : undefined;
  const sex = form.sex === 'male' || form.sex === 'female' ? form.sex : undefined;
  const absence =
    kind === 'CT03'
      ? {
          from: isoDate(form.absenceFrom) ?? '',
          to: isoDate(form.absenceTo) ?? '',
          destination: text(form.destination) ?? '',
        }
      : undefined;
  return {
    kind,
    agencyName: `Công an ${ctx.unitName}`,
    parentAgencyName: `Công an tỉnh ${PROVINCE_NAME}`,
    provinceName: PROVINCE_NAME,
    placeName: ctx.unitName.replace(/^(xã|phường)\s+/i, ''),
    dossierCode: row.code ?? '',
    procedureName: version.nameVi,
    person: group?.person ?? {
      fullName: text(form.fullName) ?? row.applicantName,
      birthDate: isoDate(form.birthDate),
      sex,
      nationalId: text(form.nationalId),
      address: text(form.address) ?? structuredAddress(form, ctx.unitName) ?? text(form.stayAddress),
    },
    content:
      group?.content ??
      (kind === 'CT03' ? answerLabel(version, 'supervisionStatus', form.supervisionStatus) : text(form.requestContent)),
    absence,
    officerName: ctx.officerName,
    issuedAt: ctx.now,
  };
}

/** The register_birth effect of a version: its own (1.001193), or its group's birth step (LT.01). */
type BirthEffect = Extract<RegistryEffect, { kind: 'register_birth' }>;
function birthEffectOf(version: Pick<ProcedureVersion, 'registryEffect' | 'components'>): BirthEffect | undefined {
  const effects = [
    version.registryEffect,
    ...version.components.map((c) => (c.step?.kind === 'registry' ? c.step.effect : null)),
  ];
  return effects.find((e): e is BirthEffect => e?.kind === 'register_birth');
}

/**
 * The documents issued with this dossier's result: those its version declares, and the electronic
 * birth extract of a birth its decision registered (a newborn's ID number in its outcome, from the
 * register_birth effect of 1.001193 or of the interlinked group's birth step).
 */
export function resultDocumentKinds(
  row: Partial<Pick<DossierRow, 'registryOutcome'>>,
  version: Pick<ProcedureVersion, 'resultDocuments' | 'registryEffect' | 'components'>,
): ResultDocumentKind[] {
  const born = row.registryOutcome?.childNationalId && birthEffectOf(version);
  return [...version.resultDocuments, ...(born ? (['BIRTH_EXTRACT'] as const) : [])];
}

/**
 * What a birth extract prints, from the dossier: the child as the registry recorded it (name and new
 * ID number from the outcome; birth date and sex from the fields the effect read), the other answers
 * of the birth form (place of birth, ethnicity, nationality, the parents), and where and when the
 * birth was registered — the day the birth step ended for a group, the decision's day otherwise.
 */
async function birthExtractData(
  db: Db,
  row: DossierRow,
  version: ProcedureVersion,
  ctx: { unitName: string; officerName: string; now: Date },
): Promise<ResultDocumentData> {
  const form = row.form;
  const outcome = row.registryOutcome ?? {};
  const effect = birthEffectOf(version)!;
  const field = (name: string | undefined) => (name ? text(form[name]) : undefined);
  const parent = (prefix: 'mother' | 'father') => {
    const fullName = text(form[`${prefix}FullName`]);
    return fullName ? { fullName, birthDate: isoDate(form[`${prefix}BirthDate`]) } : undefined;
  };
  const step = (await listSteps(db, row.id)).find((s) => s.outcome?.childNationalId === outcome.childNationalId);
  const sex = form[effect.sex];
  return {
    kind: 'BIRTH_EXTRACT',
    agencyName: `Ủy ban nhân dân ${ctx.unitName}`,
    parentAgencyName: `Ủy ban nhân dân tỉnh ${PROVINCE_NAME}`,
    provinceName: PROVINCE_NAME,
    placeName: ctx.unitName.replace(/^(xã|phường)\s+/i, ''),
    dossierCode: row.code ?? '',
    procedureName: version.nameVi,
    person: {
      fullName: outcome.childFullName ?? field(effect.fullName) ?? '',
      birthDate: isoDate(form[effect.birthDate]),
      sex: sex === 'male' || sex === 'female' ? sex : undefined,
      nationalId: outcome.childNationalId,
    },
    birth: {
      birthPlace: text(form.childBirthPlace),
      ethnicity: field(effect.ethnicity),
      nationality: field(effect.nationality),
      mother: parent('mother'),
      father: parent('father'),
      registeredBy: `Ủy ban nhân dân ${ctx.unitName}, tỉnh ${PROVINCE_NAME}`,
      registeredOn: todayInVietnam(step?.endedAt ?? row.decidedAt ?? ctx.now),
    },
    officerName: ctx.officerName,
    issuedAt: ctx.now,
  };
}

/** A verification row of an issued document (dossiers.result_verifications), written in the issue's transaction. */
export interface ResultVerificationRow {
  token: string;
  dossierId: string;
  kind: ResultDocumentKind | typeof REFUSAL_KIND;
  issuedAt: Date;
  validUntil: string | null;
  agencyName: string;
  facts: Record<string, unknown>;
  pdfSha256: string;
}

/** An address line with its commune and province, unless the line already names them (as loaded registry lines often do). */
export function fullAddress(line: string, communeName: string): string {
  const has = (part: string) => line.toLocaleLowerCase('vi').includes(part.toLocaleLowerCase('vi'));
  return [line, has(communeName) ? null : communeName, has(`tỉnh ${PROVINCE_NAME}`) ? null : `tỉnh ${PROVINCE_NAME}`]
    .filter(Boolean)
    .join(', ');
}

/** "0121******89": enough for a verifier to compare with the card shown, not the number itself. */
export const maskNationalId = (id: string | undefined): string | undefined =>
  id ? `${id.slice(0, 4)}${'*'.repeat(Math.max(0, id.length - 6))}${id.slice(-2)}` : undefined;

/** The day `days` after an ISO date, less one (a validity of N days counting the day of issue). */
function lastDayOf(from: string, days: number): string {
  const d = new Date(`${from}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days - 1);
  return d.toISOString().slice(0, 10);
}

const dmy = (iso: string) => iso.split('-').reverse().join('/');

/**
 * CT07: the registry's facts on the day of issue — the permanent residence (address and since
 * when), the temporary residence, the household head and relation, a temporary absence.
 */
async function registryFactsFor(
  db: Db,
  personId: string,
  on: string,
  unitName: (code: string) => string,
  read: { reader: Reader; dossierCode?: string },
): Promise<{ address?: string; lines: Array<{ label: string; value: string }> } | undefined> {
  const facts = await residenceFactsOf(db, personId, on, read);
  if (!facts) return undefined;
  const where = (unitCode: string, line: string) => fullAddress(line, unitName(unitCode));
  const lines: Array<{ label: string; value: string }> = [];
  if (facts.permanent) lines.push({ label: 'Đăng ký thường trú từ ngày', value: dmy(facts.permanent.since) });
  if (facts.temporary)
    lines.push({
      label: 'Nơi tạm trú',
      value: `${where(facts.temporary.unitCode, facts.temporary.addressLine)} (từ ngày ${dmy(facts.temporary.since)}${
        facts.temporary.until ? ` đến ngày ${dmy(facts.temporary.until)}` : ''
      })`,
    });
  if (facts.household) {
    lines.push({ label: 'Họ và tên chủ hộ', value: facts.household.headName });
    const relation = HOUSEHOLD_RELATIONS.find((r) => r.code === facts.household!.relationToHead)?.labelVi;
    if (relation) lines.push({ label: 'Quan hệ với chủ hộ', value: relation });
  }
  if (facts.absence)
    lines.push({
      label: 'Đang tạm vắng',
      value: `từ ngày ${dmy(facts.absence.from)} đến ngày ${dmy(facts.absence.until)}, nơi đến: ${facts.absence.destination}`,
    });
  return {
    address: facts.permanent ? where(facts.permanent.unitCode, facts.permanent.addressLine) : undefined,
    lines,
  };
}

/**
 * The result documents of the dossier (`resultDocumentKinds`: CT03, CT07, CT08 as its version
 * declares; the birth extract of a birth it registered), rendered as PDFs when its result is issued,
 * ready to be stored as the dossier's attachments (the citizen receives them with the result), each
 * with its verification row: its QR code opens `<publicUrl>/xac-thuc/<token>`, which shows what it
 * certified. A CT07 certifies the registry's facts on the day of issue and is valid for the
 * version's `resultValidDays`; a birth extract has no limit. None when there are none, or when the
 * dossier was refused (the refusal slip CT06 is its answer).
 */
export async function renderResultDocuments(
  db: Db,
  row: DossierRow,
  version: ProcedureVersion,
  ctx: { officerName: string; now: Date; publicUrl: string; reader: Reader },
): Promise<{ files: CheckedFile[]; verifications: ResultVerificationRow[] }> {
  const none = { files: [], verifications: [] };
  const kinds = resultDocumentKinds(row, version);
  if (row.state !== 'approved' || kinds.length === 0) return none;
  const today = todayInVietnam(ctx.now);
  const names = await getUnitNames(db, today).catch(() => () => undefined);
  const unitName = (code: string) => names(code) ?? code;
  const files: CheckedFile[] = [];
  const verifications: ResultVerificationRow[] = [];
  for (const kind of kinds) {
    const token = randomBytes(18).toString('base64url');
    const data =
      kind === 'BIRTH_EXTRACT'
        ? await birthExtractData(db, row, version, { ...ctx, unitName: unitName(row.unitCode) })
        : resultDocumentData(kind, row, version, { ...ctx, unitName: unitName(row.unitCode) });
    // A CT07 whose form took the address from the registry, locked (1.010041), certifies the registry as it is
    // on the day of issue; one whose address the citizen could declare (1.010040) certifies the declaration.
    const address = version.form.fields.address;
    if (kind === 'CT07' && row.applicantPersonId && address?.source.startsWith('registry') && !address.editable) {
      const registry = await registryFactsFor(db, row.applicantPersonId, today, unitName, {
        reader: ctx.reader,
        dossierCode: row.code ?? undefined,
      });
      if (registry?.address) data.person.address = registry.address;
      if (registry) data.registryFacts = registry.lines;
    }
    if (kind === 'CT07' && version.resultValidDays) data.validUntil = lastDayOf(today, version.resultValidDays);
    data.verifyUrl = `${ctx.publicUrl.replace(/\/$/, '')}/xac-thuc/${token}`;
    const pdf = await renderResultDocument(data);
    files.push({
      documentKey: resultDocumentKey(kind),
      fileName: `${row.code ?? 'ho-so'}-${kind}.pdf`,
      mediaType: 'application/pdf',
      data: pdf,
    });
    verifications.push({
      token,
      dossierId: row.id,
      kind,
      issuedAt: ctx.now,
      validUntil: data.validUntil ?? null,
      agencyName: data.agencyName,
      pdfSha256: createHash('sha256').update(pdf).digest('hex'),
      facts: {
        fullName: data.person.fullName,
        birthDate: data.person.birthDate ?? null,
        nationalIdMasked: maskNationalId(data.person.nationalId) ?? null,
        address: data.person.address ?? null,
        registryFacts: data.registryFacts ?? (data.birth ? birthFacts(data) : []),
        content: data.content ?? null,
        absence: data.absence ?? null,
        procedureName: version.nameVi,
        dossierCode: row.code,
      },
    });
  }
  return { files, verifications };
}

/** What the verification page shows of a birth extract besides the child's name, birth date and masked number. */
function birthFacts(data: ResultDocumentData): Array<{ label: string; value: string }> {
  const b = data.birth!;
  return [
    { label: 'Giới tính', value: data.person.sex === 'female' ? 'Nữ' : 'Nam' },
    ...(b.birthPlace ? [{ label: 'Nơi sinh', value: b.birthPlace }] : []),
    { label: 'Nơi đăng ký khai sinh', value: b.registeredBy },
    { label: 'Ngày đăng ký', value: dmy(b.registeredOn) },
  ];
}

/** The kind of a refusal's verification row: the refusal slip (Mẫu 03 / CT06) is the dossier's answer. */
export const REFUSAL_KIND = 'REFUSAL' as const;

/** The refusing agency as its slip prints it: the commune police for residence, else the commune People's Committee. */
export function refusingAgency(version: { handledByRole: string }, unitName: string): string {
  return version.handledByRole === 'commune_police' ? `Công an ${unitName}` : `Ủy ban nhân dân ${unitName}`;
}

/**
 * The verification row of a refusal, written in the refusal's transaction: the refusal slip's QR
 * code opens `<publicUrl>/xac-thuc/<token>`, which shows who refused which dossier, why and on
 * what legal basis (no ID number). The slip is printed on demand, so no file hash is kept.
 */
export async function refusalVerification(
  db: Db,
  row: Pick<DossierRow, 'id' | 'code' | 'applicantName' | 'unitCode'>,
  version: Pick<ProcedureVersion, 'handledByRole' | 'nameVi'>,
  refusal: {
    reason: string;
    legalBasis: string;
    at: Date;
    /** An interlinked group refused at a step: that step's role and agency (the police, Social Insurance…). */
    by?: { role: string; agencyVi: string };
  },
): Promise<ResultVerificationRow> {
  const names = await getUnitNames(db, todayInVietnam(refusal.at)).catch(() => () => undefined);
  const unitName = names(row.unitCode) ?? row.unitCode;
  const by = refusal.by;
  return {
    token: randomBytes(18).toString('base64url'),
    dossierId: row.id,
    kind: REFUSAL_KIND,
    issuedAt: refusal.at,
    validUntil: null,
    agencyName:
      by && by.role !== 'commune_police' && by.role !== 'civil_status_officer'
        ? by.agencyVi
        : refusingAgency(by ? { handledByRole: by.role } : version, unitName),
    pdfSha256: '',
    facts: {
      titleVi: 'Phiếu từ chối tiếp nhận, giải quyết hồ sơ',
      fullName: row.applicantName,
      content: `Lý do: ${refusal.reason}. Căn cứ: ${refusal.legalBasis}`,
      procedureName: version.nameVi,
      dossierCode: row.code,
    },
  };
}
