import { useState } from 'react';
import { App, Button, Checkbox, DatePicker, Form, Input, InputNumber, Radio, Select, Space, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { Indicator, IndicatorVersionBody } from '../../../../contracts/kpi';
import type { ApiError } from '../../../api/client';
import { toApiError } from '../../../api/use-api';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { formatDate, todayInVietnam } from '../../../components/format';
import { useI18n } from '../../../shell/i18n';
import { addVersion, fetchVersions } from './indicators-api';
import { bodyFrom, bodyOf, formField, latestStart, proposedStart } from './indicator-labels';
import { useIndicatorsText } from './indicators-text';
import { SourceField } from './SourceField';

type Values = Omit<IndicatorVersionBody, 'validFrom' | 'target'> & { validFrom: Dayjs; target: number | null };

const TEXT_FIELDS = ['nameVi', 'nameEn', 'numeratorVi', 'numeratorEn', 'denominatorVi', 'denominatorEn'] as const;
/** Fields of this form the server may name in an error (the others — the code — show above the buttons). */
const FORM_FIELDS: ReadonlySet<string> = new Set([
  ...TEXT_FIELDS,
  'target',
  'comparison',
  'threshold',
  'unitLevels',
  'periodType',
  'method',
  'source',
  'validFrom',
]);
const COMPARISONS = ['>=', '>', '=', '<=', '<'] as const;
/** The contract's IndicatorCode (T2.EID); the server checks it too. */
const CODE = /^[A-Z0-9]{1,8}(\.[A-Z0-9_]{1,40})?$/;
/** A brand-new indicator starts from these (the names, definitions, source and code empty). */
const BLANK = { comparison: '>=', unitLevels: ['province', 'commune'], periodType: 'quarter', method: 'computed' };

/**
 * A new version of an indicator, prefilled from the version shown (in force on the page's day): its
 * names and definitions in both languages, the comparison and threshold, the unit levels, the period,
 * the method and source, the target, and the day it starts (after the latest version's start). The
 * server's refusals show under the field they name; the 2-decimal rule of the threshold is the
 * server's (the contract's), checked there only so the two never disagree. Without `from`, a brand-new
 * indicator: its code is typed (one of `takenCodes` is refused — that indicator takes a new version).
 */
export function VersionForm(props: {
  from?: Indicator;
  versions: readonly Indicator[];
  takenCodes?: readonly string[];
  onCancel: () => void;
  onSaved: (created: Indicator) => void;
}) {
  const { from, versions, takenCodes = [], onCancel, onSaved } = props;
  const t = useIndicatorsText();
  const { pick } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<ApiError>();
  const [busy, setBusy] = useState(false);
  const latest = latestStart(versions);
  const method = Form.useWatch('method', form) ?? from?.method ?? 'computed';
  const start = proposedStart(versions, todayInVietnam());
  const { validFrom, ...prefilled } = from ? bodyFrom(from, start) : { ...BLANK, validFrom: start };
  const initialValues = { ...prefilled, validFrom: dayjs(validFrom) } as Values;

  const submit = async (v: Values) => {
    setError(undefined);
    setBusy(true);
    try {
      if (!from && (await codeInUse(v.code.trim()))) {
        form.setFields([{ name: 'code', errors: [t('kpiInd.form.codeTaken')] }]);
        return;
      }
      const body = bodyOf({ ...v, code: from?.code ?? v.code.trim(), validFrom: v.validFrom.format('YYYY-MM-DD') });
      const created = await addVersion(body);
      void message.success(
        t(from ? 'kpiInd.saved' : 'kpiInd.added', { code: created.code, date: formatDate(created.validFrom) }),
      );
      onSaved(created);
    } catch (e) {
      const apiError = toApiError(e);
      const onForm = apiError.fields.filter(
        (f) => FORM_FIELDS.has(formField(f.field)) || (!from && formField(f.field) === 'code'),
      );
      form.setFields(
        onForm.map((f) => ({ name: formField(f.field) as keyof Values, errors: [pick(f.messageVi, f.messageEn)] })),
      );
      if (onForm.length === 0) setError(apiError);
    } finally {
      setBusy(false);
    }
  };

  const required = { required: true, message: t('kpiInd.form.required') };
  const text = [required, { min: 3, max: 400, whitespace: true, message: t('kpiInd.form.textLength') }];
  return (
    <section aria-labelledby="kpiind-form-title" data-testid="kpiind-form">
      <Typography.Title level={3} id="kpiind-form-title" className="kpiind-h">
        {t(from ? 'kpiInd.new' : 'kpiInd.add')}
      </Typography.Title>
      <Typography.Paragraph className="kpiind-muted">
        {latest ? t('kpiInd.newHint', { date: formatDate(latest) }) : t('kpiInd.addHint')}
      </Typography.Paragraph>
      <Form<Values>
        form={form}
        layout="vertical"
        requiredMark={false}
        initialValues={initialValues}
        onFinish={(v) => void submit(v)}
        // A version is never rewritten: Enter in a field (the date picker's own Enter too) does not issue
        // it; only the button does.
        onKeyDown={(e) => {
          if (e.key === 'Enter' && e.target instanceof HTMLInputElement) e.preventDefault();
        }}
        // The server's refusal of a field goes as soon as the field is changed.
        onValuesChange={(changed: Partial<Values>) =>
          form.setFields(Object.keys(changed).map((name) => ({ name: name as keyof Values, errors: [] })))
        }
      >
        {!from && (
          <Form.Item
            name="code"
            label={t('kpiInd.form.code')}
            normalize={(v: string) => v.toUpperCase()}
            rules={[
              required,
              { pattern: CODE, message: t('kpiInd.form.codeFormat') },
              {
                validator: (_, c: string | undefined) =>
                  c && takenCodes.includes(c.trim())
                    ? Promise.reject(new Error(t('kpiInd.form.codeTaken')))
                    : Promise.resolve(),
              },
            ]}
          >
            <Input maxLength={49} />
          </Form.Item>
        )}
        <Form.Item
          name="validFrom"
          label={t('kpiInd.form.validFrom')}
          rules={[
            required,
            {
              validator: (_, d: Dayjs | null) =>
                !d || !latest || d.format('YYYY-MM-DD') > latest
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('kpiInd.form.afterLatest', { date: formatDate(latest) }))),
            },
          ]}
        >
          <DatePicker
            format="DD/MM/YYYY"
            allowClear={false}
            placeholder={t('kpiInd.datePlaceholder')}
            disabledDate={(d) => !!latest && d.format('YYYY-MM-DD') <= latest}
          />
        </Form.Item>
        <Space wrap size={16} align="start">
          <Form.Item name="comparison" label={t('kpiInd.form.comparison')} rules={[required]}>
            <Select
              className="kpiind-number"
              options={COMPARISONS.map((c) => ({ value: c, label: t(`kpiInd.cmp.${c}`) }))}
            />
          </Form.Item>
          <Form.Item
            name="threshold"
            label={t('kpiInd.form.threshold')}
            rules={[required, { type: 'number', min: 0, max: 100, message: t('kpiInd.form.thresholdRange') }]}
          >
            <InputNumber className="kpiind-number" />
          </Form.Item>
          <Form.Item
            name="target"
            label={t('kpiInd.form.target')}
            rules={[{ type: 'integer', min: 1, max: 14, message: t('kpiInd.form.targetRange') }]}
          >
            <InputNumber className="kpiind-number" />
          </Form.Item>
        </Space>
        <Form.Item
          name="unitLevels"
          label={t('kpiInd.form.levels')}
          // A validator rather than `required`: antd would put aria-required on the group's div (not allowed there).
          rules={[
            {
              validator: (_, levels: unknown[] | undefined) =>
                levels?.length ? Promise.resolve() : Promise.reject(new Error(t('kpiInd.form.levelsRequired'))),
            },
          ]}
        >
          <Checkbox.Group
            role="group"
            aria-label={t('kpiInd.form.levels')}
            options={[
              { value: 'province', label: t('kpiInd.level.province') },
              { value: 'district', label: t('kpiInd.form.districtNote') },
              { value: 'commune', label: t('kpiInd.level.commune') },
            ]}
          />
        </Form.Item>
        <Space wrap size={16} align="start">
          <Form.Item name="periodType" label={t('kpiInd.form.period')} rules={[required]}>
            <Radio.Group
              options={(['month', 'quarter', 'year'] as const).map((p) => ({
                value: p,
                label: t(`kpiInd.period.${p}`),
              }))}
            />
          </Form.Item>
          <Form.Item name="method" label={t('kpiInd.form.method')} rules={[required]}>
            <Radio.Group
              options={(['computed', 'reported'] as const).map((m) => ({
                value: m,
                label: t(`kpiInd.method.${m}`),
              }))}
            />
          </Form.Item>
        </Space>
        {method === 'computed' && <SourceField rules={[required]} />}
        {TEXT_FIELDS.map((name) => (
          <Form.Item key={name} name={name} label={t(`kpiInd.form.${name}`)} rules={text}>
            {name.startsWith('name') ? <Input maxLength={400} /> : <Input.TextArea rows={2} maxLength={400} />}
          </Form.Item>
        ))}
        {error && <ErrorAlert error={error} />}
        <Space>
          <Button type="primary" htmlType="submit" loading={busy}>
            {t('kpiInd.form.save')}
          </Button>
          <Button onClick={onCancel}>{t('kpiInd.form.cancel')}</Button>
        </Space>
      </Form>
    </section>
  );
}

/**
 * Whether an indicator already has this code — in force on the day shown or not (ended, or starting
 * later): the API makes a version of an existing indicator from a known code, which "add an indicator"
 * must not do unawares.
 */
async function codeInUse(code: string): Promise<boolean> {
  try {
    return (await fetchVersions(code)).length > 0;
  } catch {
    return false; // 404: a new code; any other failure: the server decides
  }
}
