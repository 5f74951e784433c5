import { useState } from 'react';
import { Input, Modal } from 'antd';
import type { ApiError } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useI18n } from '../../shell/i18n';

interface Props {
  open: boolean;
  title: string;
  /** The confirming button's text (a red button: rejecting). */
  okText: string;
  /** The reason field's label, and what is said when it is left empty. */
  label: string;
  requiredText: string;
  /** The text area's id (unique on the page). */
  inputId: string;
  busy: boolean;
  /** The server's refusal: its `reason` problem under the field, any other above the buttons. */
  error: ApiError | undefined;
  /** Called with the reason, trimmed and not empty. */
  onSubmit: (reason: string) => void;
  onCancel: () => void;
}

/** A refusal that needs a reason (a probable link, a change request): the reason is required before sending. */
export function ReasonModal({
  open,
  title,
  okText,
  label,
  requiredText,
  inputId,
  busy,
  error,
  onSubmit,
  onCancel,
}: Props) {
  const { pick } = useI18n();
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  // Closing forgets what was typed: the next refusal starts empty (the parent clears its error on cancel).
  const [wasOpen, setWasOpen] = useState(open);
  if (wasOpen !== open) {
    setWasOpen(open);
    if (!open) {
      setReason('');
      setMissing(false);
    }
  }
  const fieldError = error?.fields.find((f) => f.field === 'reason');
  const errorId = `${inputId}-error`;
  const invalid = missing || fieldError !== undefined;
  const submit = () => {
    if (reason.trim() === '') setMissing(true);
    else onSubmit(reason.trim());
  };
  return (
    <Modal
      open={open}
      title={title}
      okText={okText}
      okButtonProps={{ danger: true, loading: busy }}
      onOk={submit}
      onCancel={onCancel}
    >
      <label className="sector-field" htmlFor={inputId}>
        <span className="field-label">{label}</span>
      </label>
      <Input.TextArea
        id={inputId}
        value={reason}
        maxLength={500}
        rows={3}
        status={invalid ? 'error' : undefined}
        aria-invalid={invalid || undefined}
        aria-describedby={invalid ? errorId : undefined}
        onChange={(e) => {
          setReason(e.target.value);
          setMissing(false);
        }}
      />
      {missing && (
        <div className="sector-field-error" id={errorId} role="alert">
          {requiredText}
        </div>
      )}
      {fieldError && !missing && (
        <div className="sector-field-error" id={errorId}>
          {pick(fieldError.messageVi, fieldError.messageEn)}
        </div>
      )}
      {error && !fieldError && <ErrorAlert error={error} />}
    </Modal>
  );
}
