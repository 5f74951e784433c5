import { useEffect, useMemo, useState } from 'react';
import { Alert, AutoComplete, Card, Checkbox, Col, DatePicker, Form, Row, Select, Space } from 'antd';
import dayjs from 'dayjs';
import type { Visit } from '../../../contracts/counter';
import { useApi } from '../../api/use-api';
import { useSession } from '../../api/session';
import { useI18n } from '../../shell/i18n';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageTitle } from '../../components/PageTitle';
import { formatDate, todayInVietnam } from '../../components/format';
import { useCurrentUnits } from '../../components/unit-names';
import { listVisits } from './counter-api';
import { CorrectionModal } from './CorrectionModal';
import { DeviceCard } from './DeviceCard';
import { AssistedFilingsCard } from './AssistedFilingsCard';
import { HistoryModal } from './HistoryModal';
import { SummaryCard } from './SummaryCard';
import { VisitForm } from './VisitForm';
import { VisitTable } from './VisitTable';
import {
  loadCounterChoice,
  saveCounterChoice,
  visitFromAssistedFiling,
  type CounterChoice,
  type VisitFormValues,
} from './visit-form-model';
import './counter.css';

const PAGE_SIZE = 20;
const storage = () => (typeof window === 'undefined' ? undefined : window.localStorage);

/**
 * The counter PC's page (target 1 of the plan): the quick form for each citizen served, the day's
 * list of this counter below it, and a small summary over a date range. Readers without the right
 * to record (leaders) see the list and the summary only.
 */
export default function CounterPage() {
  const { t } = useI18n();
  const { me, can } = useSession();
  const { nameOf } = useCurrentUnits();
  const today = todayInVietnam();
  const canRecord = can('counter.visit.record');
  const units = useMemo(
    () => [...new Set((me?.grants ?? []).map((g) => g.unitCode).filter((u): u is string => u !== null))],
    [me],
  );

  const [counter, setCounter] = useState<CounterChoice>(() => loadCounterChoice(storage()));
  const unitCode =
    counter.unitCode && units.includes(counter.unitCode) ? counter.unitCode : units.length === 1 ? units[0] : undefined;
  useEffect(() => saveCounterChoice(storage(), counter), [counter]);

  const [date, setDate] = useState(today);
  const [onlyThisCounter, setOnlyThisCounter] = useState(true);
  const [page, setPage] = useState(1);
  const label = counter.counterLabel.trim();
  const counterFilter = onlyThisCounter && label ? label : undefined;
  const list = useApi(
    (signal) => listVisits({ date, unitCode, counter: counterFilter, page, pageSize: PAGE_SIZE }, { signal }),
    [date, unitCode, counterFilter, page],
  );
  const [correcting, setCorrecting] = useState<Visit>();
  const [historyOf, setHistoryOf] = useState<string>();
  /** Bumped after each record or correction, so the summary reloads. */
  const [version, setVersion] = useState(0);
  /** Facts put in the form from a filing on the counter device. */
  const [prefill, setPrefill] = useState<{ key: number; values: VisitFormValues }>();

  const labelOptions = [...new Set((list.data?.items ?? []).map((v) => v.counterLabel))].map((value) => ({ value }));
  /** After a record or a correction: today's first page and the summary are read again. */
  const refresh = () => {
    setVersion((v) => v + 1);
    if (date !== today) setDate(today);
    else if (page === 1) list.reload();
    setPage(1);
  };

  return (
    <>
      <PageTitle title={t('counter.title')} description={t('counter.description')} />
      <Card className="section-card counter-bar">
        <Form layout="inline" className="counter-toolbar">
          <Form.Item label={t('counter.unit')} htmlFor={units.length > 1 ? 'counter-unit' : undefined}>
            {units.length > 1 ? (
              <Select
                id="counter-unit"
                className="counter-unit-select"
                value={unitCode}
                placeholder={t('counter.unitPlaceholder')}
                onChange={(u: string) => setCounter((c) => ({ ...c, unitCode: u }))}
                options={units.map((u) => ({ value: u, label: nameOf(u) }))}
              />
            ) : (
              <strong>{unitCode ? nameOf(unitCode) : t('counter.allUnits')}</strong>
            )}
          </Form.Item>
          <Form.Item label={t('counter.counterLabel')} required={canRecord} htmlFor="counter-label">
            <AutoComplete
              id="counter-label"
              className="counter-label-input"
              value={counter.counterLabel}
              options={labelOptions}
              onChange={(v: string) => setCounter((c) => ({ ...c, counterLabel: v }))}
              placeholder={t('counter.counterLabelPlaceholder')}
              maxLength={40}
            />
          </Form.Item>
        </Form>
      </Card>

      {canRecord ? (
        <Card className="section-card" title={t('counter.form.title')} id="counter-visit-form">
          <VisitForm
            counter={{ unitCode, counterLabel: counter.counterLabel }}
            onRecorded={refresh}
            prefill={prefill}
          />
        </Card>
      ) : (
        <Alert type="info" showIcon title={t('counter.viewOnly')} className="counter-found" />
      )}

      <Card
        className="section-card"
        title={t('counter.list.title', { date: formatDate(date) })}
        extra={
          <Space wrap>
            <Checkbox
              checked={onlyThisCounter}
              disabled={!label}
              onChange={(e) => {
                setOnlyThisCounter(e.target.checked);
                setPage(1);
              }}
            >
              {label ? t('counter.list.onlyCounter', { counter: label }) : t('counter.list.allCounters')}
            </Checkbox>
            <DatePicker
              value={dayjs(date)}
              format="DD/MM/YYYY"
              allowClear={false}
              disabledDate={(d) => d.isAfter(dayjs(today), 'day')}
              onChange={(d) => {
                if (d) {
                  setDate(d.format('YYYY-MM-DD'));
                  setPage(1);
                }
              }}
              aria-label={t('counter.list.date')}
            />
          </Space>
        }
      >
        {list.error && <ErrorAlert error={list.error} onRetry={list.reload} />}
        <VisitTable
          page={list.data}
          loading={list.loading}
          showCounter={!counterFilter}
          onPage={setPage}
          onCorrect={setCorrecting}
          onHistory={(v) => setHistoryOf(v.id)}
        />
      </Card>

      <Row>
        <Col span={24}>
          <SummaryCard today={today} version={version} />
        </Col>
      </Row>

      {canRecord && (
        <AssistedFilingsCard
          unitCode={unitCode}
          counterLabel={counterFilter}
          version={version}
          onRecord={(filing) => {
            setPrefill((p) => ({ key: (p?.key ?? 0) + 1, values: visitFromAssistedFiling(filing) }));
            document.getElementById('counter-visit-form')?.scrollIntoView({ block: 'start', behavior: 'smooth' });
          }}
        />
      )}
      {canRecord && <DeviceCard counter={{ unitCode, counterLabel: counter.counterLabel }} />}

      <CorrectionModal
        visit={correcting}
        onClose={() => setCorrecting(undefined)}
        onSaved={() => {
          setCorrecting(undefined);
          setVersion((v) => v + 1);
          list.reload();
        }}
      />
      <HistoryModal visitId={historyOf} onClose={() => setHistoryOf(undefined)} />
    </>
  );
}
