import type { MessageKey } from '../shell/dictionary';
import type { Translate } from '../shell/i18n';

/** Names of the default roles (identity/permissions.ts); roles added later show their code or the server's name. */
const ROLE: Record<string, MessageKey> = {
  citizen: 'role.citizen',
  commune_police: 'role.commune_police',
  one_stop_officer: 'role.one_stop_officer',
  civil_status_officer: 'role.civil_status_officer',
  sector_officer: 'role.sector_officer',
  standing_agency: 'role.standing_agency',
  leader: 'role.leader',
  auditor: 'role.auditor',
  admin: 'role.admin',
  pilot_officer: 'role.pilot_officer',
};

const SECTOR: Record<string, MessageKey> = {
  health_insurance: 'sector.health_insurance',
  social_protection: 'sector.social_protection',
  associations: 'sector.associations',
  tax: 'sector.tax',
  civil_status: 'sector.civil_status',
};

/** The sectors a sector officer may work in (same list as the server's SECTORS). */
export const SECTOR_CODES = Object.keys(SECTOR);

export function roleLabel(t: Translate, code: string): string {
  const key = ROLE[code];
  return key ? t(key) : code;
}

export function sectorLabel(t: Translate, code: string | null): string {
  if (!code) return '';
  const key = SECTOR[code];
  return key ? t(key) : code;
}
