import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { Button, Skeleton, Space, Tag, Typography } from 'antd';
import { rememberPurpose } from '../../api/purpose-memory';
import { useApi } from '../../api/use-api';
import { useT } from '../../shell/i18n';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageTitle } from '../../components/PageTitle';
import { fetchPersonDetail } from './population-api';
import { PersonDetailView } from './PersonDetailView';
import { PurposeDialog } from './PurposeDialog';

/** Loads and shows one record for the purpose the officer chose. */
function PersonRecord({ id, purpose, onChangePurpose }: { id: string; purpose: string; onChangePurpose: () => void }) {
  const t = useT();
  const person = useApi((signal) => fetchPersonDetail(id, purpose, { signal }), [id, purpose]);
  if (person.error) {
    return (
      <>
        <PageTitle title={t('person.title')} />
        <Space orientation="vertical" className="full-width">
          <ErrorAlert error={person.error} onRetry={person.reload} />
          <Button onClick={onChangePurpose}>{t('purpose.change')}</Button>
        </Space>
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

/** Asks the purpose (every time, nothing pre-selected), then shows the record. */
function PurposeGate({ id, onCancel }: { id: string; onCancel: () => void }) {
  const t = useT();
  const [purpose, setPurpose] = useState<string>();
  const [asking, setAsking] = useState(true);
  return (
    <>
      {purpose ? (
        <PersonRecord id={id} purpose={purpose} onChangePurpose={() => setAsking(true)} />
      ) : (
        <>
          <PageTitle title={t('person.title')} />
          <Typography.Paragraph>{t('purpose.needed')}</Typography.Paragraph>
          <Button type="primary" onClick={() => setAsking(true)}>
            {t('purpose.choose')}
          </Button>
        </>
      )}
      <PurposeDialog
        open={asking}
        onChoose={(code) => {
          rememberPurpose(code);
          setPurpose(code);
          setAsking(false);
        }}
        onCancel={() => (purpose ? setAsking(false) : onCancel())}
      />
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
      <PurposeGate key={id} id={id} onCancel={back} />
    </>
  );
}
