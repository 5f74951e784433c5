import { Card, Descriptions } from 'antd';
import { useSession } from '../../api/session';
import { useApi } from '../../api/use-api';
import { formatDateTime } from '../../components/format';
import { useRatingsT } from './use-ratings-text';
import { getDossierRating } from './ratings-api';
import { VALUE_LABEL } from './RatingCard';

/**
 * The citizen's rating on the officer's page of a dossier whose result was returned: the value,
 * the comment, when and where it was given — or that there is none yet. An officer without
 * `ratings.read` there sees nothing.
 */
export function DossierRatingCard({ dossierId, returned }: { dossierId: string; returned: boolean }) {
  const t = useRatingsT();
  const { can } = useSession();
  const show = returned && can('ratings.read');
  const state = useApi(show ? (signal) => getDossierRating(dossierId, { signal }) : null, [dossierId, show]);
  if (!show || !state.data) return null;
  const rating = state.data.rating;
  return (
    <Card title={t('rating.officer.title')} className="section-card" data-testid="dossier-rating">
      {!rating ? (
        t('rating.officer.none')
      ) : (
        <Descriptions
          column={1}
          size="small"
          items={[
            {
              key: 'value',
              label: t('rating.officer.value'),
              children: <strong>{t(VALUE_LABEL[rating.value])}</strong>,
            },
            ...(rating.comment
              ? [{ key: 'comment', label: t('rating.officer.comment'), children: rating.comment }]
              : []),
            {
              key: 'at',
              label: t('rating.officer.when'),
              children: `${formatDateTime(rating.ratedAt)} (${t(rating.via === 'link' ? 'rating.via.link' : 'rating.via.web')})`,
            },
          ]}
        />
      )}
    </Card>
  );
}
