/**
 * Agency code of a receiving commune in dossier codes: `<commune code>.<province letter code>`
 * (e.g. `03388.H29`), the province's letter code being the last group of PROVINCE_AGENCY_CODE
 * (QCVN 102:2016). The real codes of Lai Châu's communes are not confirmed (DOMAIN.md §5), so the
 * rule is configuration-driven; see docs/adr.
 */
export function agencyCodeFor(unitCode: string, provinceAgencyCode: string): string {
  const letter = provinceAgencyCode.split('.').pop() ?? provinceAgencyCode;
  return `${unitCode}.${letter}`;
}

/** `<agency>-YYMMDD-`: what every code of an agency's day begins with, the day in Vietnam time. */
export function dossierCodePrefix(agencyCode: string, day: string): string {
  return `${agencyCode}-${day.slice(2, 4)}${day.slice(5, 7)}${day.slice(8, 10)}-`;
}

/** `<agency>-YYMMDD-XXXX`, the day in Vietnam time (four digits, more past 9,999). */
export function formatDossierCode(agencyCode: string, day: string, seq: number): string {
  return `${dossierCodePrefix(agencyCode, day)}${String(seq).padStart(4, '0')}`;
}
