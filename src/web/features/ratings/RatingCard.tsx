import { useState } from 'react';
import type { ReactNode } from 'react';
import { Alert, Button, Card, Input, Typography } from 'antd';
import { FrownOutlined, MehOutlined, SmileOutlined } from '@ant-design/icons';
import { RATING_COMMENT_MAX, type RatingValue } from '../../../contracts/service-index';
import { useApi, toApiError } from '../../api/use-api';
import type { ApiError } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useRatingsT } from './use-ratings-text';
import type { viRatings } from './messages.vi';
import { getMyRating, rateDossier } from './ratings-api';
import './ratings.css';

export const VALUE_LABEL: Record<RatingValue, keyof typeof viRatings> = {
  satisfied: 'rating.value.satisfied',
  neutral: 'rating.value.neutral',
  dissatisfied: 'rating.value.dissatisfied',
};
/** A face beside each word (decoration: the word says it); icons, not emoji, which some phones lack. */
const FACE: Record<RatingValue, ReactNode> = {
  satisfied: <SmileOutlined />,
  neutral: <MehOutlined />,
  dissatisfied: <FrownOutlined />,
};
const VALUES: readonly RatingValue[] = ['satisfied', 'neutral', 'dissatisfied'];

interface Props {
  dossierId: string;
  /** The token of the result message's link, when the citizen came from it. */
  linkToken?: string;
}

/**
 * The citizen rates the service once the dossier's result is returned (issue 17 §5): three large
 * buttons in words (phone first, one under the other), an optional comment, one send button.
 * Shows nothing before the result; the rating given afterwards.
 */
export function RatingCard({ dossierId, linkToken }: Props) {
  const t = useRatingsT();
  const state = useApi((signal) => getMyRating(dossierId, { signal }), [dossierId]);
  const [value, setValue] = useState<RatingValue>();
  const [comment, setComment] = useState('');
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<ApiError>();
  const [missing, setMissing] = useState(false);

  const data = state.data;
  if (!data || (!data.canRate && !data.rating)) return null;

  if (data.rating)
    return (
      <Card id="danh-gia" title={t('rating.title')} className="section-card rating-card">
        <Alert
          type="success"
          showIcon
          title={t('rating.thanks')}
          description={
            <>
              <div>{t('rating.yours', { value: t(VALUE_LABEL[data.rating.value]) })}</div>
              {data.rating.comment && <div className="rating-comment">“{data.rating.comment}”</div>}
            </>
          }
        />
      </Card>
    );

  const send = async () => {
    if (!value) {
      setMissing(true);
      return;
    }
    setSending(true);
    setError(undefined);
    try {
      const trimmed = comment.trim();
      state.setData(
        await rateDossier(dossierId, {
          value,
          ...(trimmed ? { comment: trimmed } : {}),
          ...(linkToken ? { linkToken } : {}),
        }),
      );
    } catch (e) {
      setError(toApiError(e));
    } finally {
      setSending(false);
    }
  };

  return (
    <Card id="danh-gia" title={t('rating.title')} className="section-card rating-card">
      <fieldset className="rating-choices">
        <legend className="rating-ask">{t('rating.ask')}</legend>
        {VALUES.map((v) => (
          <Button
            key={v}
            size="large"
            block
            type={value === v ? 'primary' : 'default'}
            aria-pressed={value === v}
            className="rating-choice"
            onClick={() => {
              setValue(v);
              setMissing(false);
            }}
          >
            <span aria-hidden="true" className="rating-face">
              {FACE[v]}
            </span>
            {t(VALUE_LABEL[v])}
          </Button>
        ))}
      </fieldset>
      {missing && <Alert type="warning" showIcon role="alert" title={t('rating.pickFirst')} />}
      <label className="rating-comment-label" htmlFor={`rating-comment-${dossierId}`}>
        {t('rating.comment')}
      </label>
      <Input.TextArea
        id={`rating-comment-${dossierId}`}
        value={comment}
        onChange={(e) => setComment(e.target.value)}
        maxLength={RATING_COMMENT_MAX}
        showCount
        autoSize={{ minRows: 2, maxRows: 6 }}
        placeholder={t('rating.comment.placeholder')}
      />
      {error && <ErrorAlert error={error} />}
      <Button type="primary" size="large" block className="rating-send" loading={sending} onClick={() => void send()}>
        {t('rating.send')}
      </Button>
      <Typography.Paragraph type="secondary" className="rating-once">
        {t('rating.once')}
      </Typography.Paragraph>
    </Card>
  );
}
