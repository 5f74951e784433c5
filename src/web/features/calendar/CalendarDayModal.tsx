import { useEffect, useState } from 'react';
import dayjs, { type Dayjs } from 'dayjs';
import { DatePicker, Form, Input, Modal, Select } from 'antd';
import { CALENDAR_DAY_KINDS, type CalendarDayKind } from '../../../contracts/calendar';
import { formatDateVi } from '../../../contracts/common';
import type { ApiError } from '../../api/client';
import { toApiError } from '../../api/use-api';
import { useI18n } from '../../shell/i18n';
import { ErrorAlert } from '../../components/ErrorAlert';
import { addDay, changeDay, type CalendarDay } from './calendar-api';
import { kindKey } from './calendar-labels';

interface Values {
  date: Dayjs;
  kind: CalendarDayKind;
  name: string;
  source: string;
}

interface Props {
  /** `null` closed; `{ year }` to add a day in that year; `{ day }` to edit it. */
  target: { year: number; day?: CalendarDay } | null;
  onClose: () => void;
  onSaved: () => void;
}

const FIELDS = ['date', 'kind', 'name', 'source'] as const;

/** Add or edit one day off / working Saturday with its source. */
export function CalendarDayModal({ target, onClose, onSaved }: Props) {
  const { t, pick } = useI18n();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();
  const editing = target?.day;

  useEffect(() => {
    if (!target) return;
    setError(undefined);
    form.resetFields();
    if (target.day)
      form.setFieldsValue({
        date: dayjs(target.day.date),
        kind: target.day.kind,
        name: target.day.name,
        source: target.day.source,
      });
  }, [target, form]);

  const submit = async (values: Values) => {
    setBusy(true);
    setError(undefined);
    try {
      const body = { kind: values.kind, name: values.name.trim(), source: values.source.trim() };
      if (editing) await changeDay(editing.date, body);
      else await addDay({ ...body, date: values.date.format('YYYY-MM-DD') });
      onSaved();
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

  const year = target?.year ?? new Date().getFullYear();
  return (
    <Modal
      open={target !== null}
      title={editing ? t('calendar.edit.title', { date: formatDateVi(editing.date) }) : t('calendar.add.title')}
      okText={t('calendar.save')}
      cancelText={t('calendar.cancel')}
      okButtonProps={{ loading: busy, htmlType: 'submit', form: 'calendar-day-form' }}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form<Values>
        id="calendar-day-form"
        form={form}
        layout="vertical"
        requiredMark={false}
        onFinish={(v) => void submit(v)}
      >
        <Form.Item
          name="date"
          label={t('calendar.field.date')}
          rules={[{ required: true, message: t('calendar.field.required') }]}
        >
          <DatePicker
            format="DD/MM/YYYY"
            disabled={Boolean(editing)}
            defaultPickerValue={dayjs(`${year}-01-01`)}
            disabledDate={(d) => d.year() !== year}
            placeholder={t('common.datePlaceholder')}
          />
        </Form.Item>
        <Form.Item
          name="kind"
          label={t('calendar.field.kind')}
          extra={t('calendar.field.kindHint')}
          rules={[{ required: true, message: t('calendar.field.required') }]}
        >
          <Select options={CALENDAR_DAY_KINDS.map((k) => ({ value: k, label: t(kindKey(k)) }))} />
        </Form.Item>
        <Form.Item
          name="name"
          label={t('calendar.field.name')}
          rules={[{ required: true, whitespace: true, max: 200, message: t('calendar.field.required') }]}
        >
          <Input placeholder={t('calendar.field.namePlaceholder')} autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="source"
          label={t('calendar.field.source')}
          rules={[{ required: true, whitespace: true, min: 3, max: 500, message: t('calendar.field.sourceRequired') }]}
        >
          <Input.TextArea rows={3} placeholder={t('calendar.field.sourcePlaceholder')} />
        </Form.Item>
        {error && <ErrorAlert error={error} />}
      </Form>
    </Modal>
  );
}
