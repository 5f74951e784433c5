import { useParams } from 'react-router';
import { Alert, Card, Descriptions, Skeleton, Typography } from 'antd';
import { useApi } from '../../api/use-api';
import { PublicFrame } from '../../shell/PublicFrame';
import { useI18n } from '../../shell/i18n';
import { ErrorAlert } from '../../components/ErrorAlert';
import { EMPTY, formatDate, formatDateTime } from '../../components/format';
import { fetchResultVerification } from './dossiers-api';
import './dossiers.css';

const STATUS_TYPE = { valid: 'success', expired: 'warning', withdrawn: 'error' } as const;

/**
 * /xac-thuc/:token — the public check of a result document (CT03, CT07, CT08, birth extract), opened from the QR
 * code printed on it: whether it is valid, what it certified as printed (the ID number masked), and
 * the hash of the PDF issued. Works signed out: whoever the citizen hands the paper to checks it.
 */
export default function ResultVerificationPage() {
  const { t } = useI18n();
  const { token = '' } = useParams();
  const result = useApi((signal) => fetchResultVerification(token, { signal }), [token]);
  const r = result.data;
  return (
    <PublicFrame title={t('dossier.verify.title')} description={t('dossier.verify.intro')} className="lookup-content">
      {result.loading && <Skeleton active />}
      {result.error && <ErrorAlert error={result.error} />}
      {r && (
        <Card className="section-card" role="region" aria-label={r.titleVi}>
          <Alert
            showIcon
            type={STATUS_TYPE[r.status]}
            title={t(`dossier.verify.status.${r.status}`)}
            description={t(`dossier.verify.statusText.${r.status}`, { agency: r.agencyName })}
          />
          <Typography.Title level={2} className="card-heading">
            {r.titleVi}
          </Typography.Title>
          <Descriptions
            column={1}
            size="small"
            layout="vertical"
            items={[
              { key: 'name', label: t('dossier.verify.fullName'), children: <strong>{r.fullName}</strong> },
              { key: 'birth', label: t('dossier.verify.birthDate'), children: formatDate(r.birthDate) },
              {
                key: 'id',
                label: t('dossier.verify.nationalId'),
                children: <span className="tabular">{r.nationalIdMasked ?? EMPTY}</span>,
              },
              { key: 'address', label: t('dossier.verify.address'), children: r.address ?? EMPTY },
              ...r.registryFacts.map((f, i) => ({ key: `fact-${i}`, label: f.label, children: f.value })),
              ...(r.content ? [{ key: 'content', label: t('dossier.verify.content'), children: r.content }] : []),
              { key: 'agency', label: t('dossier.verify.agency'), children: r.agencyName },
              { key: 'issued', label: t('dossier.verify.issuedAt'), children: formatDateTime(r.issuedAt) },
              {
                key: 'valid',
                label: t('dossier.verify.validUntil'),
                children: r.validUntil ? formatDate(r.validUntil) : t('dossier.verify.noLimit'),
              },
              {
                key: 'code',
                label: t('dossier.code'),
                children: <span className="tabular">{r.dossierCode}</span>,
              },
              // A refusal slip is printed on demand: no file hash to compare.
              ...(r.pdfSha256
                ? [
                    {
                      key: 'hash',
                      label: t('dossier.verify.fileHash'),
                      children: (
                        <>
                          <Typography.Text code copyable className="receipt-hash">
                            {r.pdfSha256}
                          </Typography.Text>
                          <div>{t('dossier.verify.fileHashHint')}</div>
                        </>
                      ),
                    },
                  ]
                : []),
            ]}
          />
        </Card>
      )}
    </PublicFrame>
  );
}
