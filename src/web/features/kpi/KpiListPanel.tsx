import { useEffect, useRef, useState } from 'react';
import { Alert, Button, Card, Segmented, Skeleton, Space, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { CloseOutlined, FileExcelOutlined } from '@ant-design/icons';
import type { Indicator, KpiList } from '../../../contracts/kpi';
import { rememberPurpose } from '../../api/purpose-memory';
import { useApi } from '../../api/use-api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDate } from '../../components/format';
import { ScrollRegion } from '../../components/ScrollRegion';
import { useI18n } from '../../shell/i18n';
import { PurposeDialog } from '../population';
import { fetchKpiList, kpiListXlsxUrl } from './kpi-api';
import {
  EXPORT_MAX_ROWS,
  exportState,
  formatCell,
  LIST_PAGE_SIZE,
  LIST_PAGE_SIZES,
  listRefusal,
  type ListRefusal,
} from './kpi-list';
import { useKpiText } from './kpi-text';
import { periodLabel } from './KpiParts';

interface Props {
  period: string;
  indicator: Indicator;
  unitCode: string;
  unitName: string;
  onClose: () => void;
  /** The server said the indicator's source gives no list: the page stops offering it. */
  onNoList: (indicatorCode: string) => void;
}

type Side = KpiList['side'];
type Row = KpiList['items'][number] & { __key: number };

/**
 * The list behind a commune's figure (issue 15 §2): the people or dossiers not counted yet ("chưa
 * đạt", what an officer acts on) or those counted, paged, exportable to XLSX. Personal data: a purpose
 * is asked first (the registry's purpose dialog, nothing pre-selected) and every reading is logged by
 * the server. A session without the right to the list in the unit (leaders see figures, not people)
 * gets a plain explanation of the server's 403.
 */
export function KpiListPanel({ period, indicator, unitCode, unitName, onClose, onNoList }: Props) {
  const t = useKpiText();
  const { pick, lang } = useI18n();
  const [purpose, setPurpose] = useState<string>();
  const [asking, setAsking] = useState(true);
  const [side, setSide] = useState<Side>('missing');
  const [page, setPage] = useState({ current: 1, size: LIST_PAGE_SIZE });
  const heading = useRef<HTMLHeadingElement>(null);
  const params = { period, indicator: indicator.code, unitCode, side };
  const list = useApi(
    purpose
      ? (signal) => fetchKpiList({ ...params, purpose, page: page.current, pageSize: page.size }, { signal })
      : null,
    [purpose, side, page.current, page.size, period, indicator.code, unitCode],
  );
  const refusal: ListRefusal | null = list.error ? listRefusal(list.error) : null;

  useEffect(() => {
    heading.current?.scrollIntoView({ block: 'start' });
    heading.current?.focus({ preventScroll: true });
  }, []);
  useEffect(() => {
    if (refusal === 'no_list') onNoList(indicator.code);
  }, [refusal, indicator.code, onNoList]);

  const name = pick(indicator.nameVi, indicator.nameEn);
  const open = purpose !== undefined && refusal === null;
  return (
    <section aria-labelledby="kpi-list-title" data-testid="kpi-list" className="kpi-list">
      <Card
        className="section-card"
        title={
          <h2 id="kpi-list-title" className="kpi-section-title kpi-list-title" tabIndex={-1} ref={heading}>
            {t('kpi.list.title')}
          </h2>
        }
        extra={
          <Button icon={<CloseOutlined aria-hidden />} onClick={onClose}>
            {t('kpi.list.close')}
          </Button>
        }
      >
        <Typography.Paragraph strong>
          {t('kpi.list.subtitle', { indicator: name, unit: unitName, period: periodLabel(t, period) })}
        </Typography.Paragraph>
        {refusal === 'forbidden' && (
          <Alert
            type="warning"
            showIcon
            role="alert"
            data-testid="kpi-list-forbidden"
            title={t('kpi.list.forbidden', { unit: unitName })}
            description={t('kpi.list.forbiddenWho')}
          />
        )}
        {refusal === 'no_list' && <Alert type="info" showIcon role="alert" title={t('kpi.list.noList')} />}
        {refusal === 'other' && list.error && <ErrorAlert error={list.error} onRetry={list.reload} />}
        {purpose === undefined && (
          <Space orientation="vertical">
            <Typography.Paragraph className="kpi-list-purpose">{t('kpi.list.purposeNeeded')}</Typography.Paragraph>
            <Button type="primary" onClick={() => setAsking(true)}>
              {t('kpi.list.purposeChoose')}
            </Button>
          </Space>
        )}
        {open && (
          <ListBody
            list={list.data?.side === side ? list.data : undefined}
            loading={list.loading}
            indicator={indicator}
            side={side}
            onSide={(s) => {
              setSide(s);
              setPage((p) => ({ ...p, current: 1 }));
            }}
            onPage={(current, size) => setPage({ current: size === page.size ? current : 1, size })}
            exportUrl={kpiListXlsxUrl({ ...params, purpose })}
            onChangePurpose={() => setAsking(true)}
            lang={lang}
          />
        )}
      </Card>
      <PurposeDialog
        open={asking}
        onChoose={(code) => {
          rememberPurpose(code);
          setPurpose(code);
          setAsking(false);
        }}
        onCancel={() => setAsking(false)}
      />
    </section>
  );
}

function ListBody(props: {
  list: KpiList | undefined;
  loading: boolean;
  indicator: Indicator;
  side: Side;
  onSide: (side: Side) => void;
  onPage: (page: number, size: number) => void;
  exportUrl: string;
  onChangePurpose: () => void;
  lang: 'vi' | 'en';
}) {
  const { list, loading, indicator, side, onSide, onPage, exportUrl, onChangePurpose, lang } = props;
  const t = useKpiText();
  const { pick } = useI18n();
  const texts = {
    numerator: pick(indicator.numeratorVi, indicator.numeratorEn),
    denominator: pick(indicator.denominatorVi, indicator.denominatorEn),
  };
  const exporting = list ? exportState(list.total) : 'empty';
  const columns: TableColumnsType<Row> = (list?.columns ?? []).map((c) => ({
    key: c.key,
    title: pick(c.labelVi, c.labelEn),
    render: (_: unknown, row: Row) => formatCell(row[c.key], lang),
  }));
  const offset = list ? (list.page - 1) * list.pageSize : 0;
  const rows: Row[] = (list?.items ?? []).map((item, i) => ({ ...item, __key: offset + i }));
  return (
    <>
      <div className="kpi-list-bar">
        <Segmented<Side>
          aria-label={t('kpi.list.side')}
          value={side}
          onChange={onSide}
          options={(['missing', 'counted'] as const).map((s) => ({ value: s, label: t(`kpi.list.side.${s}`) }))}
        />
        <Space wrap>
          <Button
            href={exporting === 'ok' ? exportUrl : undefined}
            download
            disabled={exporting !== 'ok'}
            icon={<FileExcelOutlined aria-hidden />}
          >
            {t('kpi.list.export')}
          </Button>
          <Button onClick={onChangePurpose}>{t('kpi.list.purposeChange')}</Button>
        </Space>
      </div>
      <Typography.Paragraph type="secondary">{t(`kpi.list.help.${side}`, texts)}</Typography.Paragraph>
      {!list && loading && <Skeleton active paragraph={{ rows: 6 }} />}
      {list && (
        <>
          <Typography.Paragraph role="status" data-testid="kpi-list-total">
            {t('kpi.list.total', {
              total: new Intl.NumberFormat(lang === 'vi' ? 'vi-VN' : 'en-GB').format(list.total),
            })}{' '}
            <span className="kpi-list-asof">{t('kpi.list.asOf', { asOf: formatDate(list.asOf) })}</span>
          </Typography.Paragraph>
          {exporting === 'too_large' && (
            <Alert
              type="info"
              showIcon
              title={t('kpi.list.exportTooLarge', {
                max: EXPORT_MAX_ROWS.toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-GB'),
              })}
            />
          )}
          <div data-testid="kpi-list-table">
            <ScrollRegion label={t('kpi.list.table')} wide>
              <Table<Row>
                rowKey="__key"
                columns={columns}
                dataSource={rows}
                size="small"
                loading={loading}
                locale={{ emptyText: t('kpi.list.empty') }}
                pagination={{
                  current: list.page,
                  pageSize: list.pageSize,
                  total: list.total,
                  showSizeChanger: list.total > LIST_PAGE_SIZES[0]!,
                  pageSizeOptions: LIST_PAGE_SIZES,
                  onChange: onPage,
                }}
              />
            </ScrollRegion>
          </div>
        </>
      )}
    </>
  );
}
