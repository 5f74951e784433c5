import { useEffect, useMemo, useState, type KeyboardEvent, type ReactNode } from 'react';
import { Alert, Button, Card, Form } from 'antd';
import type { FieldMeta, FieldSource, ProcedureForm as FormDefinition } from '../../../contracts/procedures';
import { useI18n } from '../../shell/i18n';
import { fieldControl, fieldRules, SourceBadge } from './FormFieldControl';
import { FormTableField } from './FormTableField';
import { inPersonRuleMet } from './in-person';
import {
  fromFormValues,
  isFormPath,
  namePath,
  propertyOf,
  requiredOf,
  toFormValues,
  typedRemaining,
} from './procedure-form-values';
import './procedures.css';

/** A field problem from the server: the API's shape ({ messageVi, messageEn }) or validateFormData's ({ vi, en }). */
export type ServerFieldError = { field: string } & (
  { messageVi: string; messageEn: string } | { vi: string; en: string }
);

export interface ProcedureFormProps {
  /** The form of the procedure version (JSON Schema + field metadata). */
  form: FormDefinition;
  /** Values to start from (e.g. the prefill's `values`), as the API gives them (dates YYYY-MM-DD). */
  initialValues?: Record<string, unknown>;
  /** Where each prefilled value came from (prefill `sources`); absent or 'typed' = typed by the citizen. */
  sources?: Record<string, FieldSource>;
  /** May the citizen change a prefilled value (prefill `editable`); absent = editable. */
  editable?: Record<string, boolean>;
  /** Called with API-ready values (dates YYYY-MM-DD, empty inputs left out) once client checks pass. */
  onSubmit: (values: Record<string, unknown>) => void | Promise<void>;
  /** Field problems returned by the server, shown on their fields (others above the form). */
  serverErrors?: ServerFieldError[];
  submitting?: boolean;
  submitLabel?: string;
  disabled?: boolean;
  /** Rendered after the sections, before the submit button (e.g. attachments). */
  children?: ReactNode;
  /**
   * Show the hints of fields the registry or the e-ID can fill ("filled from your household, change
   * it if…")? False on an officer's paper filing: nothing is prefilled there and the hints speak to
   * the citizen about the prefill. Hints of typed fields always show.
   */
  registryHints?: boolean;
  /** Registry rows offered per table field (prefill `choices`): none chosen at first. */
  choices?: Record<string, Array<Record<string, unknown>>>;
  /**
   * Renders the live count of inputs the citizen still types (fields without a registry or e-ID
   * value, while empty), above the form: it goes down as they fill them in.
   */
  remainingNote?: (remaining: number) => ReactNode;
  /** Told of every change, with the values as the API takes them (a filing keeps them through a reload). */
  onValuesChange?: (values: Record<string, unknown>) => void;
}

const messages = (e: ServerFieldError): [string, string] => ('vi' in e ? [e.vi, e.en] : [e.messageVi, e.messageEn]);

/**
 * Renders a procedure's form from its JSON Schema and field metadata with antd: text, dates,
 * selects, phone, e-mail, ID numbers, consents (checkboxes) and tables (household members). A
 * prefilled field carries a "Từ CSDL quốc gia về dân cư" badge and is read-only unless the law lets
 * the citizen declare it. Required fields and formats are checked before submitting; the server
 * checks everything again (validateFormData + checkLockedFields).
 */
/**
 * A long form is sent only by its button: Enter in a field (confirming a date, moving on after
 * typing) must not file the dossier half-typed. The field's own Enter handling (the date picker's)
 * has run by the time the key bubbles here; only the browser's implicit submission is cancelled.
 */
export function preventEnterSubmit(e: Pick<KeyboardEvent<HTMLFormElement>, 'key' | 'target' | 'preventDefault'>): void {
  if (e.key === 'Enter' && (e.target as { tagName?: string }).tagName === 'INPUT') e.preventDefault();
}

export function ProcedureForm({
  form,
  initialValues,
  sources = {},
  editable = {},
  onSubmit,
  serverErrors,
  submitting,
  submitLabel,
  disabled = false,
  children,
  registryHints = true,
  choices,
  remainingNote,
  onValuesChange,
}: ProcedureFormProps) {
  const { t, pick } = useI18n();
  const [antForm] = Form.useForm<Record<string, unknown>>();
  const required = useMemo(() => requiredOf(form), [form]);
  // Re-initialise only when the values really change (a parent may pass a new object each render).
  const initialKey = JSON.stringify(initialValues ?? {});
  const initial = useMemo(
    () => toFormValues(form, JSON.parse(initialKey) as Record<string, unknown>),
    [form, initialKey],
  );
  const [elsewhere, setElsewhere] = useState<string[]>([]);
  // Answers that must be filed in person: their reason shows under the field as soon as chosen.
  const answers = Form.useWatch([], antForm) as Record<string, unknown> | undefined;

  useEffect(() => {
    antForm.resetFields();
  }, [antForm, initial]);

  useEffect(() => {
    const errors = serverErrors ?? [];
    antForm.setFields(
      errors
        .filter((e) => isFormPath(form, e.field))
        .map((e) => ({ name: namePath(e.field), errors: [pick(...messages(e))] })),
    );
    setElsewhere(errors.filter((e) => !isFormPath(form, e.field)).map((e) => pick(...messages(e))));
    const first = errors.find((e) => isFormPath(form, e.field));
    if (first) antForm.scrollToField(namePath(first.field), { block: 'center' });
  }, [antForm, form, serverErrors, pick]);

  const hintOf = (meta: FieldMeta) =>
    meta.hintVi && (registryHints || meta.source === 'typed')
      ? pick(meta.hintVi, meta.hintEn ?? meta.hintVi)
      : undefined;
  const isPrefilled = (name: string) =>
    sources[name] !== undefined && sources[name] !== 'typed' && initialValues?.[name] !== undefined;
  const prefilledRows = (name: string) =>
    isPrefilled(name) && Array.isArray(initialValues?.[name]) ? (initialValues[name] as unknown[]).length : 0;

  return (
    <Form
      form={antForm}
      layout="vertical"
      requiredMark
      initialValues={initial}
      disabled={disabled}
      scrollToFirstError={{ block: 'center' }}
      onFinish={(values) => void onSubmit(fromFormValues(form, values))}
      onValuesChange={onValuesChange && ((_changed, all) => onValuesChange(fromFormValues(form, all)))}
      onKeyDown={preventEnterSubmit}
      className="procedure-form"
    >
      {remainingNote?.(typedRemaining(form, sources, answers ?? initial))}
      {elsewhere.length > 0 && (
        <Alert
          type="error"
          showIcon
          className="section-alert"
          title={t('procform.serverErrors')}
          description={
            <ul>
              {elsewhere.map((m) => (
                <li key={m}>{m}</li>
              ))}
            </ul>
          }
        />
      )}
      {form.sections.map((section) => (
        <Card key={section.key} title={pick(section.titleVi, section.titleEn)} className="section-card form-section">
          {section.fields.map((name) => {
            const meta = form.fields[name];
            if (!meta) return null;
            const schema = propertyOf(form, name);
            const locked = isPrefilled(name) && editable[name] === false;
            if (meta.widget === 'table') {
              return (
                <FormTableField
                  key={name}
                  name={name}
                  meta={meta}
                  schema={schema}
                  source={isPrefilled(name) ? sources[name] : undefined}
                  editable={!locked}
                  prefilledRows={prefilledRows(name)}
                  disabled={disabled}
                  showTitle={section.fields.length > 1}
                  hint={hintOf(meta)}
                  choices={choices?.[name]}
                />
              );
            }
            const label = pick(meta.labelVi, meta.labelEn);
            const inPerson = inPersonRuleMet(form, name, answers?.[name]);
            const hint = inPerson ? (
              <>
                {hintOf(meta) && <div>{hintOf(meta)}</div>}
                <Alert
                  type="warning"
                  showIcon
                  role="alert"
                  title={t('procform.inPerson')}
                  description={`${pick(inPerson.reasonVi, inPerson.reasonEn)} (${inPerson.legalBasis})`}
                />
              </>
            ) : (
              hintOf(meta)
            );
            const checkbox = meta.widget === 'checkbox';
            return (
              <Form.Item
                key={name}
                name={name}
                label={
                  checkbox ? undefined : (
                    <span className="field-label">
                      {label} {isPrefilled(name) && <SourceBadge source={sources[name]} />}
                    </span>
                  )
                }
                valuePropName={checkbox ? 'checked' : 'value'}
                extra={
                  locked ? (
                    <>
                      {hint && <div>{hint}</div>}
                      {t('procform.locked')}
                    </>
                  ) : (
                    hint
                  )
                }
                rules={locked ? [] : fieldRules(meta, schema, required.has(name), t, label)}
              >
                {fieldControl(meta, schema, locked, disabled, label)}
              </Form.Item>
            );
          })}
        </Card>
      ))}
      {children}
      <Button type="primary" htmlType="submit" size="large" block loading={submitting} className="big-button">
        {submitLabel ?? t('procform.submit')}
      </Button>
    </Form>
  );
}
