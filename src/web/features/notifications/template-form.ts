/** The text fields of a template version, in the editor's order. */
export const TEXT_FIELDS = ['subjectVi', 'subjectEn', 'bodyVi', 'bodyEn', 'smsVi'] as const;

/** Today in Vietnam (UTC+7) as YYYY-MM-DD: a new version's first possible day. */
export function todayVn(now: Date = new Date()): string {
  return new Date(now.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
}
