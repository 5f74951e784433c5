import { useEffect, useMemo, useRef, useState, type FormEvent, type KeyboardEvent, type ReactNode } from 'react';
import type { FieldMeta, FieldSource, ProcedureForm as FormDefinition } from '../../../contracts/procedures';
import { Notice, PlainCard } from '../../components/plain';
import { useI18n } from '../../shell/i18n';
import { SourceBadge } from './FormFieldControl';
import { FormField } from './FormField';
import { fieldProblem, tableProblem } from './form-field-rules';
import { FormTableField, rowFromRegistry } from './FormTableField';
import { inPersonRuleMet } from './in-person';
import {
  fromFormValues,
  isFormPath,
  propertyOf,
  requiredOf,
  toFormValues,
  typedRemaining,
} from './procedure-form-values';
import './procedure-form.css';

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

type Values = Record<string, unknown>;
type Row = Record<string, unknown>;

const messages = (e: ServerFieldError): [string, string] => ('vi' in e ? [e.vi, e.en] : [e.messageVi, e.messageEn]);
/** The input of a place on the form: `members.0.birthDate` → `#members_0_birthDate`. */
const inputId = (path: string) => path.replace(/\./g, '_');

/**
 * A long form is sent only by its button: Enter in a field (moving on after typing a date or a
 * name) must not file the dossier half-typed. The field's own Enter handling (choosing a commune)
 * has run by the time the key bubbles here; only the browser's implicit submission is cancelled.
 */
export function preventEnterSubmit(e: Pick<KeyboardEvent<HTMLFormElement>, 'key' | 'target' | 'preventDefault'>): void {
  if (e.key === 'Enter' && (e.target as { tagName?: string }).tagName === 'INPUT') e.preventDefault();
}

/**
 * Renders a procedure's form from its JSON Schema and field metadata with native inputs
 * (components/plain.css; no antd, so the citizen's filing page stays light on a phone — ADR 0023):
 * text, dates typed as dd/mm/yyyy, lists, communes, phone, e-mail, ID numbers, consents
 * (checkboxes) and tables (household members). A prefilled field carries a "Từ CSDL quốc gia về
 * dân cư" badge and is read-only unless the law lets the citizen declare it. Required fields and
 * formats are checked before submitting — each problem under its field, naming it, and listed in a
 * summary that takes the focus; the server checks everything again (validateFormData + checkLockedFields).
 */
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
  const required = useMemo(() => requiredOf(form), [form]);
  // Re-initialise only when the values really change (a parent may pass a new object each render).
  const initialKey = JSON.stringify(initialValues ?? {});
  const initial = useMemo(() => toFormValues(form, JSON.parse(initialKey) as Values), [form, initialKey]);
  const [values, setValues] = useState<Values>(initial);
  const latest = useRef(values);
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [summary, setSummary] = useState(0); // bumped by a refused submit: the summary takes the focus
  const summaryRef = useRef<HTMLDivElement>(null);
  const [elsewhere, setElsewhere] = useState<string[]>([]);

  useEffect(() => {
    latest.current = initial;
    setValues(initial);
    setProblems({});
  }, [initial]);

  useEffect(() => {
    const errors = serverErrors ?? [];
    const onForm = errors.filter((e) => isFormPath(form, e.field));
    setProblems(Object.fromEntries(onForm.map((e) => [e.field, pick(...messages(e))])));
    setElsewhere(errors.filter((e) => !isFormPath(form, e.field)).map((e) => pick(...messages(e))));
    const first = onForm[0];
    if (first) document.getElementById(inputId(first.field))?.scrollIntoView({ block: 'center' });
  }, [form, serverErrors, pick]);

  useEffect(() => {
    if (summary > 0) summaryRef.current?.focus();
  }, [summary]);

  const hintOf = (meta: FieldMeta) =>
    meta.hintVi && (registryHints || meta.source === 'typed')
      ? pick(meta.hintVi, meta.hintEn ?? meta.hintVi)
      : undefined;
  const isPrefilled = (name: string) =>
    sources[name] !== undefined && sources[name] !== 'typed' && initialValues?.[name] !== undefined;
  const prefilledRows = (name: string) =>
    isPrefilled(name) && Array.isArray(initialValues?.[name]) ? (initialValues[name] as unknown[]).length : 0;
  const isLocked = (name: string) => isPrefilled(name) && editable[name] === false;
  const rowsOf = (v: unknown): Row[] => (Array.isArray(v) ? (v as Row[]) : []);

  /** Every problem of the answers, in the form's order, by place (`name`, `members.0.fullName`). */
  const check = (all: Values): Record<string, string> => {
    const found: Record<string, string> = {};
    for (const name of form.sections.flatMap((s) => s.fields)) {
      const meta = form.fields[name];
      if (!meta || isLocked(name)) continue;
      const schema = propertyOf(form, name);
      const label = pick(meta.labelVi, meta.labelEn);
      if (meta.widget !== 'table') {
        const problem = fieldProblem(meta, schema, required.has(name), t, label, all[name]);
        if (problem) found[name] = problem;
        continue;
      }
      const rows = rowsOf(all[name]);
      const needed = new Set(schema.items?.required ?? []);
      rows.forEach((row, i) => {
        for (const c of meta.columns ?? []) {
          // A registry row's locked columns are shown read-only (or not at all), never checked.
          if (!c.editable && rowFromRegistry(row, choices?.[name], sources[name], prefilledRows(name))) continue;
          const colLabel = pick(c.labelVi, c.labelEn);
          const colSchema = schema.items?.properties?.[c.key] ?? {};
          const problem = fieldProblem(c, colSchema, needed.has(c.key), t, colLabel, row[c.key]);
          if (problem) found[`${name}.${i}.${c.key}`] = problem;
        }
      });
      const problem = tableProblem(schema, rows.length, t, label);
      if (problem) found[name] = problem;
    }
    return found;
  };

  const change = (name: string, value: unknown) => {
    const next = { ...latest.current, [name]: value };
    latest.current = next;
    setValues(next);
    // A problem shown is checked again as the answer changes (gone once it is right); a table's rows may have moved.
    setProblems((shown) => {
      const under = Object.keys(shown).filter((p) => p === name || p.startsWith(`${name}.`));
      if (under.length === 0) return shown;
      const kept = Object.fromEntries(Object.entries(shown).filter(([p]) => !under.includes(p)));
      const again = check(next);
      return { ...kept, ...Object.fromEntries(under.filter((p) => again[p]).map((p) => [p, again[p]!])) };
    });
    onValuesChange?.(fromFormValues(form, next));
  };

  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const found = check(latest.current);
    setProblems(found);
    setElsewhere([]);
    if (Object.keys(found).length > 0) {
      setSummary((n) => n + 1);
      return;
    }
    setSummary(0);
    void onSubmit(fromFormValues(form, latest.current));
  };

  const listed = summary > 0 ? Object.entries(problems) : [];

  return (
    <form noValidate onSubmit={submit} onKeyDown={preventEnterSubmit} className="procedure-form">
      {remainingNote?.(typedRemaining(form, sources, values))}
      {listed.length > 0 && (
        <div ref={summaryRef} tabIndex={-1} className="error-summary">
          <Notice
            type="error"
            role="alert"
            title={t('procform.errorSummary', { n: listed.length })}
            description={
              <ul>
                {listed.map(([path, message]) => (
                  <li key={path}>
                    <a
                      href={`#${inputId(path)}`}
                      onClick={(e) => {
                        e.preventDefault();
                        const input = document.getElementById(inputId(path));
                        input?.scrollIntoView({ block: 'center' });
                        input?.focus();
                      }}
                    >
                      {message}
                    </a>
                  </li>
                ))}
              </ul>
            }
          />
        </div>
      )}
      {elsewhere.length > 0 && (
        <Notice
          type="error"
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
        <PlainCard
          key={section.key}
          title={pick(section.titleVi, section.titleEn)}
          titleId={`section-${section.key}`}
          className="section-card form-section"
        >
          {section.fields.map((name) => {
            const meta = form.fields[name];
            if (!meta) return null;
            const schema = propertyOf(form, name);
            const locked = isLocked(name);
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
                  rows={rowsOf(values[name])}
                  onRowsChange={(rows) => change(name, rows)}
                  problemAt={(path) => problems[path]}
                />
              );
            }
            const inPerson = inPersonRuleMet(form, name, values[name]);
            const hint = hintOf(meta);
            return (
              <FormField
                key={name}
                id={name}
                meta={meta}
                schema={schema}
                label={pick(meta.labelVi, meta.labelEn)}
                badge={isPrefilled(name) && <SourceBadge source={sources[name]} />}
                required={required.has(name)}
                locked={locked}
                disabled={disabled}
                value={values[name]}
                onChange={(v) => change(name, v)}
                problem={problems[name]}
                extra={
                  hint || inPerson || locked ? (
                    <>
                      {hint && <div>{hint}</div>}
                      {inPerson && (
                        <Notice
                          type="warning"
                          role="alert"
                          title={t('procform.inPerson')}
                          description={`${pick(inPerson.reasonVi, inPerson.reasonEn)} (${inPerson.legalBasis})`}
                        />
                      )}
                      {locked && t('procform.locked')}
                    </>
                  ) : undefined
                }
              />
            );
          })}
        </PlainCard>
      ))}
      {children}
      <button
        type="submit"
        className="btn btn-primary btn-lg btn-block big-button"
        disabled={submitting}
        aria-busy={submitting || undefined}
      >
        {submitLabel ?? t('procform.submit')}
      </button>
    </form>
  );
}
