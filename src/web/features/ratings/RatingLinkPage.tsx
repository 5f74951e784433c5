import { useEffect } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { Card, Skeleton } from 'antd';
import { useApi } from '../../api/use-api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageTitle } from '../../components/PageTitle';
import { useRatingsT } from './use-ratings-text';
import { followRatingLink } from './ratings-api';

/**
 * Where the link of the result message lands (`/danh-gia/<token>`): once the citizen is signed in
 * (the layout asks), the token is checked and the citizen is taken to the rating card of their
 * dossier's page; an expired or foreign link says so, in plain words.
 */
export default function RatingLinkPage() {
  const t = useRatingsT();
  const { token = '' } = useParams();
  const navigate = useNavigate();
  const target = useApi((signal) => followRatingLink(token, { signal }), [token]);
  useEffect(() => {
    if (target.data)
      void navigate(`/me/dossiers/${target.data.dossierId}?danh-gia=${encodeURIComponent(token)}#danh-gia`, {
        replace: true,
      });
  }, [target.data, navigate, token]);
  return (
    <>
      <PageTitle title={t('rating.link.title')} />
      <Card className="section-card">
        {target.error ? (
          <>
            <ErrorAlert error={target.error} />
            <p>
              <Link to="/me/dossiers">{t('rating.link.toMine')}</Link>
            </p>
          </>
        ) : (
          <>
            <p>{t('rating.link.opening')}</p>
            <Skeleton active paragraph={{ rows: 2 }} />
          </>
        )}
      </Card>
    </>
  );
}
