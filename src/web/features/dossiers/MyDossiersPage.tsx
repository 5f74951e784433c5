import { useState } from 'react';
import { Link } from 'react-router';
import { Card, Empty, Pagination, Skeleton } from 'antd';
import { useApi } from '../../api/use-api';
import { useI18n } from '../../shell/i18n';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageTitle } from '../../components/PageTitle';
import { formatDate, formatDateTime } from '../../components/format';
import { fetchMyDossiers } from './dossiers-api';
import { DeadlineTag, StateTag } from './DossierTags';
import './dossiers.css';
import './dossiers-office.css';

const PAGE_SIZE = 10;

/** /me/dossiers — "Hồ sơ của tôi": the citizen's dossiers as large cards (phone first), newest first. */
export default function MyDossiersPage() {
  const { t, pick } = useI18n();
  const [page, setPage] = useState(1);
  const list = useApi((signal) => fetchMyDossiers(page, PAGE_SIZE, { signal }), [page]);

  return (
    <div className="citizen-page">
      <PageTitle title={t('dossier.mine.title')} description={t('dossier.mine.intro')} />
      {list.error && <ErrorAlert error={list.error} onRetry={list.reload} />}
      {list.loading && !list.data && <Skeleton active paragraph={{ rows: 6 }} />}
      {list.data && list.data.items.length === 0 && (
        <Card className="section-card">
          <Empty description={t('dossier.mine.empty')} image={Empty.PRESENTED_IMAGE_SIMPLE} />
        </Card>
      )}
      {list.data && list.data.items.length > 0 && (
        <>
          <p className="list-total">{t('dossier.mine.total', { total: list.data.total })}</p>
          <ul className="plain-list dossier-cards">
            {list.data.items.map((d) => (
              <li key={d.id}>
                <Link to={`/me/dossiers/${d.id}`} className="dossier-card">
                  <span className="dossier-card-name">{pick(d.procedureNameVi, d.procedureNameEn)}</span>
                  <span className="dossier-card-code tabular">{d.code ?? t('dossier.noCode')}</span>
                  <span className="dossier-card-tags">
                    <StateTag state={d.state} />
                    <DeadlineTag flag={d.flag} />
                  </span>
                  <span className="dossier-card-dates">
                    {d.submittedAt && (
                      <span>
                        {t('dossier.submittedAt')}: {formatDate(d.submittedAt)}
                      </span>
                    )}
                    {d.dueAt && (
                      <span>
                        {t('dossier.dueAt')}: {formatDateTime(d.dueAt)}
                      </span>
                    )}
                  </span>
                </Link>
              </li>
            ))}
          </ul>
          {list.data.total > PAGE_SIZE && (
            <Pagination
              current={page}
              pageSize={PAGE_SIZE}
              total={list.data.total}
              onChange={setPage}
              showSizeChanger={false}
              className="list-pagination"
            />
          )}
        </>
      )}
      <Card className="section-card">
        <ul className="plain-list me-list">
          <li>
            <Link to="/procedures">{t('dossier.mine.fileNew')}</Link>
          </li>
          <li>
            <Link to="/tra-cuu">{t('dossier.mine.lookup')}</Link>
          </li>
        </ul>
      </Card>
    </div>
  );
}
