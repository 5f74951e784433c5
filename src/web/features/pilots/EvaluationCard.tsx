import { Button, Card, Descriptions, Form, Input, Radio, Select } from 'antd';
import { PILOT_RATINGS, type PilotModel, type PilotRating } from '../../../contracts/pilots';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDateTime } from '../../components/format';
import { evaluateModel } from './pilots-api';
import { ratingKey } from './pilot-labels';
import { useCommand } from './use-command';
import { usePilotsT } from './use-pilots-text';

interface Values {
  text: string;
  rating: PilotRating;
  proposeCommendation: boolean;
  commendationReason?: string;
}

/** The Standing Agency's evaluation: shown once made; its form for the Standing Agency when the model is completed. */
export function EvaluationCard({ model, onChange }: { model: PilotModel; onChange: (m: PilotModel) => void }) {
  const t = usePilotsT();
  const [form] = Form.useForm<Values>();
  const propose = Form.useWatch('proposeCommendation', form);
  const { busy, error, run } = useCommand(onChange);
  const e = model.evaluation;

  if (!e && !model.may.evaluate) return null;
  return (
    <Card className="section-card" title={t('pilots.evaluation.title')}>
      {e ? (
        <Descriptions column={1} size="small" bordered>
          <Descriptions.Item label={t('pilots.evaluation.rating')}>{t(ratingKey(e.rating))}</Descriptions.Item>
          <Descriptions.Item label={t('pilots.evaluation.text')}>
            <span className="pilots-text">{e.text}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('pilots.evaluation.propose')}>
            {e.proposeCommendation
              ? `${t('pilots.evaluation.yes')}: ${e.commendationReason ?? ''}`
              : t('pilots.evaluation.no')}
          </Descriptions.Item>
          <Descriptions.Item label={t('pilots.detail.registeredAt')}>
            {t('pilots.evaluation.by', { name: e.evaluatedByName ?? '', at: formatDateTime(e.evaluatedAt) })}
          </Descriptions.Item>
        </Descriptions>
      ) : (
        <Form<Values>
          form={form}
          layout="vertical"
          requiredMark={false}
          initialValues={{ proposeCommendation: false }}
          onFinish={(v) =>
            void run(
              () =>
                evaluateModel(model.id, {
                  text: v.text,
                  rating: v.rating,
                  proposeCommendation: v.proposeCommendation,
                  ...(v.proposeCommendation ? { commendationReason: v.commendationReason } : {}),
                }),
              t('pilots.evaluation.done'),
            )
          }
        >
          <Form.Item
            name="text"
            label={t('pilots.evaluation.text')}
            rules={[{ required: true, min: 10, message: t('pilots.form.required') }]}
          >
            <Input.TextArea rows={4} maxLength={10000} />
          </Form.Item>
          <Form.Item
            name="rating"
            label={t('pilots.evaluation.rating')}
            rules={[{ required: true, message: t('pilots.form.required') }]}
          >
            <Select options={PILOT_RATINGS.map((r) => ({ value: r, label: t(ratingKey(r)) }))} />
          </Form.Item>
          <Form.Item name="proposeCommendation" label={t('pilots.evaluation.propose')}>
            <Radio.Group
              options={[
                { value: true, label: t('pilots.evaluation.yes') },
                { value: false, label: t('pilots.evaluation.no') },
              ]}
            />
          </Form.Item>
          {propose && (
            <Form.Item
              name="commendationReason"
              label={t('pilots.evaluation.reason')}
              rules={[{ required: true, min: 10, message: t('pilots.form.required') }]}
            >
              <Input.TextArea rows={2} maxLength={2000} />
            </Form.Item>
          )}
          <Button type="primary" htmlType="submit" loading={busy}>
            {t('pilots.evaluation.submit')}
          </Button>
        </Form>
      )}
      {error && <ErrorAlert error={error} />}
    </Card>
  );
}
