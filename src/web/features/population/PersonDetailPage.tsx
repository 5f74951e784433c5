import { useNavigate, useParams } from 'react-router';
import { Button, Skeleton, Space, Tag } from 'antd';
import { useApi } from '../../api/use-api';
import { useT } from '../../app/i18n';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageTitle } from '../../components/PageTitle';
import { fetchPersonDetail } from './population-api';
import { PersonDetailView } from './PersonDetailView';

/**
 * Loads and shows one record. Kept apart from the route so that a later "purpose of
 * access" prompt can sit between the route and this loader and pass the purpose in
 * the request options (headers) without touching the view.
 */
function PersonRecord({ id }: { id: string }) {
  const t = useT();
  const person = useApi((signal) => fetchPersonDetail(id, { signal }), [id]);
  if (person.error) {
    return (
      <>
        <PageTitle title={t('person.title')} />
        <ErrorAlert error={person.error} onRetry={person.reload} />
      </>
    );
  }
  if (!person.data) {
    return (
      <>
        <PageTitle title={t('person.title')} />
        <Skeleton active paragraph={{ rows: 8 }} />
      </>
    );
  }
  const p = person.data;
  return (
    <>
      <PageTitle
        title={p.fullName}
        description={
          <Space wrap>
            <span>{t('person.title')}</span>
            {p.status === 'deceased' && <Tag>{t('person.status.deceased')}</Tag>}
          </Space>
        }
      />
      <PersonDetailView person={p} />
    </>
  );
}

/** Route /population/persons/:id — the registry officer's view of one person. */
export default function PersonDetailPage() {
  const t = useT();
  const navigate = useNavigate();
  const { id = '' } = useParams();
  // Back to the results when we came from them (the search is kept in that history entry).
  const back = () => {
    const idx = (window.history.state as { idx?: number } | null)?.idx ?? 0;
    void (idx > 0 ? navigate(-1) : navigate('/population/search'));
  };
  return (
    <>
      <Button type="link" className="back-link" onClick={back}>
        ← {t('person.backToSearch')}
      </Button>
      <PersonRecord key={id} id={id} />
    </>
  );
}
