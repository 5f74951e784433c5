import { useState } from 'react';
import { App, Button, Form, Input, InputNumber, Space, Typography } from 'antd';
import type { ReportedExpectedRow, ReportedValue } from '../../../../contracts/kpi';
import type { ApiError } from '../../../api/client';
import { toApiError } from '../../../api/use-api';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { formatPercent } from '../../../components/format';
import { useI18n } from '../../../shell/i18n';
import { decide, evidenceUrl, saveValue, uploadEvidence } from './reported-api';
import { EVIDENCE_ACCEPT, evidenceProblem } from './reported-labels';
import { useReportedText } from './reported-text';

interface Values {
  numerator?: number | null;
  denominator?: number | null;
  note?: string;
}

/** Fields of this form the server may name in an error (the others show above the buttons). */
const FORM_FIELDS: ReadonlySet<string> = new Set(['numerator', 'denominator', 'note']);
const FILE_ID = 'kpirep-evidence-file';

/**
 * The unit's figures (numerator, denominator, note) and the evidence, saved as a draft or submitted
 * for approval. The server's refusals show under the field they name (a numerator over the
 * denominator, a file that is not a document), the others above the buttons.
 */
export function EntryForm(props: {
  row: ReportedExpectedRow;
  period: string;
  value: ReportedValue | null;
  onChanged: (value: ReportedValue) => void;
}) {
  const { row, period, value, onChanged } = props;
  const t = useReportedText();
  const { pick, lang } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [file, setFile] = useState<File>();
  const [inputKey, setInputKey] = useState(0);
  const [fileError, setFileError] = useState<string>();
  const [error, setError] = useState<ApiError>();
  const [busy, setBusy] = useState<'save' | 'submit'>();
  const numerator = Form.useWatch('numerator', form);
  const denominator = Form.useWatch('denominator', form);
  const share =
    typeof numerator === 'number' && typeof denominator === 'number' && denominator > 0 && numerator <= denominator
      ? formatPercent(numerator / denominator, lang)
      : undefined;

  const show = (e: unknown) => {
    const apiError = toApiError(e);
    const onForm = apiError.fields.filter((f) => FORM_FIELDS.has(f.field));
    form.setFields(onForm.map((f) => ({ name: f.field as keyof Values, errors: [pick(f.messageVi, f.messageEn)] })));
    const onFile = apiError.fields.find((f) => f.field === 'file' || f.field === 'evidence');
    if (onFile) setFileError(pick(onFile.messageVi, onFile.messageEn));
    if (onForm.length === 0 && !onFile) setError(apiError);
  };

  /** Saves the figures when new or changed, then the chosen file; the value as it now stands. */
  const save = async (v: Values): Promise<ReportedValue> => {
    const note = v.note?.trim() || undefined;
    let saved = value;
    if (
      !saved ||
      saved.numerator !== v.numerator ||
      saved.denominator !== v.denominator ||
      (saved.note ?? undefined) !== note
    ) {
      saved = await saveValue({
        indicator: row.indicatorCode,
        period,
        unitCode: row.unitCode,
        numerator: v.numerator!,
        denominator: v.denominator!,
        note,
        version: value?.version,
      });
      onChanged(saved);
    }
    if (file) {
      saved = await uploadEvidence(saved.id, file);
      setFile(undefined);
      setInputKey((k) => k + 1);
      onChanged(saved);
    }
    return saved;
  };

  const run = async (what: 'save' | 'submit') => {
    setError(undefined);
    setFileError(undefined);
    let v: Values;
    try {
      v = await form.validateFields();
    } catch {
      return; // the form shows what is missing
    }
    setBusy(what);
    try {
      const saved = await save(v);
      if (what === 'save') {
        void message.success(t('kpiRep.form.saved'));
        return;
      }
      if (!saved.evidence) {
        setFileError(t('kpiRep.submit.needEvidence'));
        return;
      }
      onChanged(await decide(saved.id, 'submit', saved.version));
      void message.success(t('kpiRep.submitted'));
    } catch (e) {
      show(e);
    } finally {
      setBusy(undefined);
    }
  };

  const whole = { type: 'integer' as const, min: 0, message: t('kpiRep.form.whole') };
  return (
    <section aria-labelledby="kpirep-form-title">
      <Typography.Title level={3} id="kpirep-form-title" className="kpirep-h">
        {t('kpiRep.form.title')}
      </Typography.Title>
      <Form<Values>
        form={form}
        layout="vertical"
        requiredMark={false}
        initialValues={{
          numerator: value?.numerator ?? null,
          denominator: value?.denominator ?? null,
          note: value?.note ?? '',
        }}
        onFinish={() => void run('save')}
      >
        <Space wrap size={16} align="start">
          <Form.Item
            name="numerator"
            label={t('kpiRep.form.numerator')}
            dependencies={['denominator']}
            rules={[
              { required: true, message: t('kpiRep.form.required') },
              whole,
              ({ getFieldValue }) => ({
                validator: (_, n: number | null) => {
                  const d = getFieldValue('denominator') as number | null;
                  return typeof n === 'number' && typeof d === 'number' && n > d
                    ? Promise.reject(new Error(t('kpiRep.form.ratio')))
                    : Promise.resolve();
                },
              }),
            ]}
          >
            <InputNumber min={0} className="kpirep-number" inputMode="numeric" />
          </Form.Item>
          <Form.Item
            name="denominator"
            label={t('kpiRep.form.denominator')}
            rules={[
              { required: true, message: t('kpiRep.form.required') },
              whole,
              { type: 'integer', min: 1, message: t('kpiRep.form.denominatorPositive') },
            ]}
          >
            <InputNumber min={0} className="kpirep-number" inputMode="numeric" />
          </Form.Item>
          {share && <p className="kpirep-share">{t('kpiRep.form.share', { value: share })}</p>}
        </Space>
        <Form.Item name="note" label={t('kpiRep.form.note')}>
          <Input.TextArea rows={2} maxLength={1000} />
        </Form.Item>
        <Form.Item
          label={t('kpiRep.evidence.choose')}
          htmlFor={FILE_ID}
          validateStatus={fileError ? 'error' : undefined}
          help={fileError}
          extra={
            value?.evidence ? (
              <span>
                {t('kpiRep.evidence.current')}{' '}
                <a href={evidenceUrl(value.id)} data-testid="kpirep-evidence-link">
                  {value.evidence.fileName}
                </a>
              </span>
            ) : file ? undefined : (
              t('kpiRep.evidence.none')
            )
          }
        >
          <input
            key={inputKey}
            id={FILE_ID}
            type="file"
            accept={EVIDENCE_ACCEPT}
            onChange={(e) => {
              const chosen = e.target.files?.[0];
              const problem = chosen && evidenceProblem(chosen);
              setFileError(
                problem
                  ? t(problem === 'tooLarge' ? 'kpiRep.evidence.tooLarge' : 'kpiRep.evidence.badType')
                  : undefined,
              );
              setFile(problem ? undefined : chosen);
            }}
          />
        </Form.Item>
        {error && <ErrorAlert error={error} />}
        <Space wrap className="kpirep-buttons">
          <Button htmlType="submit" loading={busy === 'save'} disabled={!!busy}>
            {t('kpiRep.form.save')}
          </Button>
          <Button type="primary" loading={busy === 'submit'} disabled={!!busy} onClick={() => void run('submit')}>
            {t('kpiRep.submit')}
          </Button>
        </Space>
      </Form>
    </section>
  );
}
