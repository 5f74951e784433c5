import { useMemo } from 'react';
import { useSearchParams } from 'react-router';
import type { UnitNode } from '../../../contracts/units';
import { Card, Col, Empty, Input, Radio, Row, Skeleton, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import { useApi } from '../../api/use-api';
import { useI18n } from '../../shell/i18n';
import { DayPicker } from '../../components/DayPicker';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageTitle } from '../../components/PageTitle';
import { formatDate, todayInVietnam } from '../../components/format';
import { BEFORE_REFORM, REFORM_DATE, fetchUnitTree } from './units-api';
import { UnitDetails } from './UnitDetails';
import { UnitTree, countLevels, indexTree } from './UnitTree';

const isIsoDate = (s: string | null): s is string => !!s && /^\d{4}-\d{2}-\d{2}$/.test(s) && dayjs(s).isValid();

/** Administrative units before and after the 2025 reform, with the links between them. */
export default function UnitsPage() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const today = todayInVietnam();
  const afterDefault = today >= REFORM_DATE ? today : REFORM_DATE;
  const asOfParam = params.get('asOf');
  const asOf = isIsoDate(asOfParam) ? asOfParam : afterDefault;
  const code = params.get('code') ?? undefined;
  const period = asOf < REFORM_DATE ? 'before' : 'after';

  const tree = useApi((signal) => fetchUnitTree(asOf, { signal }), [asOf]);
  const counts = tree.data ? countLevels(tree.data) : undefined;
  const index = useMemo(() => (tree.data ? indexTree(tree.data) : new Map<string, UnitNode>()), [tree.data]);

  const open = (next: { code?: string; asOf?: string }) => {
    const p = new URLSearchParams();
    p.set('asOf', next.asOf ?? asOf);
    const c = 'code' in next ? next.code : code;
    if (c) p.set('code', c);
    setParams(p);
  };

  return (
    <>
      <PageTitle title={t('units.title')} description={t('units.description')} />
      <Card className="section-card">
        <Space wrap size="large" align="end">
          <div>
            <div className="field-label" id="period-label">
              {t('units.period')}
            </div>
            <Radio.Group
              aria-labelledby="period-label"
              optionType="button"
              buttonStyle="solid"
              value={period}
              onChange={(e) => open({ asOf: e.target.value === 'before' ? BEFORE_REFORM : afterDefault })}
              options={[
                { value: 'before', label: t('units.before') },
                { value: 'after', label: t('units.after') },
              ]}
            />
          </div>
          <div>
            <DayPicker id="units-as-of" label={t('units.asOf')} value={asOf} onChange={(d) => open({ asOf: d })} />
          </div>
          <div>
            <label className="field-label" htmlFor="units-code">
              {t('units.lookup')}
            </label>
            <Input.Search
              id="units-code"
              inputMode="numeric"
              maxLength={5}
              placeholder="03388"
              enterButton={t('units.lookupButton')}
              onSearch={(v) => v.trim() && open({ code: v.trim() })}
              className="code-search"
            />
          </div>
        </Space>
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Card className="section-card" title={t('units.treeTitle', { date: formatDate(asOf) })}>
            {tree.error && <ErrorAlert error={tree.error} onRetry={tree.reload} />}
            {!tree.data && !tree.error && <Skeleton active />}
            {tree.data && counts && (
              <>
                <Typography.Paragraph data-testid="unit-counts">
                  {(['district', 'commune'] as const)
                    .filter((level) => counts[level])
                    .map((level) =>
                      t(level === 'district' ? 'units.count.district' : 'units.count.commune', {
                        n: counts[level] ?? 0,
                      }),
                    )
                    .join(' · ')}
                </Typography.Paragraph>
                <UnitTree key={asOf} root={tree.data} selected={code} onSelect={(c) => open({ code: c })} />
              </>
            )}
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card className="section-card sticky-card" title={t('units.detailsTitle')}>
            {code ? (
              <UnitDetails
                code={code}
                asOf={asOf}
                nameOf={(c) => index.get(c)?.fullName}
                onOpen={(c, d) => open({ code: c, asOf: d })}
              />
            ) : (
              <Empty description={t('units.pickOne')} image={Empty.PRESENTED_IMAGE_SIMPLE} />
            )}
          </Card>
        </Col>
      </Row>
    </>
  );
}
