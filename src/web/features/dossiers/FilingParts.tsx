import type { ProcedureVersion } from '../../../contracts/procedures';
import { useI18n } from '../../shell/i18n';
import { formatNumber } from '../../components/format';
import { Notice, PlainCard } from '../../components/plain';
import { timeLimitText } from '../procedures';

/**
 * A dossier code that may break only after its hyphens, never inside a number: line-breaking rules
 * give no break between a hyphen and a digit, so each hyphen is followed by a break opportunity.
 */
export function DossierCode({ code }: { code: string }) {
  const parts = code.split('-');
  return (
    <>
      {parts.map((part, i) => (
        <span key={i}>
          {part}
          {i < parts.length - 1 && (
            <>
              -<wbr />
            </>
          )}
        </span>
      ))}
    </>
  );
}

/** The fee lines of online filing, in the reader's language; empty when nothing is charged. */
export function onlineFeeLines(
  p: Pick<ProcedureVersion, 'fees'>,
  t: ReturnType<typeof useI18n>['t'],
  pick: (vi: string, en: string) => string,
  lang: 'vi' | 'en',
): string[] {
  return p.fees.items
    .filter((f) => f.online > 0)
    .map((f) =>
      t(f.basis === 'per_person' ? 'dossier.file.feePerPerson' : 'dossier.file.feeLine', {
        label: pick(f.labelVi, f.labelEn),
        amount: formatNumber(f.online, lang),
      }),
    );
}

/** Fee, time limit and handling agency of the procedure, in plain words (top of the filing page). */
export function ProcedureFacts({ p }: { p: ProcedureVersion }) {
  const { t, pick, lang } = useI18n();
  const fees = onlineFeeLines(p, t, pick, lang);
  const limit = p.sameDayCutoff
    ? timeLimitText(t, lang, 0, p.sameDayCutoff)
    : p.timeLimitWorkingDays === 0
      ? t('dossier.file.immediate')
      : t('dossier.file.days', { days: formatNumber(p.timeLimitWorkingDays, lang) });
  const limitNote = p.timeLimitNote ? pick(p.timeLimitNote, p.timeLimitNoteEn ?? p.timeLimitNote) : null;
  return (
    <PlainCard className="section-card">
      <dl className="plain-facts filing-facts-list">
        <dt>{t('dossier.file.fee')}</dt>
        <dd>
          {fees.length === 0 ? (
            t('dossier.file.free')
          ) : (
            <ul className="plain-list filing-facts">
              {fees.map((f) => (
                <li key={f}>{f}</li>
              ))}
            </ul>
          )}
          {fees.length > 0 && p.fees.exemptions.length > 0 && (
            <div className="attach-doc-note">{t('dossier.file.exemptions')}</div>
          )}
        </dd>
        <dt>{t('dossier.file.timeLimit')}</dt>
        <dd>{limitNote ? `${limit}. ${limitNote}` : limit}</dd>
        <dt>{t('dossier.file.agency')}</dt>
        <dd>{t(`dossier.file.agency.${p.handledByRole}`)}</dd>
      </dl>
    </PlainCard>
  );
}

/** Why a level-1 e-ID citizen cannot file a level-2 procedure online, and exactly what to do. */
export function LevelBlock({ required, current }: { required: number; current: number }) {
  const { t } = useI18n();
  return (
    <Notice
      type="warning"
      role="alert"
      className="section-card filing-level"
      title={<strong>{t('dossier.file.level.title')}</strong>}
      description={
        <>
          <p>{t('dossier.file.level.text', { required, current })}</p>
          <p>
            <strong>{t('dossier.file.level.how')}</strong>
          </p>
          <ol>
            <li>{t('dossier.file.level.step1')}</li>
            <li>{t('dossier.file.level.step2')}</li>
            <li>{t('dossier.file.level.step3')}</li>
          </ol>
          <p>{t('dossier.file.level.paper')}</p>
        </>
      }
    />
  );
}
