import { useState } from 'react';
import { Button, DatePicker, Form, Input, Modal, Typography } from 'antd';
import type { CommandBody, DossierCommand, StepInputField } from '../../../contracts/dossiers';
import type { RequiredDocument } from '../../../contracts/procedures';
import type { ApiError } from '../../api/client';
import { useI18n } from '../../shell/i18n';
import { ErrorAlert } from '../../components/ErrorAlert';
import { AttachmentPicker } from './AttachmentPicker';
import { splitFieldProblems } from './attachments';
import { COMMAND_FIELDS, commandBody, type CommandValues as Values } from './commands';
import { COMMAND_LABEL } from './dossier-labels';
import type { FilesByDocument } from './dossiers-api';
import type { CommandOutcome } from './use-dossier';

interface Props {
  command: DossierCommand | null;
  documents: readonly RequiredDocument[];
  /** What completing the running step of an interlinked group asks for (the card number); null: nothing. */
  stepInput?: readonly StepInputField[] | null;
  busy: boolean;
  onClose: () => void;
  onRun: (
    command: DossierCommand,
    body: Omit<CommandBody, 'expectedVersion'>,
    files?: FilesByDocument,
  ) => Promise<CommandOutcome>;
}

const FORM_FIELDS = new Set(['note', 'reason', 'legalBasis', 'items', 'newDueAt', 'outcome']);

/** The form of one command (remounted for each command, so nothing carries over from another). */
function CommandForm({
  command,
  documents,
  stepInput,
  onDone,
  onRun,
}: {
  command: DossierCommand;
  documents: readonly RequiredDocument[];
  stepInput: readonly StepInputField[];
  onDone: () => void;
  onRun: Props['onRun'];
}) {
  const { t, pick } = useI18n();
  const [form] = Form.useForm<Values>();
  const [files, setFiles] = useState<FilesByDocument>({});
  const [error, setError] = useState<ApiError>();
  const [fileProblems, setFileProblems] = useState<Record<string, string[]>>({});
  const needs = COMMAND_FIELDS[command];

  const submit = async (values: Values) => {
    setError(undefined);
    const outcome = await onRun(command, commandBody(values, needs), needs.files ? files : undefined);
    if (outcome.ok || outcome.conflict) {
      onDone();
      return;
    }
    const split = splitFieldProblems(
      outcome.error.fields,
      documents.map((d) => d.code),
    );
    // A problem goes on a field only when the dialog shows that field; any other is shown as an alert.
    const shown = (field: string) => {
      const [head = '', key] = field.split('.');
      if (head === 'outcome') return !!key && needs.outcome === true && stepInput.some((f) => f.key === key);
      return FORM_FIELDS.has(head) && head !== 'outcome';
    };
    const onForm = split.other.filter((p) => shown(p.field));
    form.setFields(
      onForm.map((p) => {
        const [head, key] = p.field.split('.');
        // A step's value is named `outcome.<key>`; the other fields by their first segment.
        const name = (head === 'outcome' && key ? ['outcome', key] : head) as Parameters<
          typeof form.setFields
        >[0][number]['name'];
        return { name, errors: [pick(p.messageVi, p.messageEn)] };
      }),
    );
    setFileProblems(
      Object.fromEntries(
        Object.entries(split.documents).map(([k, list]) => [k, list.map((p) => pick(p.messageVi, p.messageEn))]),
      ),
    );
    if (onForm.length < split.other.length || onForm.length === 0) setError(outcome.error);
  };

  return (
    <Form<Values>
      id="command-form"
      form={form}
      layout="vertical"
      onFinish={(v) => void submit(v)}
      initialValues={needs.items ? { items: [{ item: '', reason: '' }] } : {}}
    >
      <Typography.Paragraph className="command-explain">{t(`dossier.cmd.explain.${command}`)}</Typography.Paragraph>
      {needs.items && (
        <Form.List name="items">
          {(rows, { add, remove }) => (
            <div className="supplement-editor">
              {rows.map((row, i) => (
                <fieldset key={row.key} className="supplement-row">
                  <legend>{t('dossier.cmd.itemN', { n: i + 1 })}</legend>
                  <Form.Item
                    name={[row.name, 'item']}
                    label={t('dossier.cmd.item')}
                    rules={[{ required: true, min: 2, whitespace: true, message: t('dossier.cmd.itemRequired') }]}
                  >
                    <Input maxLength={300} />
                  </Form.Item>
                  <Form.Item
                    name={[row.name, 'reason']}
                    label={t('dossier.cmd.itemReason')}
                    rules={[{ required: true, min: 2, whitespace: true, message: t('dossier.cmd.itemReasonRequired') }]}
                  >
                    <Input maxLength={500} />
                  </Form.Item>
                  {rows.length > 1 && (
                    <Button type="link" danger onClick={() => remove(row.name)}>
                      {t('dossier.cmd.removeItem')}
                    </Button>
                  )}
                </fieldset>
              ))}
              {rows.length < 30 && (
                <Button onClick={() => add({ item: '', reason: '' })}>{t('dossier.cmd.addItem')}</Button>
              )}
            </div>
          )}
        </Form.List>
      )}
      {needs.outcome &&
        stepInput.map((f) => (
          <Form.Item
            key={f.key}
            name={['outcome', f.key]}
            label={pick(f.labelVi, f.labelEn)}
            extra={f.hintVi ? pick(f.hintVi, f.hintEn ?? f.hintVi) : undefined}
            rules={[{ required: true, whitespace: true, message: t('dossier.cmd.stepValueRequired') }]}
          >
            <Input
              type={f.widget === 'date' ? 'date' : 'text'}
              inputMode={f.widget === 'number' ? 'numeric' : undefined}
              maxLength={100}
            />
          </Form.Item>
        ))}
      {needs.newDueAt && (
        <Form.Item
          name="newDueAt"
          label={t('dossier.cmd.newDueAt')}
          rules={[{ required: true, message: t('dossier.cmd.newDueAtRequired') }]}
        >
          <DatePicker showTime={{ format: 'HH:mm', minuteStep: 15 }} format="DD/MM/YYYY HH:mm" className="full-width" />
        </Form.Item>
      )}
      {needs.reason && (
        <Form.Item
          name="reason"
          label={t(command === 'extend' ? 'dossier.cmd.lateReason' : 'dossier.cmd.reason')}
          rules={[{ required: true, min: 5, whitespace: true, message: t('dossier.cmd.reasonRequired') }]}
        >
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
      )}
      {needs.legalBasis && (
        <Form.Item
          name="legalBasis"
          label={t('dossier.cmd.legalBasis')}
          extra={t('dossier.cmd.legalBasisHint')}
          rules={[{ required: true, min: 5, whitespace: true, message: t('dossier.cmd.legalBasisRequired') }]}
        >
          <Input maxLength={500} />
        </Form.Item>
      )}
      {needs.files && (
        <AttachmentPicker
          documents={documents}
          files={files}
          onChange={setFiles}
          problems={fileProblems}
          markRequired={false}
        />
      )}
      <Form.Item name="note" label={t('dossier.cmd.note')}>
        <Input.TextArea rows={2} maxLength={2000} />
      </Form.Item>
      {error && <ErrorAlert error={error} />}
    </Form>
  );
}

/** The dialog of one command: only the fields it needs (reason and legal basis, missing items, new appointment, files), and a note. */
export function CommandModal({ command, documents, stepInput, busy, onClose, onRun }: Props) {
  const { t } = useI18n();
  const title = command ? t(COMMAND_LABEL[command]) : '';
  return (
    <Modal
      open={command !== null}
      title={title}
      onCancel={onClose}
      destroyOnHidden
      width={640}
      footer={[
        <Button key="cancel" onClick={onClose}>
          {t('dossier.cmd.cancel')}
        </Button>,
        <Button
          key="ok"
          type="primary"
          htmlType="submit"
          form="command-form"
          loading={busy}
          danger={command === 'refuse' || command === 'refuse_intake'}
        >
          {title}
        </Button>,
      ]}
    >
      {command && (
        <CommandForm
          key={command}
          command={command}
          documents={documents}
          stepInput={stepInput ?? []}
          onDone={onClose}
          onRun={onRun}
        />
      )}
    </Modal>
  );
}
