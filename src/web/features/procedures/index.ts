// The procedures feature's public face: other features import only this file.
export * from './pages';

/** What other features use: the form renderer and the API calls. */
export { ProcedureForm, type ProcedureFormProps, type ServerFieldError } from './ProcedureForm';
export { fromFormValues, toFormValues } from './procedure-form-values';
export * from './procedures-api';
export { timeLimitText, moneyText, feeSummary, FIELD_LABEL } from './procedure-labels';
