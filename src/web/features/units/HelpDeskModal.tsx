import { useEffect, useState } from 'react';
import dayjs, { type Dayjs } from 'dayjs';
import { App, DatePicker, Form, Input, Modal, Select } from 'antd';
import type { HelpDeskKind, HelpDeskRecord } from '../../../contracts/help-desks';
import type { ApiError } from '../../api/client';
import { toApiError } from '../../api/use-api';
import { useI18n } from '../../shell/i18n';
import { ErrorAlert } from '../../components/ErrorAlert';
import { closeHelpDesk, recordHelpDesk, replaceHelpDesk } from './units-api';
import { KIND_LABEL, kindsFor } from './help-desk-labels';

interface Values {
  kind: HelpDeskKind;
  name: string;
  address: string;
  phone?: string;
  email?: string;
  openingHours?: string;
  source: string;
  validFrom: Dayjs;
  lastDay: Dayjs;
}

/** What the modal does: add a desk to a unit, replace an open one from a day, or close one. */
export type HelpDeskEdit =
  | { mode: 'add'; unitCode: string; level: 'province' | 'district' | 'commune' }
  | { mode: 'replace'; desk: HelpDeskRecord }
  | { mode: 'close'; desk: HelpDeskRecord };

const FIELDS = ['kind', 'name', 'address', 'phone', 'email', 'openingHours', 'source', 'validFrom', 'lastDay'];
const orNull = (s: string | undefined) => (s?.trim() ? s.trim() : null);

/**
 * Adds, replaces (the old row is closed the day before the new one starts, and kept) or closes a
 * help desk; the server's field errors (phone, e-mail …) show under their fields.
 */
export function HelpDeskModal({
  edit,
  onClose,
  onSaved,
}: {
  edit: HelpDeskEdit | null;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t, pick } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();

  useEffect(() => {
    if (!edit) return;
    setError(undefined);
    form.resetFields();
    if (edit.mode === 'replace') {
      const d = edit.desk;
      form.setFieldsValue({
        name: d.name,
        address: d.address,
        phone: d.phone ?? undefined,
        email: d.email ?? undefined,
        openingHours: d.openingHours ?? undefined,
      });
    }
  }, [edit, form]);

  const submit = async (v: Values) => {
    if (!edit) return;
    setBusy(true);
    setError(undefined);
    try {
      const contact = {
        name: v.name?.trim(),
        address: v.address?.trim(),
        phone: orNull(v.phone),
        email: orNull(v.email),
        openingHours: orNull(v.openingHours),
        source: v.source?.trim(),
        validFrom: v.validFrom?.format('YYYY-MM-DD'),
      };
      if (edit.mode === 'add') await recordHelpDesk({ ...contact, unitCode: edit.unitCode, kind: v.kind });
      else if (edit.mode === 'replace') await replaceHelpDesk(edit.desk.id, contact);
      else await closeHelpDesk(edit.desk.id, v.lastDay.format('YYYY-MM-DD'));
      void message.success(t('units.desks.saved'));
      onSaved();
    } catch (e) {
      const apiError = toApiError(e);
      const onFields = apiError.fields.filter((f) => FIELDS.includes(f.field));
      form.setFields(
        onFields.map((f) => ({ name: f.field as keyof Values, errors: [pick(f.messageVi, f.messageEn)] })),
      );
      if (onFields.length === 0) setError(apiError);
    } finally {
      setBusy(false);
    }
  };

  const title = !edit
    ? ''
    : edit.mode === 'add'
      ? t('units.desks.add')
      : t(edit.mode === 'replace' ? 'units.desks.replaceTitle' : 'units.desks.closeTitle', { name: edit.desk.name });
  const text = (max: number, required: boolean) => [
    { required, whitespace: true, message: t('units.desks.required') },
    { max, message: t('units.desks.tooLong', { n: max }) },
  ];
  return (
    <Modal
      open={edit !== null}
      title={title}
      okText={t('units.desks.save')}
      cancelText={t('units.desks.cancel')}
      okButtonProps={{ loading: busy, htmlType: 'submit', form: 'help-desk-form' }}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form<Values>
        id="help-desk-form"
        form={form}
        layout="vertical"
        requiredMark={false}
        initialValues={{ validFrom: dayjs(), lastDay: dayjs() }}
        onFinish={(v) => void submit(v)}
        // The server's refusal of a field goes as soon as the field is changed (fields without rules keep it otherwise).
        onValuesChange={(changed: Partial<Values>) =>
          form.setFields(Object.keys(changed).map((name) => ({ name: name as keyof Values, errors: [] })))
        }
      >
        {edit?.mode === 'close' ? (
          <Form.Item
            name="lastDay"
            label={t('units.desks.lastDay')}
            extra={t('units.desks.lastDayHint')}
            rules={[{ required: true, message: t('units.desks.required') }]}
          >
            <DatePicker format="DD/MM/YYYY" placeholder={t('common.datePlaceholder')} />
          </Form.Item>
        ) : (
          <>
            {edit?.mode === 'add' && (
              <Form.Item
                name="kind"
                label={t('units.desks.kind')}
                rules={[{ required: true, message: t('units.desks.required') }]}
              >
                <Select options={kindsFor(edit.level).map((k) => ({ value: k, label: t(KIND_LABEL[k]) }))} />
              </Form.Item>
            )}
            <Form.Item name="name" label={t('units.desks.name')} rules={text(200, true)}>
              <Input />
            </Form.Item>
            <Form.Item name="address" label={t('units.desks.address')} rules={text(300, true)}>
              <Input />
            </Form.Item>
            <Form.Item name="phone" label={t('units.desks.phone')} extra={t('units.desks.phoneHint')}>
              <Input inputMode="tel" autoComplete="off" />
            </Form.Item>
            <Form.Item name="email" label={t('units.desks.email')}>
              <Input inputMode="email" autoComplete="off" />
            </Form.Item>
            <Form.Item name="openingHours" label={t('units.desks.hours')} rules={text(300, false)}>
              <Input placeholder={t('units.desks.hoursPlaceholder')} />
            </Form.Item>
            <Form.Item
              name="source"
              label={t('units.desks.source')}
              extra={t('units.desks.sourceHint')}
              rules={text(300, true)}
            >
              <Input.TextArea rows={2} />
            </Form.Item>
            <Form.Item
              name="validFrom"
              label={t('units.desks.validFrom')}
              extra={edit?.mode === 'replace' ? t('units.desks.replaceHint') : undefined}
              rules={[{ required: true, message: t('units.desks.required') }]}
            >
              <DatePicker format="DD/MM/YYYY" placeholder={t('common.datePlaceholder')} />
            </Form.Item>
          </>
        )}
        {error && <ErrorAlert error={error} />}
      </Form>
    </Modal>
  );
}
