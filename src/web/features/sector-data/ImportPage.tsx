import { useEffect, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { Alert, App, Button, Card, Col, Popconfirm, Row, Select, Space, Steps, Upload } from 'antd';
import { SECTOR_IMPORT_MAX_BYTES } from '../../../contracts/sector-data';
import type { ApiError } from '../../api/client';
import { toApiError, useApi } from '../../api/use-api';
import { CommuneSelect } from '../../components/CommuneSelect';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageTitle } from '../../components/PageTitle';
import { formatDateTime, formatNumber } from '../../components/format';
import { useI18n } from '../../shell/i18n';
import { MappingCard } from './MappingCard';
import { ImportResult } from './ImportResult';
import { cancelImport, fetchBatch, fetchMappings, saveMapping, uploadList, type ImportAnswer } from './sector-api';
import { columnsFromRefusal, guessMapping, pollDelay } from './sector-labels';
import { useDatasetTypes } from './use-types';
import { useSectorT } from './use-sector-text';
import './sector-data.css';

type Phase = 'choose' | 'columns' | 'progress' | 'result';
const STEP: Record<Phase, number> = { choose: 0, columns: 1, progress: 2, result: 3 };

/**
 * /du-lieu-chuyen-nganh/nhap — the import wizard: dataset type, unit and file; the columns by hand
 * when the server does not recognise a required one (saved under a name if wished); live progress
 * (GET /batches/:id, rows read) with a cancel button; then the counts, the diff and the error rows.
 */
export default function ImportPage() {
  const t = useSectorT();
  const { pick, lang } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const types = useDatasetTypes();
  const [typeCode, setTypeCode] = useState<string>();
  const [unitCode, setUnitCode] = useState<string>();
  const [savedName, setSavedName] = useState<string>();
  const [file, setFile] = useState<File>();
  const [phase, setPhase] = useState<Phase>('choose');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();
  const [columns, setColumns] = useState<string[]>([]);
  const [manual, setManual] = useState<Record<string, string>>({});
  const [answer, setAnswer] = useState<ImportAnswer>();
  const mappings = useApi(typeCode ? (signal) => fetchMappings(typeCode, { signal }) : null, [typeCode]);
  const type = types.items.find((x) => x.code === typeCode);
  const batch = answer?.batch;

  // Live progress: the batch is asked for every second while it imports. Each wait has its own
  // AbortController: leaving the progress step (a cancel, the result) aborts the ask in flight, and an
  // answer arriving after the step was left is ignored — a late 'importing' must not overwrite the
  // 'cancelled' that the cancel brought. A failed ask is shown as a warning and asked again, later.
  const phaseRef = useRef<Phase>(phase);
  phaseRef.current = phase;
  const [pollFailures, setPollFailures] = useState(0);
  const [pollError, setPollError] = useState<ApiError>();
  useEffect(() => {
    if (phase !== 'progress' || !batch || batch.state !== 'importing') return;
    const controller = new AbortController();
    const live = () => !controller.signal.aborted && phaseRef.current === 'progress';
    const timer = setTimeout(() => {
      fetchBatch(batch.id, { signal: controller.signal })
        .then((next) => {
          if (!live()) return;
          setPollFailures(0);
          setPollError(undefined);
          setAnswer({ duplicate: false, batch: next });
          if (next.state !== 'importing') setPhase('result');
        })
        .catch((e: unknown) => {
          if (!live()) return;
          setPollError(toApiError(e));
          setPollFailures((n) => n + 1);
        });
    }, pollDelay(pollFailures));
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [phase, batch, pollFailures]);

  const reset = () => {
    setPhase('choose');
    setFile(undefined);
    setAnswer(undefined);
    setError(undefined);
    setPollError(undefined);
    setPollFailures(0);
    setColumns([]);
    setManual({});
  };

  const start = async (byHand?: { columns: Record<string, string>; saveAs?: string }) => {
    if (!file || !typeCode) return;
    setBusy(true);
    setError(undefined);
    try {
      if (byHand?.saveAs) {
        await saveMapping({ datasetType: typeCode, name: byHand.saveAs, columns: byHand.columns });
        void message.success(t('sector.import.saved', { name: byHand.saveAs }));
        mappings.reload();
      }
      const next = await uploadList(file, {
        datasetType: typeCode,
        unitCode,
        ...(byHand ? { mapping: byHand.columns } : savedName ? { mappingName: savedName } : {}),
      });
      setAnswer(next);
      setPhase(!next.duplicate && next.batch.state === 'importing' ? 'progress' : 'result');
    } catch (e) {
      const refusal = toApiError(e);
      setError(refusal);
      const found = refusal.code === 'SECTOR.HEADER_INVALID' ? columnsFromRefusal(refusal.messageVi) : [];
      if (found.length > 0 && type) {
        setColumns(found);
        setManual(byHand?.columns ?? guessMapping(type.fields, found));
        setPhase('columns');
      }
    } finally {
      setBusy(false);
    }
  };

  const cancel = async () => {
    if (!batch) return;
    try {
      const cancelled = await cancelImport(batch.id);
      phaseRef.current = 'result'; // a poll answering before the re-render is ignored
      setAnswer({ duplicate: false, batch: cancelled });
      setPhase('result');
    } catch (e) {
      setError(toApiError(e));
    }
  };

  const steps = (['choose', 'columns', 'progress', 'result'] as const).map((p) => ({
    title: t(`sector.import.step.${p}`),
  }));

  return (
    <>
      <PageTitle title={t('sector.import.title')} description={t('sector.import.intro')} />
      <Card className="section-card">
        <Steps current={STEP[phase]} items={steps} size="small" className="sector-steps" />
      </Card>
      {phase === 'choose' && (
        <Card className="section-card" title={t('sector.import.step.choose')}>
          <Space orientation="vertical" size={16} style={{ width: '100%' }}>
            <Row gutter={[16, 16]}>
              <Col xs={24} md={12}>
                <label className="sector-field" htmlFor="sector-type">
                  <span className="field-label">{t('sector.import.type')}</span>
                </label>
                <Select<string>
                  id="sector-type"
                  value={typeCode}
                  placeholder={t('sector.import.typeChoose')}
                  style={{ width: '100%' }}
                  loading={types.loading}
                  onChange={(v) => {
                    setTypeCode(v);
                    setSavedName(undefined);
                  }}
                  options={types.items.map((x) => ({ value: x.code, label: pick(x.nameVi, x.nameEn) }))}
                />
              </Col>
              <Col xs={24} md={12}>
                <label className="sector-field" htmlFor="sector-unit">
                  <span className="field-label">{t('sector.import.unit')}</span>
                </label>
                <CommuneSelect id="sector-unit" value={unitCode} onChange={setUnitCode} />
                <span className="sector-muted">{t('sector.import.unitDefault')}</span>
              </Col>
              {typeCode && (mappings.data?.items.length ?? 0) > 0 && (
                <Col xs={24} md={12}>
                  <label className="sector-field" htmlFor="sector-mapping">
                    <span className="field-label">{t('sector.import.savedMapping')}</span>
                  </label>
                  <Select<string>
                    id="sector-mapping"
                    value={savedName ?? ''}
                    style={{ width: '100%' }}
                    onChange={(v) => setSavedName(v || undefined)}
                    options={[
                      { value: '', label: t('sector.import.savedMappingNone') },
                      ...(mappings.data?.items ?? []).map((m) => ({ value: m.name, label: m.name })),
                    ]}
                  />
                </Col>
              )}
            </Row>
            <Upload
              accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              maxCount={1}
              fileList={file ? [{ uid: 'file', name: file.name, status: 'done' }] : []}
              beforeUpload={(f) => {
                if (f.size > SECTOR_IMPORT_MAX_BYTES)
                  void message.error(t('sector.import.tooLarge', { mb: SECTOR_IMPORT_MAX_BYTES / 1024 / 1024 }));
                else {
                  setFile(f);
                  setError(undefined);
                }
                return false;
              }}
              onRemove={() => setFile(undefined)}
            >
              <Button>{t('sector.import.choose')}</Button>
            </Upload>
            {types.error && <ErrorAlert error={types.error} onRetry={types.reload} />}
            {error && <ErrorAlert error={error} />}
            <Button type="primary" disabled={!file || !typeCode} loading={busy} onClick={() => void start()}>
              {t('sector.import.start')}
            </Button>
          </Space>
        </Card>
      )}
      {phase === 'columns' && type && (
        <MappingCard
          type={type}
          columns={columns}
          value={manual}
          onChange={setManual}
          error={error}
          busy={busy}
          onBack={reset}
          onSubmit={(saveAs) => void start({ columns: manual, saveAs })}
        />
      )}
      {phase === 'progress' && batch && (
        <Card className="section-card" title={t('sector.import.step.progress')}>
          <Space orientation="vertical" size={12} style={{ width: '100%' }}>
            <div role="status" aria-live="polite" className="sector-progress">
              {t('sector.import.progress', { rows: formatNumber(batch.rowsRead, lang) })}
            </div>
            <span className="sector-muted">
              {batch.fileName} · {formatDateTime(batch.createdAt)}
            </span>
            <span className="sector-muted">{t('sector.import.progressHint')}</span>
            {pollError && (
              <Alert
                type="warning"
                showIcon
                title={t('sector.import.pollFailed')}
                description={pick(pollError.messageVi, pollError.messageEn)}
              />
            )}
            {error && <ErrorAlert error={error} />}
            <Popconfirm title={t('sector.import.cancelConfirm')} onConfirm={() => void cancel()}>
              <Button danger>{t('sector.import.cancel')}</Button>
            </Popconfirm>
          </Space>
        </Card>
      )}
      {phase === 'result' && answer && (
        <ImportResult answer={answer} onOpen={(id) => void navigate(`/du-lieu-chuyen-nganh/${id}`)} onAnother={reset} />
      )}
    </>
  );
}
