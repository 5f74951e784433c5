import { useState } from 'react';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import type { DossierDetail } from '../../../contracts/dossiers';
import type { RequiredDocument } from '../../../contracts/procedures';
import type { ApiError } from '../../api/client';
import { useI18n } from '../../shell/i18n';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDateTime } from '../../components/format';
import { AttachmentPicker } from './AttachmentPicker';
import { countFiles, splitFieldProblems } from './attachments';
import type { FilesByDocument } from './dossiers-api';
import type { CommandOutcome } from './use-dossier';

interface Props {
  dossier: DossierDetail;
  documents: readonly RequiredDocument[];
  /** May the viewer resubmit now (the `resubmit` command is allowed)? */
  canResubmit: boolean;
  busy: boolean;
  onResubmit: (note: string | undefined, files: FilesByDocument) => Promise<CommandOutcome>;
}

/**
 * The open request to supplement, shown first and in plain words: what is missing and why, that
 * the deadline is paused, then the form to send the missing papers (files by document) and a note.
 */
export function SupplementCard({ dossier, documents, canResubmit, busy, onResubmit }: Props) {
  const { t, pick } = useI18n();
  const [files, setFiles] = useState<FilesByDocument>({});
  const [note, setNote] = useState('');
  const [error, setError] = useState<ApiError>();
  const [problems, setProblems] = useState<Record<string, string[]>>({});
  const [nothing, setNothing] = useState(false);
  const supplement = dossier.supplement;
  if (!supplement) return null;

  const send = async () => {
    if (countFiles(files) === 0 && !note.trim()) {
      setNothing(true);
      return;
    }
    setNothing(false);
    setError(undefined);
    setProblems({});
    const outcome = await onResubmit(note.trim() || undefined, files);
    if (outcome.ok) {
      setFiles({});
      setNote('');
      return;
    }
    const split = splitFieldProblems(
      outcome.error.fields,
      documents.map((d) => d.code),
    );
    setProblems(
      Object.fromEntries(
        Object.entries(split.documents).map(([k, list]) => [k, list.map((p) => pick(p.messageVi, p.messageEn))]),
      ),
    );
    setError(outcome.conflict ? undefined : outcome.error);
  };

  return (
    <Card className="section-card supplement-card" role="region" aria-labelledby="supplement-title">
      <Typography.Title level={2} id="supplement-title" className="card-heading">
        {t('dossier.supp.title')}
      </Typography.Title>
      <p>{t('dossier.supp.intro', { at: formatDateTime(supplement.requestedAt) })}</p>
      <ol className="supplement-items">
        {supplement.items.map((it, i) => (
          <li key={i}>
            <strong>{it.item}</strong>
            <div>{it.reason}</div>
          </li>
        ))}
      </ol>
      <Alert type="info" showIcon title={t('dossier.supp.paused')} className="supplement-paused" />
      {canResubmit && (
        <Form layout="vertical" className="resubmit-form" onFinish={() => void send()}>
          <Typography.Title level={3} className="card-subheading">
            {t('dossier.supp.send')}
          </Typography.Title>
          <AttachmentPicker
            documents={documents}
            files={files}
            onChange={setFiles}
            problems={problems}
            markRequired={false}
          />
          <Form.Item label={t('dossier.supp.note')} htmlFor="resubmit-note">
            <Input.TextArea
              id="resubmit-note"
              rows={3}
              maxLength={2000}
              value={note}
              onChange={(e) => setNote(e.target.value)}
            />
          </Form.Item>
          {nothing && (
            <Alert type="warning" showIcon role="alert" title={t('dossier.supp.nothing')} className="form-problem" />
          )}
          {error && <ErrorAlert error={error} />}
          <Button type="primary" size="large" htmlType="submit" loading={busy} block className="big-button">
            {t('dossier.supp.submit')}
          </Button>
        </Form>
      )}
    </Card>
  );
}
