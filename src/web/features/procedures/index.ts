/** What other web features use from the procedures feature: the form renderer and the API calls. */
export { ProcedureForm, type ProcedureFormProps, type ServerFieldError } from './ProcedureForm';
export { fromFormValues, toFormValues } from './procedure-form-values';
export * from './procedures-api';
export { timeLimitText, moneyText, feeSummary, FIELD_LABEL } from './procedure-labels';
