/**
 * The procedures feature's light face, for the public pages of other features (the portal's front
 * door and "not found"): the catalog call, the field names and the public frame, without the form
 * renderer and its controls (date picker, select, number input…) that index.ts also gives. A
 * visitor's first load of `/` then does not carry them (scripts/public-bundle-budget.ts).
 */
export { fetchCatalog } from './procedures-api';
export { FIELD_LABEL, feeSummary, timeLimitText } from './procedure-labels';
export { PublicShell } from './PublicShell';
