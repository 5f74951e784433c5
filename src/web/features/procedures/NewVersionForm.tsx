import { useState } from 'react';
import { Alert, Button, DatePicker, Form, Input, InputNumber, Radio } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { NewVersionBody, ProcedureVersion } from '../../../contracts/procedures';
import { toApiError } from '../../api/use-api';
import { useI18n } from '../../shell/i18n';
import { todayInVietnam } from '../../components/format';
import { createVersion } from './procedures-api';

interface Values {
  nameVi: string;
  nameEn: string;
  effectiveFrom: Dayjs;
  effectiveTo?: Dayjs | null;
  timeLimitWorkingDays: number;
  sameDayCutoff?: string;
  resultValidDays?: number | null;
  timeLimitNote?: string;
  timeLimitNoteEn?: string;
  onlineLevel: 'full' | 'partial';
  requiredEidLevel: 1 | 2;
  feeDirect?: number;
  feeOnline?: number;
  feesJson: string;
  documentsJson: string;
  formJson: string;
  changeNote: string;
}

/** Server field paths → the input that shows them ('form.schema…' on the form JSON, 'fees…' on the fees JSON). */
function inputFor(field: string): keyof Values | undefined {
  if (field.startsWith('form')) return 'formJson';
  if (field.startsWith('fees')) return 'feesJson';
  if (field.startsWith('documents')) return 'documentsJson';
  const top = field.split('.')[0] as keyof Values;
  return [
    'nameVi',
    'nameEn',
    'effectiveFrom',
    'effectiveTo',
    'timeLimitWorkingDays',
    'sameDayCutoff',
    'resultValidDays',
    'timeLimitNote',
    'timeLimitNoteEn',
    'onlineLevel',
    'requiredEidLevel',
    'changeNote',
  ].includes(top)
    ? top
    : undefined;
}

const json = (v: unknown) => JSON.stringify(v, null, 2);

/**
 * Creates a new version from the current one: the common fields as inputs, fees, documents and the
 * form (JSON Schema + field sources) as JSON. The old version is never changed; it ends the day
 * before the new one starts.
 */
export function NewVersionForm({
  base,
  onCreated,
  onCancel,
}: {
  base: ProcedureVersion;
  onCreated: (v: ProcedureVersion) => void;
  onCancel: () => void;
}) {
  const { t, pick } = useI18n();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const standard = base.fees.items.find((i) => i.code === 'standard');
  // A CT07 certifies the registry's facts for a limited time: its validity is set per version.
  const certifiesFacts = base.resultDocuments.includes('CT07');

  const parse = (name: 'feesJson' | 'documentsJson' | 'formJson', text: string): unknown => {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      form.setFields([{ name, errors: [t('procadmin.jsonInvalid')] }]);
      throw new Error('json');
    }
  };

  const submit = async (v: Values) => {
    setError(undefined);
    let body: NewVersionBody;
    try {
      const fees = parse('feesJson', v.feesJson) as NewVersionBody['fees'];
      const item = fees.items?.find((i) => i.code === 'standard');
      if (item && v.feeDirect !== undefined) item.direct = v.feeDirect;
      if (item && v.feeOnline !== undefined) item.online = v.feeOnline;
      body = {
        nameVi: v.nameVi,
        nameEn: v.nameEn,
        field: base.field,
        agencyLevel: base.agencyLevel,
        handledByRole: base.handledByRole,
        onlineLevel: v.onlineLevel,
        requiredEidLevel: v.requiredEidLevel,
        timeLimitWorkingDays: v.timeLimitWorkingDays,
        sameDayCutoff: v.sameDayCutoff?.trim() || null,
        nationalCode: base.nationalCode,
        timeLimitNote: v.timeLimitNote?.trim() || null,
        timeLimitNoteEn: v.timeLimitNoteEn?.trim() || null,
        fees,
        documents: parse('documentsJson', v.documentsJson) as NewVersionBody['documents'],
        form: parse('formJson', v.formJson) as NewVersionBody['form'],
        components: base.components,
        resultDocuments: base.resultDocuments,
        resultValidDays: certifiesFacts ? (v.resultValidDays ?? null) : base.resultValidDays,
        registryEffect: base.registryEffect,
        legalBasis: base.legalBasis,
        sources: base.sources,
        unconfirmed: base.unconfirmed,
        effectiveFrom: v.effectiveFrom.format('YYYY-MM-DD'),
        effectiveTo: v.effectiveTo ? v.effectiveTo.format('YYYY-MM-DD') : null,
        changeNote: v.changeNote,
      };
    } catch {
      return;
    }
    setBusy(true);
    try {
      onCreated((await createVersion(base.code, body)).version);
    } catch (e) {
      const apiError = toApiError(e);
      const placed = apiError.fields.filter((f) => inputFor(f.field));
      form.setFields(
        placed.map((f) => ({ name: inputFor(f.field)!, errors: [`${f.field}: ${pick(f.messageVi, f.messageEn)}`] })),
      );
      if (placed.length === 0) setError(pick(apiError.messageVi, apiError.messageEn));
    } finally {
      setBusy(false);
    }
  };

  const today = todayInVietnam();
  return (
    <Form<Values>
      form={form}
      layout="vertical"
      onFinish={(v) => void submit(v)}
      initialValues={{
        nameVi: base.nameVi,
        nameEn: base.nameEn,
        effectiveFrom: dayjs(today).add(1, 'day'),
        timeLimitWorkingDays: base.timeLimitWorkingDays,
        sameDayCutoff: base.sameDayCutoff ?? '',
        resultValidDays: base.resultValidDays,
        timeLimitNote: base.timeLimitNote ?? '',
        timeLimitNoteEn: base.timeLimitNoteEn ?? '',
        onlineLevel: base.onlineLevel,
        requiredEidLevel: base.requiredEidLevel,
        feeDirect: standard?.direct,
        feeOnline: standard?.online,
        feesJson: json(base.fees),
        documentsJson: json(base.documents),
        formJson: json(base.form),
        changeNote: '',
      }}
      className="new-version-form"
    >
      {error && <Alert type="error" showIcon className="section-alert" title={error} />}
      <div className="admin-grid">
        <Form.Item
          name="nameVi"
          label={t('procadmin.nameVi')}
          rules={[{ required: true, whitespace: true, message: t('procadmin.required') }]}
        >
          <Input maxLength={300} />
        </Form.Item>
        <Form.Item
          name="nameEn"
          label={t('procadmin.nameEn')}
          rules={[{ required: true, whitespace: true, message: t('procadmin.required') }]}
        >
          <Input maxLength={300} />
        </Form.Item>
        <Form.Item
          name="effectiveFrom"
          label={t('procadmin.effectiveFrom')}
          extra={t('procadmin.effectiveFromHint')}
          rules={[{ required: true, message: t('procadmin.required') }]}
        >
          <DatePicker format="DD/MM/YYYY" className="full-width" disabledDate={(d) => d.format('YYYY-MM-DD') < today} />
        </Form.Item>
        <Form.Item name="effectiveTo" label={t('procadmin.effectiveTo')}>
          <DatePicker format="DD/MM/YYYY" className="full-width" />
        </Form.Item>
        <Form.Item
          name="timeLimitWorkingDays"
          label={t('procadmin.timeLimit')}
          rules={[{ required: true, message: t('procadmin.required') }]}
        >
          <InputNumber min={0} max={365} step={0.5} className="full-width" />
        </Form.Item>
        <Form.Item name="sameDayCutoff" label={t('procadmin.sameDayCutoff')} extra={t('procadmin.sameDayCutoffHint')}>
          <Input maxLength={5} placeholder="15:00" />
        </Form.Item>
        {certifiesFacts && (
          <Form.Item
            name="resultValidDays"
            label={t('procadmin.resultValidDays')}
            extra={t('procadmin.resultValidDaysHint')}
          >
            <InputNumber min={1} max={3650} precision={0} className="full-width" />
          </Form.Item>
        )}
        <Form.Item name="onlineLevel" label={t('procedures.onlineLevel')}>
          <Radio.Group
            options={[
              { value: 'full', label: t('procedures.online.full') },
              { value: 'partial', label: t('procedures.online.partial') },
            ]}
          />
        </Form.Item>
        <Form.Item name="timeLimitNote" label={t('procadmin.timeLimitNote')}>
          <Input maxLength={500} />
        </Form.Item>
        <Form.Item name="timeLimitNoteEn" label={t('procadmin.timeLimitNoteEn')}>
          <Input maxLength={500} />
        </Form.Item>
        <Form.Item name="requiredEidLevel" label={t('procedures.eidLevel')}>
          <Radio.Group
            options={[
              { value: 1, label: t('procedures.eidLevel.value', { level: 1 }) },
              { value: 2, label: t('procedures.eidLevel.value', { level: 2 }) },
            ]}
          />
        </Form.Item>
        {standard && (
          <>
            <Form.Item name="feeDirect" label={t('procadmin.feeDirect')}>
              <InputNumber min={0} step={1000} className="full-width" />
            </Form.Item>
            <Form.Item name="feeOnline" label={t('procadmin.feeOnline')}>
              <InputNumber min={0} step={1000} className="full-width" />
            </Form.Item>
          </>
        )}
      </div>
      <Form.Item name="feesJson" label={t('procadmin.feesJson')} extra={t('procadmin.feesJsonHint')}>
        <Input.TextArea autoSize={{ minRows: 4, maxRows: 16 }} className="json-editor" spellCheck={false} />
      </Form.Item>
      <Form.Item name="documentsJson" label={t('procadmin.documentsJson')}>
        <Input.TextArea autoSize={{ minRows: 4, maxRows: 16 }} className="json-editor" spellCheck={false} />
      </Form.Item>
      <Form.Item name="formJson" label={t('procadmin.formJson')} extra={t('procadmin.formJsonHint')}>
        <Input.TextArea autoSize={{ minRows: 8, maxRows: 30 }} className="json-editor" spellCheck={false} />
      </Form.Item>
      <Form.Item
        name="changeNote"
        label={t('procadmin.changeNote')}
        rules={[{ required: true, whitespace: true, min: 3, message: t('procadmin.changeNoteRequired') }]}
      >
        <Input.TextArea autoSize={{ minRows: 2 }} maxLength={1000} />
      </Form.Item>
      <div className="form-actions">
        <Button onClick={onCancel}>{t('procadmin.cancel')}</Button>
        <Button type="primary" htmlType="submit" loading={busy}>
          {t('procadmin.create')}
        </Button>
      </div>
    </Form>
  );
}
