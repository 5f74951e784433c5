import { useState } from 'react';
import dayjs, { type Dayjs } from 'dayjs';
import { Button, Card, DatePicker, Descriptions, Form, InputNumber, Typography } from 'antd';
import type { ApiError } from '../../api/client';
import { toApiError } from '../../api/use-api';
import { useI18n } from '../../shell/i18n';
import { ErrorAlert } from '../../components/ErrorAlert';
import { StatusTag } from '../../components/StatusTag';
import { computeDeadline, type DeadlineResult } from './calendar-api';
import { formatVietnamDateTime, vietnamInstant } from './calendar-labels';

interface Values {
  receivedAt: Dayjs;
  workingDays: number;
}

/** "Tính hạn giải quyết": the due time of a time limit in working days, on the server's calendar (public API). */
export function DeadlineCalculator() {
  const { t, pick, lang } = useI18n();
  const [form] = Form.useForm<Values>();
  const [result, setResult] = useState<DeadlineResult>();
  const [error, setError] = useState<ApiError>();
  const [busy, setBusy] = useState(false);

  const submit = async (values: Values) => {
    setBusy(true);
    setError(undefined);
    try {
      // The picked wall-clock time is Vietnam time, whatever the browser's zone.
      setResult(
        await computeDeadline(vietnamInstant(values.receivedAt.format('YYYY-MM-DDTHH:mm')), values.workingDays),
      );
    } catch (e) {
      const apiError = toApiError(e);
      const onFields = apiError.fields.filter((f) => f.field === 'receivedAt' || f.field === 'workingDays');
      form.setFields(
        onFields.map((f) => ({ name: f.field as keyof Values, errors: [pick(f.messageVi, f.messageEn)] })),
      );
      if (onFields.length === 0) setError(apiError);
      setResult(undefined);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card className="section-card" title={<Typography.Title level={2}>{t('deadline.title')}</Typography.Title>}>
      <Typography.Paragraph type="secondary">{t('deadline.intro')}</Typography.Paragraph>
      <Form<Values>
        form={form}
        layout="inline"
        requiredMark={false}
        initialValues={{ receivedAt: dayjs().second(0), workingDays: 1 }}
        onFinish={(v) => void submit(v)}
        data-testid="deadline-form"
      >
        <Form.Item
          name="receivedAt"
          label={t('deadline.receivedAt')}
          rules={[{ required: true, message: t('calendar.field.required') }]}
        >
          <DatePicker showTime={{ format: 'HH:mm' }} format="DD/MM/YYYY HH:mm" allowClear={false} />
        </Form.Item>
        <Form.Item
          name="workingDays"
          label={t('deadline.workingDays')}
          extra={t('deadline.workingDaysHint')}
          rules={[{ required: true, message: t('calendar.field.required') }]}
        >
          <InputNumber min={0} max={365} step={0.5} decimalSeparator={lang === 'vi' ? ',' : '.'} inputMode="decimal" />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit" loading={busy}>
            {t('deadline.compute')}
          </Button>
        </Form.Item>
      </Form>
      {error && <ErrorAlert error={error} />}
      {result && (
        <Descriptions column={1} size="small" className="deadline-result" data-testid="deadline-result">
          <Descriptions.Item label={t('deadline.effective')}>
            {formatVietnamDateTime(result.effectiveReceivedAt)}
          </Descriptions.Item>
          <Descriptions.Item label={t('deadline.due')}>
            <strong>{formatVietnamDateTime(result.dueAt)}</strong>{' '}
            {result.provisional && (
              <StatusTag kind="warn">
                {t('deadline.provisional', { years: result.provisionalYears.join(', ') })}
              </StatusTag>
            )}
          </Descriptions.Item>
        </Descriptions>
      )}
    </Card>
  );
}
