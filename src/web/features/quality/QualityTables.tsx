import { Progress, Table } from 'antd';
import type { TableColumnsType } from 'antd';
import type { QualityReport, QualityScore } from '../../../contracts/population';
import { useI18n } from '../../shell/i18n';
import { formatNumber, formatPercent } from '../../components/format';
import { ScrollRegion } from '../../components/ScrollRegion';
import { QualityClassTag, qualityClassLabel, type QualityClass } from '../../components/QualityClassTag';

const CLASSES: QualityClass[] = ['correct', 'complete', 'clean', 'live'];
type Rule = QualityReport['rules'][number];

/** Scores per commune: score, persons, persons with findings, and persons with findings per class. */
export function CommuneScoresTable({ communes }: { communes: QualityScore[] }) {
  const { t, lang } = useI18n();
  const columns: TableColumnsType<QualityScore> = [
    {
      title: t('quality.table.commune'),
      dataIndex: 'unitName',
      sorter: (a, b) => (a.unitName ?? a.unitCode).localeCompare(b.unitName ?? b.unitCode, 'vi'),
      render: (name: string | null, c) => name ?? c.unitCode,
    },
    {
      title: t('quality.table.score'),
      dataIndex: 'score',
      defaultSortOrder: 'ascend',
      sorter: (a, b) => a.score - b.score,
      render: (score: number) => (
        <div className="score-cell">
          <span className="score-value">{formatPercent(score, lang)}</span>
          <Progress
            percent={score * 100}
            showInfo={false}
            size="small"
            strokeColor={score >= 0.9 ? '#237804' : score >= 0.75 ? '#ad6800' : '#a8071a'}
            aria-hidden
          />
        </div>
      ),
    },
    {
      title: t('quality.table.persons'),
      dataIndex: 'persons',
      align: 'end',
      sorter: (a, b) => a.persons - b.persons,
      render: (n: number) => formatNumber(n, lang),
    },
    {
      title: t('quality.table.withFindings'),
      dataIndex: 'personsWithFindings',
      align: 'end',
      sorter: (a, b) => a.personsWithFindings - b.personsWithFindings,
      render: (n: number) => formatNumber(n, lang),
    },
    ...CLASSES.map((cls) => ({
      title: qualityClassLabel(t, cls),
      key: cls,
      align: 'end' as const,
      responsive: ['md' as const],
      sorter: (a: QualityScore, b: QualityScore) => (a.byClass[cls] ?? 0) - (b.byClass[cls] ?? 0),
      render: (_: unknown, c: QualityScore) => formatNumber(c.byClass[cls] ?? 0, lang),
    })),
  ];
  return (
    <div data-testid="commune-scores">
      <ScrollRegion label={t('quality.table.commune')} maxHeight={520} wide>
        <Table<QualityScore>
          rowKey="unitCode"
          columns={columns}
          dataSource={communes}
          pagination={false}
          size="small"
        />
      </ScrollRegion>
    </div>
  );
}

/** Rules with the number of findings in the run. */
export function RulesTable({ rules }: { rules: Rule[] }) {
  const { t, pick, lang } = useI18n();
  const columns: TableColumnsType<Rule> = [
    { title: t('quality.rules.title'), key: 'title', render: (_: unknown, r) => pick(r.titleVi, r.titleEn) },
    {
      title: t('quality.rules.class'),
      dataIndex: 'class',
      render: (cls: string) => <QualityClassTag qualityClass={cls}>{qualityClassLabel(t, cls)}</QualityClassTag>,
    },
    {
      title: t('quality.rules.severity'),
      dataIndex: 'severity',
      responsive: ['sm'],
      className: 'nowrap',
      render: (s: string) => (s === 'error' ? t('quality.severity.error') : t('quality.severity.warning')),
    },
    {
      title: t('quality.rules.code'),
      dataIndex: 'code',
      responsive: ['lg'],
      render: (code: string) => <code>{code}</code>,
    },
    {
      title: t('quality.rules.findings'),
      dataIndex: 'findings',
      align: 'end',
      defaultSortOrder: 'descend',
      sorter: (a, b) => a.findings - b.findings,
      render: (n: number) => formatNumber(n, lang),
    },
  ];
  return (
    <ScrollRegion label={t('quality.rules.heading')}>
      <Table<Rule> rowKey="code" columns={columns} dataSource={rules} pagination={false} size="small" />
    </ScrollRegion>
  );
}
