import { useEffect, useState } from 'react';
import { Form, Input, Modal, Select, Switch } from 'antd';
import type { Facility, FacilityType } from '../../../contracts/cashless';
import type { ApiError } from '../../api/client';
import { toApiError } from '../../api/use-api';
import { useI18n } from '../../shell/i18n';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useCurrentUnits } from '../../components/unit-names';
import { foldVietnamese } from '../../components/vietnamese';
import { changeFacility, createFacility } from './cashless-api';

interface Values {
  code: string;
  name: string;
  typeCode: string;
  communeCode: string;
  active: boolean;
}

interface Props {
  /** null: closed; 'new': add a facility; a facility: edit it. */
  target: Facility | 'new' | null;
  types: FacilityType[];
  onClose: () => void;
  onSaved: (facility: Facility) => void;
}

const FIELDS = ['code', 'name', 'typeCode', 'communeCode', 'active'] as const;

/** Add or edit a school / health facility of the register. */
export function FacilityModal({ target, types, onClose, onSaved }: Props) {
  const { t, pick } = useI18n();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();
  const editing = target && target !== 'new' ? target : undefined;

  useEffect(() => {
    if (!target) return;
    setError(undefined);
    form.resetFields();
    if (editing)
      form.setFieldsValue({
        code: editing.code,
        name: editing.name,
        typeCode: editing.typeCode,
        communeCode: editing.communeCode,
        active: editing.active,
      });
  }, [target, editing, form]);

  const submit = async (values: Values) => {
    setBusy(true);
    setError(undefined);
    try {
      const body = {
        code: values.code.trim(),
        name: values.name.trim(),
        typeCode: values.typeCode,
        communeCode: values.communeCode,
        active: values.active,
      };
      onSaved(editing ? await changeFacility(editing.id, body) : await createFacility(body));
    } catch (e) {
      const apiError = toApiError(e);
      const onFields = apiError.fields.filter((f) => (FIELDS as readonly string[]).includes(f.field));
      form.setFields(
        onFields.map((f) => ({ name: f.field as keyof Values, errors: [pick(f.messageVi, f.messageEn)] })),
      );
      if (onFields.length === 0) setError(apiError);
    } finally {
      setBusy(false);
    }
  };

  const units = useCurrentUnits();
  const communeOptions = units.units
    .filter((u) => u.level === 'commune')
    .map((u) => ({ value: u.code, label: u.fullName, search: foldVietnamese(`${u.fullName} ${u.code}`) }))
    .sort((a, b) => a.label.localeCompare(b.label, 'vi'));
  const typeOptions = (['school', 'health_facility'] as const).map((kind) => ({
    label: t(kind === 'school' ? 'cashless.kind.school' : 'cashless.kind.health_facility'),
    options: types
      .filter((ty) => ty.kind === kind && (ty.active || ty.code === editing?.typeCode))
      .map((ty) => ({ value: ty.code, label: pick(ty.nameVi, ty.nameEn) })),
  }));

  return (
    <Modal
      open={target !== null}
      title={editing ? t('cashless.facility.edit', { code: editing.code }) : t('cashless.facility.add')}
      okText={t('cashless.save')}
      cancelText={t('cashless.cancel')}
      okButtonProps={{ loading: busy, htmlType: 'submit', form: 'cashless-facility-form' }}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form<Values>
        id="cashless-facility-form"
        form={form}
        layout="vertical"
        requiredMark={false}
        initialValues={{ active: true }}
        onFinish={(v) => void submit(v)}
      >
        <Form.Item
          name="code"
          label={t('cashless.facility.code')}
          extra={t('cashless.facility.codeHint')}
          rules={[
            {
              required: true,
              pattern: /^\s*[A-Za-z0-9][A-Za-z0-9._-]{0,39}\s*$/,
              message: t('cashless.facility.codeInvalid'),
            },
          ]}
        >
          <Input autoComplete="off" maxLength={42} />
        </Form.Item>
        <Form.Item
          name="name"
          label={t('cashless.facility.name')}
          rules={[{ required: true, whitespace: true, min: 3, max: 200, message: t('cashless.facility.nameInvalid') }]}
        >
          <Input autoComplete="off" maxLength={200} placeholder={t('cashless.facility.namePlaceholder')} />
        </Form.Item>
        <Form.Item
          name="typeCode"
          label={t('cashless.facility.type')}
          rules={[{ required: true, message: t('cashless.required') }]}
        >
          <Select options={typeOptions} showSearch={{ optionFilterProp: 'label' }} />
        </Form.Item>
        <Form.Item
          name="communeCode"
          label={t('cashless.facility.commune')}
          extra={t('cashless.facility.communeHint')}
          rules={[{ required: true, message: t('cashless.required') }]}
        >
          <Select
            options={communeOptions}
            loading={units.loading}
            placeholder={t('cashless.facility.communePlaceholder')}
            showSearch={{ filterOption: (input, option) => (option?.search ?? '').includes(foldVietnamese(input)) }}
          />
        </Form.Item>
        <Form.Item name="active" label={t('cashless.facility.active')} valuePropName="checked">
          <Switch />
        </Form.Item>
        {error && <ErrorAlert error={error} />}
      </Form>
    </Modal>
  );
}
