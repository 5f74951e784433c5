import { useState } from 'react';
import { Button, Card, Input, Space } from 'antd';
import type { PilotModel } from '../../../contracts/pilots';
import { useI18n } from '../../shell/i18n';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDateTime, formatNumber } from '../../components/format';
import { addReport, fileUrl } from './pilots-api';
import { parseIndicators } from './pilot-labels';
import { useCommand } from './use-command';
import { Field } from './Field';
import { usePilotsT } from './use-pilots-text';

const ACCEPT = '.pdf,.docx,.xlsx';

/** The periodic progress reports, newest first, and the form of a new one (text, indicator values, files). */
export function ReportsCard({ model, onChange }: { model: PilotModel; onChange: (m: PilotModel) => void }) {
  const { lang } = useI18n();
  const t = usePilotsT();
  const [period, setPeriod] = useState('');
  const [text, setText] = useState('');
  const [indicators, setIndicators] = useState('');
  const [files, setFiles] = useState<File[]>([]);
  const [inputKey, setInputKey] = useState(0);
  const [badLine, setBadLine] = useState<string>();
  const { busy, error, run } = useCommand(onChange);
  const editable = model.may.manage && model.state !== 'evaluated';

  const send = async () => {
    const parsed = parseIndicators(indicators);
    if ('bad' in parsed) return setBadLine(parsed.bad);
    setBadLine(undefined);
    const ok = await run(
      () => addReport(model.id, { period: period.trim(), text, indicators: parsed.values }, files),
      t('pilots.reports.sent'),
    );
    if (ok) {
      setPeriod('');
      setText('');
      setIndicators('');
      setFiles([]);
      setInputKey((k) => k + 1);
    }
  };

  return (
    <Card className="section-card" title={t('pilots.reports.title')}>
      {model.reports.length === 0 && <p>{t('pilots.reports.none')}</p>}
      {model.reports.map((r) => (
        <article key={r.id} className="pilots-report">
          <h3>
            {t('pilots.reports.by', { period: r.period, name: r.createdByName ?? '', at: formatDateTime(r.createdAt) })}
          </h3>
          <p className="pilots-text">{r.text}</p>
          {r.indicators.length > 0 && (
            <ul>
              {r.indicators.map((i) => (
                <li key={i.label}>
                  {i.label}: <strong>{formatNumber(i.value, lang)}</strong>
                </li>
              ))}
            </ul>
          )}
          {r.files.length > 0 && (
            <ul className="pilots-files">
              {r.files.map((f) => (
                <li key={f.id}>
                  <a href={fileUrl(model.id, f.id)}>{f.fileName}</a>
                </li>
              ))}
            </ul>
          )}
        </article>
      ))}
      {editable && (
        <Space orientation="vertical" size={8} className="pilots-report-form">
          <Field id="pilot-report-period" label={t('pilots.reports.period')}>
            <Input id="pilot-report-period" value={period} maxLength={10} onChange={(e) => setPeriod(e.target.value)} />
          </Field>
          <Field id="pilot-report-text" label={t('pilots.reports.text')}>
            <Input.TextArea
              id="pilot-report-text"
              rows={4}
              value={text}
              maxLength={10000}
              onChange={(e) => setText(e.target.value)}
            />
          </Field>
          <Field id="pilot-report-indicators" label={t('pilots.reports.indicators')}>
            <Input.TextArea
              id="pilot-report-indicators"
              rows={2}
              value={indicators}
              placeholder="Tỷ lệ hồ sơ trực tuyến (%) = 72"
              onChange={(e) => setIndicators(e.target.value)}
            />
          </Field>
          {badLine && <p className="pilots-error">{t('pilots.reports.badIndicator', { line: badLine })}</p>}
          <Field id="pilot-report-files" label={t('pilots.reports.files')}>
            <input
              key={inputKey}
              id="pilot-report-files"
              type="file"
              multiple
              accept={ACCEPT}
              onChange={(e) => setFiles([...(e.target.files ?? [])].slice(0, 5))}
            />
          </Field>
          <Button
            type="primary"
            disabled={!period.trim() || text.trim().length < 10}
            loading={busy}
            onClick={() => void send()}
          >
            {t('pilots.reports.add')}
          </Button>
        </Space>
      )}
      {error && <ErrorAlert error={error} />}
    </Card>
  );
}
