import { useState } from 'react';
import { Button, Card, Input, Space, Timeline } from 'antd';
import type { PilotModel } from '../../../contracts/pilots';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDateTime } from '../../components/format';
import { moveModel } from './pilots-api';
import { stateKey } from './pilot-labels';
import { useCommand } from './use-command';
import { Field } from './Field';
import { usePilotsT } from './use-pilots-text';

/** Every transition (who, when, note), and the agency's next step (in progress, completed). */
export function HistoryCard({ model, onChange }: { model: PilotModel; onChange: (m: PilotModel) => void }) {
  const t = usePilotsT();
  const [note, setNote] = useState('');
  const { busy, error, run } = useCommand(onChange);

  return (
    <Card className="section-card" title={t('pilots.history.title')}>
      <Timeline
        items={model.transitions.map((x) => ({
          key: x.at + x.toState,
          content: (
            <>
              <strong>{t(stateKey(x.toState))}</strong>{' '}
              <span className="pilots-muted">
                {formatDateTime(x.at)} · {x.byName ?? ''}
              </span>
              {x.note && <div>{x.note}</div>}
            </>
          ),
        }))}
      />
      {model.nextStates.length > 0 && (
        <Space wrap align="end">
          <Field id="pilot-transition-note" label={t('pilots.history.note')}>
            <Input id="pilot-transition-note" value={note} maxLength={1000} onChange={(e) => setNote(e.target.value)} />
          </Field>
          {model.nextStates.map((to) => (
            <Button
              key={to}
              loading={busy}
              onClick={() =>
                void run(() => moveModel(model.id, to, note.trim() || undefined), t('pilots.history.moved')).then(
                  (ok) => ok && setNote(''),
                )
              }
            >
              {t('pilots.history.move', { state: t(stateKey(to)) })}
            </Button>
          ))}
        </Space>
      )}
      {error && <ErrorAlert error={error} />}
    </Card>
  );
}
