import { useState } from 'react';
import { Link } from 'react-router';
import { App, Button, Input, Modal, Radio, Space } from 'antd';
import type { ApiError } from '../../api/client';
import { toApiError } from '../../api/use-api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useI18n } from '../../shell/i18n';
import {
  correctableFieldKey,
  fieldProblems,
  hasGeneralProblem,
  listCellOf,
  proposableFields,
  registryValueOf,
  showValue,
  type CorrectableFieldCode,
} from './correction-labels';
import { proposeCorrection } from './corrections-api';
import type { LinkedRow } from './sector-api';
import { useSectorT } from './use-sector-text';

export const CHANGE_REQUESTS_PATH = '/du-lieu-chuyen-nganh/dieu-chinh';

interface Props {
  row: LinkedRow;
  header: string[];
  mapping: Record<string, string>;
}

/**
 * "Đề nghị điều chỉnh" on a `matched_with_discrepancies` row: a small form — which differing field,
 * the registry's value beside the list's (proposed), the evidence (required) — sent to the commune
 * police as a change request (POST /links/:linkId/corrections). The server's refusals are shown
 * under the field they name. Nothing is shown for a row that cannot propose anything.
 */
export function ProposeCorrection({ row, header, mapping }: Props) {
  const t = useSectorT();
  const { pick } = useI18n();
  const { message } = App.useApp();
  const fields = proposableFields(row.outcome, row.disagreements);
  const [open, setOpen] = useState(false);
  const [field, setField] = useState<CorrectableFieldCode>();
  const [spelling, setSpelling] = useState('');
  const [evidence, setEvidence] = useState('');
  const [evidenceMissing, setEvidenceMissing] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();
  if (!row.linkId || !row.person || fields.length === 0) return null;
  const linkId = row.linkId;
  const person = row.person;
  const chosen = field ?? fields[0]!;
  const sexWord = (s: 'male' | 'female') => t(`sector.sex.${s}`);
  const problems = fieldProblems(error, pick);
  const id = (part: string) => `correction-${linkId}-${part}`;

  // Closing forgets the form: the next proposal starts empty, without the last refusal.
  const close = () => {
    setOpen(false);
    setField(undefined);
    setSpelling('');
    setEvidence('');
    setEvidenceMissing(false);
    setError(undefined);
  };
  /** The hint, and the field's error when there is one, for aria-describedby. */
  const describedBy = (name: string, invalid: boolean) =>
    [id(`${name}-hint`), invalid ? id(`${name}-error`) : ''].filter(Boolean).join(' ');

  const send = async () => {
    if (evidence.trim() === '') {
      setEvidenceMissing(true);
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      const value = chosen === 'fullName' && spelling.trim() !== '' ? spelling.trim() : undefined;
      const request = await proposeCorrection(linkId, { field: chosen, evidence: evidence.trim(), value });
      void message.success({
        content: (
          <span>
            {t('sector.cr.sent', { reference: request.reference })} —{' '}
            <Link to={CHANGE_REQUESTS_PATH}>{t('sector.cr.openList')}</Link>
          </span>
        ),
      });
      close();
    } catch (e) {
      setError(toApiError(e));
    } finally {
      setBusy(false);
    }
  };

  const under = (name: string) =>
    problems[name] ? (
      <div className="sector-field-error" id={id(`${name}-error`)}>
        {problems[name]}
      </div>
    ) : null;

  return (
    <>
      <Button size="small" onClick={() => setOpen(true)}>
        {t('sector.cr.propose')}
      </Button>
      <Modal
        open={open}
        title={t('sector.cr.proposeTitle', { row: row.row })}
        okText={t('sector.cr.send')}
        okButtonProps={{ loading: busy }}
        onOk={() => void send()}
        onCancel={close}
        destroyOnHidden
      >
        <Space orientation="vertical" size={12} style={{ width: '100%' }}>
          <p className="sector-muted">{t('sector.cr.proposeIntro')}</p>
          <Radio.Group
            aria-label={t('sector.cr.field')}
            aria-describedby={problems.field ? id('field-error') : undefined}
            value={chosen}
            onChange={(e) => {
              setField(e.target.value as CorrectableFieldCode);
              setError(undefined);
            }}
            options={fields.map((f) => ({ value: f, label: t(correctableFieldKey(f)) }))}
          />
          {under('field')}
          <dl className="sector-facts">
            <div className="sector-fact">
              <dt>{t('sector.cr.registryValue')}</dt>
              <dd>{showValue(chosen, registryValueOf(chosen, person), sexWord)}</dd>
            </div>
            <div className="sector-fact">
              <dt>{t('sector.cr.listValue')}</dt>
              <dd>
                <mark className="sector-diff">{listCellOf(chosen, header, mapping, row.cells) || '—'}</mark>
              </dd>
            </div>
          </dl>
          {chosen === 'fullName' && (
            <div>
              <label className="sector-field" htmlFor={id('value')}>
                <span className="field-label">{t('sector.cr.spelling')}</span>
              </label>
              <Input
                id={id('value')}
                value={spelling}
                maxLength={100}
                aria-describedby={describedBy('value', Boolean(problems.value))}
                aria-invalid={Boolean(problems.value) || undefined}
                status={problems.value ? 'error' : undefined}
                onChange={(e) => setSpelling(e.target.value)}
              />
              <div className="sector-muted" id={id('value-hint')}>
                {t('sector.cr.spellingHint')}
              </div>
            </div>
          )}
          {under('value')}
          <div>
            <label className="sector-field" htmlFor={id('evidence')}>
              <span className="field-label">{t('sector.cr.evidence')}</span>
            </label>
            <Input.TextArea
              id={id('evidence')}
              value={evidence}
              maxLength={1000}
              rows={3}
              aria-describedby={describedBy('evidence', evidenceMissing || Boolean(problems.evidence))}
              aria-invalid={evidenceMissing || Boolean(problems.evidence) || undefined}
              status={evidenceMissing || problems.evidence ? 'error' : undefined}
              onChange={(e) => {
                setEvidence(e.target.value);
                setEvidenceMissing(false);
              }}
            />
            <div className="sector-muted" id={id('evidence-hint')}>
              {t('sector.cr.evidenceHint')}
            </div>
            {evidenceMissing ? (
              <div className="sector-field-error" id={id('evidence-error')} role="alert">
                {t('sector.cr.evidenceRequired')}
              </div>
            ) : (
              under('evidence')
            )}
          </div>
          {error && hasGeneralProblem(error, ['field', 'value', 'evidence']) && <ErrorAlert error={error} />}
        </Space>
      </Modal>
    </>
  );
}
