import { useState } from 'react';
import { Button, Card, Typography } from 'antd';
import type { PersonDetail } from '../../../contracts/population';
import type { ApiError } from '../../api/client';
import { toApiError } from '../../api/use-api';
import { useT } from '../../shell/i18n';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PersonDetailView } from '../population';
import { fetchApplicant } from './dossiers-api';

/**
 * The applicant's record in the population registry, loaded only when the officer asks (the
 * server logs that access with the purpose "dossier processing", which the citizen can see).
 */
export function ApplicantCard({ dossierId, applicantName }: { dossierId: string; applicantName: string }) {
  const t = useT();
  const [person, setPerson] = useState<PersonDetail>();
  const [error, setError] = useState<ApiError>();
  const [busy, setBusy] = useState(false);

  const load = async () => {
    setBusy(true);
    setError(undefined);
    try {
      setPerson(await fetchApplicant(dossierId));
    } catch (e) {
      setError(toApiError(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card className="section-card" role="region" aria-labelledby="applicant-title">
      <Typography.Title level={2} id="applicant-title" className="card-heading">
        {t('dossier.applicant.title', { name: applicantName })}
      </Typography.Title>
      {!person && (
        <>
          <Typography.Paragraph>{t('dossier.applicant.explain')}</Typography.Paragraph>
          <Button onClick={() => void load()} loading={busy}>
            {t('dossier.applicant.show')}
          </Button>
        </>
      )}
      {error && <ErrorAlert error={error} />}
      {person && <PersonDetailView person={person} />}
    </Card>
  );
}
