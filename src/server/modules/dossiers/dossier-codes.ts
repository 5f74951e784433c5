/**
 * Dossier codes `<agency code>-YYMMDD-XXXX` (DOMAIN.md §5): the receiving agency's code of the
 * QCVN 102:2016 form (units module, `receivingAgencyCode`), the day received in Vietnam time and the
 * agency's gap-free sequence of that day.
 */

/** `<agency>-YYMMDD-`: what every code of an agency's day begins with, the day in Vietnam time. */
export function dossierCodePrefix(agencyCode: string, day: string): string {
  return `${agencyCode}-${day.slice(2, 4)}${day.slice(5, 7)}${day.slice(8, 10)}-`;
}

/** `<agency>-YYMMDD-XXXX`, the day in Vietnam time (four digits, more past 9,999). */
export function formatDossierCode(agencyCode: string, day: string, seq: number): string {
  return `${dossierCodePrefix(agencyCode, day)}${String(seq).padStart(4, '0')}`;
}
