import { useState } from 'react';
import { App, Form, Input, InputNumber, Modal } from 'antd';
import type { Payment } from '../../../contracts/payments';
import { formatVnd } from '../../../contracts/fees';
import { toApiError } from '../../api/use-api';
import type { ApiError } from '../../api/client';
import { useI18n } from '../../shell/i18n';
import { ErrorAlert } from '../../components/ErrorAlert';
import { refundable } from './payment-labels';
import { refundPayment } from './payments-api';

interface Values {
  amount: number;
  reason: string;
}

/**
 * Refund of a paid payment by an officer: an amount up to what is left (full by default) and a
 * required reason, then a confirmation — the request goes to the gateway at once.
 */
export function RefundModal({
  payment,
  open,
  onClose,
  onDone,
}: {
  payment: Payment;
  open: boolean;
  onClose: () => void;
  onDone: (p: Payment) => void;
}) {
  const { t, pick, lang } = useI18n();
  const { modal, message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();
  const max = refundable(payment);

  const send = async (values: Values) => {
    setBusy(true);
    setError(undefined);
    try {
      const next = await refundPayment(payment.id, { amount: values.amount, reason: values.reason.trim() });
      void message.success(t('pay.refund.done'));
      form.resetFields();
      onDone(next);
    } catch (e) {
      const err = toApiError(e);
      const fields = err.fields.filter((f) => f.field === 'amount' || f.field === 'reason');
      if (fields.length)
        form.setFields(
          fields.map((f) => ({ name: f.field as keyof Values, errors: [pick(f.messageVi, f.messageEn)] })),
        );
      else setError(err);
    } finally {
      setBusy(false);
    }
  };

  const confirm = (values: Values) =>
    modal.confirm({
      title: t('pay.refund.confirmTitle', { amount: formatVnd(values.amount, lang) }),
      content: t('pay.refund.confirmText'),
      okText: t('pay.refund.confirmOk'),
      okButtonProps: { danger: true },
      cancelText: t('pay.refund.cancel'),
      onOk: () => send(values),
    });

  return (
    <Modal
      open={open}
      title={t('pay.refund.title', { reference: payment.reference })}
      okText={t('pay.refund.submit')}
      cancelText={t('pay.refund.cancel')}
      okButtonProps={{ danger: true, loading: busy }}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" initialValues={{ amount: max }} onFinish={confirm} requiredMark>
        <Form.Item
          name="amount"
          label={t('pay.refund.amount')}
          extra={t('pay.refund.amountHint', { max: formatVnd(max, lang) })}
          rules={[
            {
              required: true,
              type: 'integer',
              min: 1,
              max,
              message: t('pay.refund.amountRequired', { max: String(max) }),
            },
          ]}
        >
          <InputNumber min={1} max={max} step={1000} precision={0} className="full-width" />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('pay.refund.reason')}
          rules={[{ required: true, whitespace: true, min: 5, message: t('pay.refund.reasonRequired') }]}
        >
          <Input.TextArea rows={3} maxLength={500} showCount />
        </Form.Item>
      </Form>
      {error && <ErrorAlert error={error} />}
    </Modal>
  );
}
