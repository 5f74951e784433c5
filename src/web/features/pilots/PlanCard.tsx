import { useState } from 'react';
import { Button, Card, Space } from 'antd';
import type { PilotModel } from '../../../contracts/pilots';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDateTime } from '../../components/format';
import { fileUrl, uploadPlan } from './pilots-api';
import { useCommand } from './use-command';
import { Field } from './Field';
import { usePilotsT } from './use-pilots-text';

const ACCEPT =
  '.pdf,.docx,.xlsx,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The implementation plan: its versions, and the upload (the first one makes the model "planned"). */
export function PlanCard({ model, onChange }: { model: PilotModel; onChange: (m: PilotModel) => void }) {
  const t = usePilotsT();
  const [file, setFile] = useState<File>();
  const [inputKey, setInputKey] = useState(0);
  const { busy, error, run } = useCommand(onChange);
  const mayUpload = model.may.manage && model.state !== 'evaluated';

  return (
    <Card className="section-card" title={t('pilots.plan.title')}>
      {model.plans.length === 0 ? (
        <p>{t('pilots.plan.none')}</p>
      ) : (
        <ol className="pilots-files">
          {model.plans.map((p, i) => (
            <li key={p.id}>
              <a href={fileUrl(model.id, p.id)}>{p.fileName}</a>{' '}
              <span className="pilots-muted">
                {t('pilots.plan.version', { n: i + 1 })} · {p.uploadedByName ?? ''} · {formatDateTime(p.uploadedAt)}
              </span>
            </li>
          ))}
        </ol>
      )}
      {mayUpload && (
        <Space wrap className="pilots-upload">
          <Field id="pilot-plan-file" label={t('pilots.plan.choose')}>
            <input
              key={inputKey}
              id="pilot-plan-file"
              type="file"
              accept={ACCEPT}
              onChange={(e) => setFile(e.target.files?.[0])}
            />
          </Field>
          <Button
            type="primary"
            disabled={!file}
            loading={busy}
            onClick={() =>
              void run(() => uploadPlan(model.id, file!), t('pilots.plan.uploaded')).then((ok) => {
                if (ok) {
                  setFile(undefined);
                  setInputKey((k) => k + 1);
                }
              })
            }
          >
            {t('pilots.plan.upload')}
          </Button>
        </Space>
      )}
      {error && <ErrorAlert error={error} />}
    </Card>
  );
}
