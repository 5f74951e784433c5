import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { Button, Card, Descriptions, Form, Input, Timeline, Typography } from 'antd';
import type { StatusLookupResult } from '../../../contracts/dossiers';
import type { ApiError } from '../../api/client';
import { toApiError } from '../../api/use-api';
import { PublicFrame } from '../../shell/PublicFrame';
import { useI18n } from '../../shell/i18n';
import { ErrorAlert } from '../../components/ErrorAlert';
import { EMPTY, formatDateTime } from '../../components/format';
import { deadlineStartItem, STATE_LABEL } from './dossier-labels';
import { lookupStatus } from './dossiers-api';
import { DeadlineTag, StateTag } from './DossierTags';
import './dossiers.css';
import './dossiers-office.css';

interface Values {
  code: string;
  nationalId: string;
}

const FIELDS = new Set<keyof Values>(['code', 'nationalId']);

function LookupResult({ r }: { r: StatusLookupResult }) {
  const { t, pick } = useI18n();
  return (
    <Card className="section-card lookup-result" role="region" aria-labelledby="lookup-result-title">
      <Typography.Title level={2} id="lookup-result-title" className="card-heading">
        {pick(r.procedureNameVi, r.procedureNameEn)}
      </Typography.Title>
      <Descriptions
        column={1}
        size="small"
        layout="vertical"
        items={[
          { key: 'code', label: t('dossier.code'), children: <strong className="tabular">{r.code}</strong> },
          { key: 'state', label: t('dossier.state'), children: <StateTag state={r.state} /> },
          { key: 'unit', label: t('dossier.unit'), children: r.unitName ?? EMPTY },
          { key: 'received', label: t('dossier.receivedAt'), children: formatDateTime(r.receivedAt) },
          ...deadlineStartItem(r, t),
          {
            key: 'due',
            label: t('dossier.dueAt'),
            children: r.dueAt ? (
              <span className="due-line">
                <span className="tabular">{formatDateTime(r.dueAt)}</span> <DeadlineTag flag={r.flag} />
              </span>
            ) : (
              EMPTY
            ),
          },
        ]}
      />
      <Typography.Title level={3} className="card-subheading">
        {t('dossier.section.timeline')}
      </Typography.Title>
      <Timeline
        items={r.timeline.map((e, i) => ({
          key: `${e.at}-${i}`,
          content: (
            <div className="timeline-entry">
              <div className="timeline-when">{formatDateTime(e.at)}</div>
              <div className="timeline-what">{t(STATE_LABEL[e.toState])}</div>
            </div>
          ),
        }))}
      />
      <Typography.Paragraph className="lookup-signin">
        {t('dossier.lookup.moreWhenSignedIn')} <Link to="/me/dossiers">{t('dossier.lookup.openMine')}</Link>
      </Typography.Paragraph>
    </Card>
  );
}

/**
 * /tra-cuu — public status lookup with the dossier code (printed on the receipt, whose QR code
 * opens /tra-cuu?ma=<code>) and the applicant's personal ID number. Works signed out.
 */
export default function StatusLookupPage() {
  const { t, pick } = useI18n();
  const [params] = useSearchParams();
  const [form] = Form.useForm<Values>();
  const [result, setResult] = useState<StatusLookupResult>();
  const [error, setError] = useState<ApiError>();
  const [busy, setBusy] = useState(false);
  const initialCode = (params.get('ma') ?? '').trim().slice(0, 40);

  const submit = async (values: Values) => {
    setBusy(true);
    setError(undefined);
    setResult(undefined);
    try {
      // The number as printed on a card is often typed in groups ("0121 9000 0101"): spaces are dropped.
      setResult(await lookupStatus(values.code.trim(), values.nationalId.replace(/\s/g, '')));
    } catch (e) {
      const apiError = toApiError(e);
      const onFields = apiError.fields.filter((f) => FIELDS.has(f.field as keyof Values));
      form.setFields(
        onFields.map((f) => ({ name: f.field as keyof Values, errors: [pick(f.messageVi, f.messageEn)] })),
      );
      if (onFields.length === 0) setError(apiError);
    } finally {
      setBusy(false);
    }
  };

  return (
    <PublicFrame title={t('dossier.lookup.title')} description={t('dossier.lookup.intro')} className="lookup-content">
      <Card className="section-card">
        <Form<Values>
          form={form}
          layout="vertical"
          requiredMark={false}
          initialValues={{ code: initialCode, nationalId: '' }}
          onFinish={(v) => void submit(v)}
          className="lookup-form"
        >
          <Form.Item
            name="code"
            label={t('dossier.lookup.code')}
            extra={t('dossier.lookup.codeHint')}
            rules={[{ required: true, whitespace: true, message: t('dossier.lookup.codeRequired') }]}
          >
            <Input size="large" autoComplete="off" autoCapitalize="characters" spellCheck={false} maxLength={40} />
          </Form.Item>
          <Form.Item
            name="nationalId"
            label={t('dossier.lookup.nationalId')}
            extra={t('dossier.lookup.nationalIdHint')}
            rules={[
              {
                required: true,
                validator: async (_, v: string | undefined) => {
                  if (!/^\d{12}$/.test((v ?? '').replace(/\s/g, '')))
                    throw new Error(t('dossier.lookup.nationalIdInvalid'));
                },
              },
            ]}
          >
            <Input size="large" inputMode="numeric" autoComplete="off" maxLength={20} />
          </Form.Item>
          <Button type="primary" size="large" htmlType="submit" loading={busy} block className="big-button">
            {t('dossier.lookup.submit')}
          </Button>
        </Form>
      </Card>
      {error && <ErrorAlert error={error} />}
      {result && <LookupResult r={result} />}
    </PublicFrame>
  );
}
