import { useState } from 'react';
import { DatePicker, Form, Input, Modal, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { PILOT_SECTORS, PLAN_TARGET_COUNT, type PilotModel, type PilotSector } from '../../../contracts/pilots';
import type { ApiError } from '../../api/client';
import { useSession } from '../../api/session';
import { toApiError } from '../../api/use-api';
import { useI18n } from '../../shell/i18n';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useCurrentUnits } from '../../components/unit-names';
import { registerModel } from './pilots-api';
import { sectorKey } from './pilot-labels';
import { usePilotsT } from './use-pilots-text';

interface Values {
  unitCode: string;
  agencyName: string;
  agencyCode?: string;
  sector: PilotSector;
  title: string;
  description: string;
  targets: number[];
  letterNumber: string;
  letterDate: Dayjs;
}

const FIELDS = [
  'unitCode',
  'agencyName',
  'agencyCode',
  'sector',
  'title',
  'description',
  'targets',
  'letterNumber',
  'letterDate',
];

/** Registering a pilot model for an agency of one of the officer's units. */
export function RegisterModelModal({
  open,
  onClose,
  onSaved,
}: {
  open: boolean;
  onClose: () => void;
  onSaved: (model: PilotModel) => void;
}) {
  const { pick } = useI18n();
  const t = usePilotsT();
  const { me } = useSession();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();
  const { units } = useCurrentUnits();
  const granted = me?.actionUnits['pilots.manage'] ?? [];
  const provinceWide = units.some((u) => u.level === 'province' && granted.includes(u.code));
  const unitOptions = units
    .filter((u) => u.level !== 'district' && (provinceWide || granted.includes(u.code)))
    .map((u) => ({ value: u.code, label: `${u.fullName} (${u.code})` }));

  const submit = async (v: Values) => {
    setBusy(true);
    setError(undefined);
    try {
      onSaved(
        await registerModel({
          unitCode: v.unitCode,
          agencyName: v.agencyName,
          ...(v.agencyCode?.trim() ? { agencyCode: v.agencyCode.trim() } : {}),
          sector: v.sector,
          title: v.title,
          description: v.description,
          targets: v.targets,
          letterNumber: v.letterNumber,
          letterDate: v.letterDate.format('YYYY-MM-DD'),
        }),
      );
      form.resetFields();
    } catch (e) {
      const apiError = toApiError(e);
      const onFields = apiError.fields.filter((f) => FIELDS.includes(f.field.split('.')[0]!));
      form.setFields(
        onFields.map((f) => ({
          name: f.field.split('.')[0] as keyof Values,
          errors: [pick(f.messageVi, f.messageEn)],
        })),
      );
      if (onFields.length === 0) setError(apiError);
    } finally {
      setBusy(false);
    }
  };

  const required = [{ required: true, message: t('pilots.form.required') }];
  return (
    <Modal
      open={open}
      title={t('pilots.register')}
      okText={t('pilots.form.save')}
      cancelText={t('pilots.form.cancel')}
      okButtonProps={{ loading: busy, htmlType: 'submit', form: 'pilots-register-form' }}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form<Values>
        id="pilots-register-form"
        form={form}
        layout="vertical"
        requiredMark={false}
        initialValues={{ unitCode: granted[0], letterNumber: '1074/UBND-KSTT', letterDate: dayjs('2023-03-27') }}
        onFinish={(v) => void submit(v)}
      >
        <Form.Item name="unitCode" label={t('pilots.form.unit')} rules={required}>
          <Select options={unitOptions} showSearch={{ optionFilterProp: 'label' }} />
        </Form.Item>
        <Form.Item name="agencyName" label={t('pilots.form.agencyName')} rules={required}>
          <Input autoComplete="off" maxLength={200} />
        </Form.Item>
        <Form.Item name="agencyCode" label={t('pilots.form.agencyCode')}>
          <Input autoComplete="off" maxLength={13} placeholder="000.00.00.H38" />
        </Form.Item>
        <Form.Item name="sector" label={t('pilots.form.sector')} rules={required}>
          <Select options={PILOT_SECTORS.map((s) => ({ value: s, label: t(sectorKey(s)) }))} />
        </Form.Item>
        <Form.Item name="title" label={t('pilots.form.title')} rules={required}>
          <Input autoComplete="off" maxLength={300} />
        </Form.Item>
        <Form.Item name="description" label={t('pilots.form.description')} rules={required}>
          <Input.TextArea rows={3} maxLength={5000} />
        </Form.Item>
        <Form.Item name="targets" label={t('pilots.form.targets')} rules={required}>
          <Select
            mode="multiple"
            options={Array.from({ length: PLAN_TARGET_COUNT }, (_, i) => ({ value: i + 1, label: String(i + 1) }))}
          />
        </Form.Item>
        <Form.Item name="letterNumber" label={t('pilots.form.letterNumber')} rules={required}>
          <Input autoComplete="off" maxLength={60} />
        </Form.Item>
        <Form.Item name="letterDate" label={t('pilots.form.letterDate')} rules={required}>
          <DatePicker format="DD/MM/YYYY" allowClear={false} />
        </Form.Item>
        {error && <ErrorAlert error={error} />}
      </Form>
    </Modal>
  );
}
