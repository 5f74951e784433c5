// The the population registry feature's public face: other features import only this file.
export * from './pages';

/** What other features use: a person's record (the applicant card of a dossier). */
export { PersonDetailView } from './PersonDetailView';

/** Asks why an officer opens personal data (a code of the access log's purposes): the kpi lists use it too. */
export { PurposeDialog } from './PurposeDialog';
