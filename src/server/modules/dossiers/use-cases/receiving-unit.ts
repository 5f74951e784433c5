import type { RegistryChecks } from '../../../../contracts/dossiers';
import type { Unit } from '../../../../contracts/units';
import type { AccessContext } from '../../identity';
import { checkHouseholdHead, temporaryResidenceUnit } from '../../population';
import type { ProcedureVersion } from '../../procedures';
import { findUnitCached } from '../../units';
import * as errors from '../dossiers.errors';
import { mayEnterPaper } from '../dossiers.policy';
import type { DossierDeps } from './deps';

const text = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v.trim() : null);

/** A commune in force on `today`, or undefined. */
async function communeInForce(deps: DossierDeps, code: string, today: string): Promise<Unit | undefined> {
  const unit = await findUnitCached(deps.db, code, today).catch(() => undefined);
  return unit?.level === 'commune' ? unit : undefined;
}

/**
 * The commune that receives a filing: the one the form's `receivingUnitField` names (a
 * registration goes to the police of the commune where the person will live, Residence Law 2020
 * Art. 22, 28), else `fallback` (the commune chosen, or the applicant's residence). Every commune
 * field of the form must hold a commune in force today. An officer entering a paper filing must
 * be allowed to enter filings of that commune.
 */
export async function receivingUnit(
  deps: DossierDeps,
  access: AccessContext,
  version: ProcedureVersion,
  form: Record<string, unknown>,
  fallback: string | null | undefined,
  today: string,
  applicantPersonId: string | null = null,
): Promise<Unit> {
  for (const [name, meta] of Object.entries(version.form.fields)) {
    const code = meta.widget === 'commune' ? text(form[name]) : null;
    if (code && !(await communeInForce(deps, code, today)))
      throw errors.formInvalid([
        {
          field: name,
          vi: `${meta.labelVi}: chọn một xã, phường hiện hành trong danh sách`,
          en: `${meta.labelEn}: choose a commune in force from the list`,
        },
      ]);
  }
  const field = version.form.receivingUnitField;
  let chosen = field ? (text(form[field]) ?? fallback) : fallback;
  if (!field && version.form.receivingUnitFrom === 'temporary_residence') {
    // An extension is filed with the police of the commune of the temporary residence.
    chosen = applicantPersonId ? await temporaryResidenceUnit(deps.db, applicantPersonId, today) : undefined;
    if (!chosen)
      throw errors.requestInvalid(
        'procedureCode',
        'Không có nơi tạm trú đang có hiệu lực trong CSDL để gia hạn. Nếu bạn đang tạm trú, hãy đăng ký tạm trú.',
        'No temporary residence in force in the registry to extend. If you stay somewhere, register temporary residence.',
      );
  }
  if (!chosen)
    throw errors.requestInvalid('unitCode', 'Chọn xã, phường nơi nộp hồ sơ', 'Choose the commune where you file');
  const unit = await communeInForce(deps, chosen, today);
  if (!unit)
    throw errors.requestInvalid(
      'unitCode',
      'Đơn vị tiếp nhận phải là một xã, phường hiện hành',
      'The receiving unit must be a commune in force today',
    );
  if (
    (field || version.form.receivingUnitFrom) &&
    access.actor?.kind !== 'citizen' &&
    !mayEnterPaper(access, unit.code)
  ) {
    const vi = `Hồ sơ này do Công an ${unit.fullName} tiếp nhận (nơi cư trú); hướng dẫn công dân nộp trực tuyến hoặc tại ${unit.fullName}`;
    const en = `This dossier is received by the police of ${unit.fullName} (the place of residence); guide the citizen to file online or there`;
    throw field ? errors.formInvalid([{ field, vi, en }]) : errors.requestInvalid('unitCode', vi, en);
  }
  return unit;
}

/** The registry checks the version's form declares (the household head's ID number), run at filing. */
export async function registryChecks(
  deps: DossierDeps,
  version: ProcedureVersion,
  form: Record<string, unknown>,
  now: Date,
): Promise<RegistryChecks | null> {
  const rule = version.form.householdHeadCheck;
  const nationalId = rule ? text(form[rule.nationalIdField]) : null;
  if (!rule || !nationalId) return null;
  const householdHead = await checkHouseholdHead(deps.db, {
    nationalId,
    communeCode: text(form[rule.communeField]),
    typedName: rule.nameField ? text(form[rule.nameField]) : null,
    now,
  });
  return { householdHead };
}
