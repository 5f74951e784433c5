import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { Button, Card, DatePicker, Drawer, Empty, Skeleton, Space, Table } from 'antd';
import type { TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import type { Indicator } from '../../../../contracts/kpi';
import { useSession } from '../../../api/session';
import { useApi } from '../../../api/use-api';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { PageTitle } from '../../../components/PageTitle';
import { ScrollRegion } from '../../../components/ScrollRegion';
import { formatDate, todayInVietnam } from '../../../components/format';
import { withChanges } from '../../../components/search-params';
import { useI18n } from '../../../shell/i18n';
import { fetchIndicators } from './indicators-api';
import { formatThreshold } from './indicator-labels';
import { useIndicatorsText } from './indicators-text';
import { levelsText, MethodCell, validText } from './IndicatorParts';
import { IndicatorDrawer } from './IndicatorDrawer';
import { VersionForm } from './VersionForm';
import './indicators.css';

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const DATE_ID = 'kpiind-on';

/**
 * /chi-tieu/chi-so — the plan's indicators in force on a day (issue 15 §1): code, target, name,
 * threshold, unit levels, period, method and source, days in force. A row opens its versions; a
 * province administrator (kpi.indicators.manage) issues a new version from a date there. The day
 * (`ngay`) and the open indicator (`mo`) are in the address. The administrator also adds a brand-new
 * indicator (a code not used yet) from "Thêm chỉ tiêu", which opens it once issued.
 */
export default function IndicatorsPage() {
  const t = useIndicatorsText();
  const { lang, pick } = useI18n();
  const [params, setParams] = useSearchParams();
  const today = todayInVietnam();
  const on = DAY.test(params.get('ngay') ?? '') ? params.get('ngay')! : today;
  const openCode = params.get('mo');
  const list = useApi((signal) => fetchIndicators(on, { signal }).then((data) => ({ on, data })), [on]);
  const shown = list.data?.on === on ? list.data.data : undefined;
  const change = (changes: Record<string, string | undefined>) =>
    setParams(withChanges(params, changes), { replace: true });
  const [opener, setOpener] = useState<HTMLElement | null>(null);
  const [adding, setAdding] = useState(false);
  const mayManage = useSession().can('kpi.indicators.manage');
  const open = shown?.find((i) => i.code === openCode);

  const openRow = (indicator: Indicator, element: HTMLElement | null) => {
    setOpener(element);
    change({ mo: indicator.code });
  };
  const close = () => {
    change({ mo: undefined });
    opener?.focus(); // back to the row's button, for keyboard users
  };

  const columns: TableColumnsType<Indicator> = [
    {
      title: t('kpiInd.col.code'),
      key: 'code',
      className: 'kpiind-code',
      // The code opens the versions (no column of its own for a button: the table fits a counter PC).
      render: (_: unknown, i) => {
        const [target, rest] = i.code.split('.');
        return (
          <Button
            type="link"
            className="kpiind-open"
            aria-label={t('kpiInd.openLabel', { code: i.code })}
            onClick={(e) => {
              e.stopPropagation();
              openRow(i, e.currentTarget);
            }}
          >
            {/* T11.WELFARE_CASHLESS may break after its dot (and only there) on a narrow screen. */}
            {rest ? (
              <span>
                {target}.<wbr />
                {rest}
              </span>
            ) : (
              i.code
            )}
          </Button>
        );
      },
    },
    {
      title: t('kpiInd.col.target'),
      key: 'target',
      render: (_: unknown, i) => i.target ?? <span className="kpiind-muted">{t('kpiInd.noTarget')}</span>,
    },
    {
      title: t('kpiInd.col.name'),
      key: 'name',
      className: 'kpiind-name',
      render: (_: unknown, i) => pick(i.nameVi, i.nameEn),
    },
    {
      title: t('kpiInd.col.threshold'),
      key: 'threshold',
      className: 'kpiind-nowrap',
      render: (_: unknown, i) => formatThreshold(i.comparison, i.threshold, lang),
    },
    { title: t('kpiInd.col.levels'), key: 'levels', render: (_: unknown, i) => levelsText(t, i.unitLevels) },
    { title: t('kpiInd.col.period'), key: 'period', render: (_: unknown, i) => t(`kpiInd.period.${i.periodType}`) },
    { title: t('kpiInd.col.method'), key: 'method', render: (_: unknown, i) => <MethodCell indicator={i} /> },
    { title: t('kpiInd.col.valid'), key: 'valid', render: (_: unknown, i) => validText(t, i) },
  ];

  return (
    <>
      <PageTitle
        title={t('kpiInd.title')}
        description={t('kpiInd.description')}
        extra={<Link to="/chi-tieu">{t('kpiInd.toDashboard')}</Link>}
      />
      <Card className="section-card" data-testid="kpiind-controls">
        <Space wrap size={16} align="end">
          <div className="kpiind-field">
            <label className="field-label" htmlFor={DATE_ID}>
              {t('kpiInd.on')}
            </label>
            <DatePicker
              id={DATE_ID}
              value={dayjs(on)}
              format="DD/MM/YYYY"
              allowClear={false}
              placeholder={t('kpiInd.datePlaceholder')}
              onChange={(d) =>
                d && change({ ngay: d.format('YYYY-MM-DD') === today ? undefined : d.format('YYYY-MM-DD') })
              }
            />
          </div>
          {shown && (
            <span className="kpiind-muted" data-testid="kpiind-count">
              {t('kpiInd.count', { n: shown.length, date: formatDate(on) })}
            </span>
          )}
          {mayManage && <Button onClick={() => setAdding(true)}>{t('kpiInd.add')}</Button>}
        </Space>
      </Card>
      {list.error && <ErrorAlert error={list.error} onRetry={list.reload} />}
      {!shown && list.loading && <Skeleton active paragraph={{ rows: 8 }} />}
      {shown && (
        <Card className="section-card" data-testid="kpiind-list">
          {shown.length === 0 ? (
            <Empty description={t('kpiInd.empty')} />
          ) : (
            <ScrollRegion label={t('kpiInd.table.label')}>
              <Table<Indicator>
                rowKey="code"
                size="middle"
                loading={list.loading}
                columns={columns}
                dataSource={shown}
                pagination={false}
                onRow={(i) => ({ onClick: () => openRow(i, null), className: 'kpiind-row' })}
              />
            </ScrollRegion>
          )}
        </Card>
      )}
      {open && (
        <IndicatorDrawer
          key={open.code}
          indicator={open}
          onChanged={list.reload}
          onClose={close}
          title={t('kpiInd.drawer.title', { code: open.code })}
        />
      )}
      {adding && (
        <Drawer
          open
          onClose={() => setAdding(false)}
          size="large"
          title={t('kpiInd.add')}
          closable={{ 'aria-label': t('kpiInd.close') }}
        >
          <VersionForm
            versions={[]}
            takenCodes={shown?.map((i) => i.code)}
            onCancel={() => setAdding(false)}
            onSaved={(created) => {
              setAdding(false);
              // Opened on the day it starts when that is later than the day shown (that day's list lacks it).
              if (created.validFrom > on) change({ ngay: created.validFrom, mo: created.code });
              else {
                list.reload();
                change({ mo: created.code });
              }
            }}
          />
        </Drawer>
      )}
    </>
  );
}
