import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { formatDateTime } from '../../components/format';
import type { DossierDetail, ResultDelivery } from '../../../contracts/dossiers';
import { RESULT_DELIVERIES } from './filing-limits';
import type { FieldProblem } from '../../../contracts/messages';
import type { PrefillResult, ProcedureVersion } from '../../../contracts/procedures';
import { primeGets, type ApiError } from '../../api/client';
import { useSession } from '../../api/session';
import { toApiError, useApi } from '../../api/use-api';
import { useI18n } from '../../shell/i18n';
import { PlainErrorAlert } from '../../components/PlainErrorAlert';
import { PageTitle } from '../../components/PageTitle';
import { Notice, PlainCard, PlainSkeleton } from '../../components/plain';
import { fetchCounterDevice } from '../counter';
import { FeeSummary, getFeeQuote } from '../fees';
import { fetchPrefill, fetchProcedure, ProcedureForm } from '../procedures';
import { AttachmentPicker } from './AttachmentPicker';
import { missingDocuments, splitFieldProblems } from './attachments';
import {
  fetchDossier,
  fetchMyOpenDossiers,
  runCommand,
  saveDraft,
  submitDossier,
  type FilesByDocument,
} from './dossiers-api';
import { clearTyped, readTyped, writeTyped, type TypedSoFar } from './filing-draft';
import { LevelBlock, ProcedureFacts } from './FilingParts';
import '../../components/choice-card.css';
import './filing.css';

// The offer of the citizen's stored documents (issue 17 §3), loaded with the form's documents step:
// not in the chunk every public page loads (scripts/public-bundle-budget.ts, ADR 0023).
const ReuseOffers = lazy(() => import('../documents/public').then((m) => ({ default: m.ReuseOffers })));

/**
 * Asks for the filing form's data (the procedure, the prefill, the citizen's open dossiers of it,
 * the counter device, the fee) when the form is opened — at start when it is the first page (the
 * router's preload), beside GET /auth/me and the page's code — rather than after the session, the
 * page's code and its first render: on a phone's slow link the form is in sight a round trip or
 * two sooner (ADR 0023). The page's own requests then take these answers (api/client.ts
 * primeGets). The router's lazy page calls it as the page's code arrives.
 */
export function askAhead(pathname: string): void {
  const code = /^\/procedures\/([^/]+)\/file\/?$/.exec(pathname)?.[1];
  if (!code) return;
  const procedureCode = decodeURIComponent(code);
  primeGets(() => {
    void fetchProcedure(procedureCode);
    void fetchPrefill(procedureCode);
    void fetchMyOpenDossiers(procedureCode);
    void fetchCounterDevice();
    void getFeeQuote({ procedureCode, channel: 'online' });
  });
}

/** What shows once filed: its own chunk, asked for as the citizen submits (not on the form's first load). */
const loadFiledResult = () => import('./FiledResult');
const FiledResult = lazy(loadFiledResult);
/** The warning of a dossier of this procedure still open: seldom shown, so loaded when it is. */
const OpenDossierWarning = lazy(() => import('./OpenDossierWarning'));

/** The document that *is* the online form (e.g. `ct01` for form CT01): nothing to attach for it. */
function isFormDocument(docCode: string, formCode: string | null): boolean {
  return !!formCode && docCode === formCode.toLowerCase().replace(/-/g, '_');
}

interface FilingProps {
  procedure: ProcedureVersion;
  prefill: PrefillResult;
  onFiled: (dossier: DossierDetail) => void;
  /** The signed-in citizen's account (what they type is kept per account). */
  accountId: string;
  /** What was typed before a reload, or the server draft being continued. */
  restored: TypedSoFar | null;
}

/** The restored answers under the registry's: a value the citizen may not change comes from the prefill. */
function startingValues(prefill: PrefillResult, restored: TypedSoFar | null): Record<string, unknown> {
  if (!restored) return prefill.values;
  const locked = Object.entries(prefill.values).filter(([name]) => prefill.editable[name] === false);
  return { ...prefill.values, ...restored.values, ...Object.fromEntries(locked) };
}

/**
 * The prefilled form and the attachments; submits and shows the server's answers in place. On a
 * counter device (set up by an officer at the one-stop shop) the filing is "assisted": the page
 * says so and names the guiding officer, and the server records it from the device, not from here.
 */
function FilingForm({ procedure, prefill, onFiled, accountId, restored }: FilingProps) {
  const { t, pick } = useI18n();
  const [, setParams] = useSearchParams();
  // Read once: later renders must not bring back what the citizen has since changed.
  const [start] = useState(() => ({ values: startingValues(prefill, restored), restored }));
  const initialValues = start.values;
  const latest = useRef<Record<string, unknown>>(initialValues);
  const [draft, setDraft] = useState(restored?.draft);
  const [savedAt, setSavedAt] = useState<string>();
  const [savingDraft, setSavingDraft] = useState(false);
  const [files, setFiles] = useState<FilesByDocument>({});
  // Documents taken from the citizen's store instead of uploads (issue 17 §3): document code → store id.
  const [reused, setReused] = useState<Record<string, string>>({});
  const counterDevice = useApi((signal) => fetchCounterDevice({ signal }), []);
  const device = counterDevice.data?.device ?? null;
  const assisted = device !== null;
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();
  const [formProblems, setFormProblems] = useState<FieldProblem[]>([]);
  const [docProblems, setDocProblems] = useState<Record<string, string[]>>({});
  const [missingAlert, setMissingAlert] = useState(false);
  // How the citizen receives the result (issue 14 §3): in their account unless they choose the post or the counter.
  const [delivery, setDelivery] = useState<ResultDelivery>(restored?.delivery ?? 'online');
  const [deliveryAddress, setDeliveryAddress] = useState(restored?.address ?? '');
  // Everything typed is kept in the tab at once: a reload or a dropped link loses nothing.
  const touched = useRef(restored !== null); // nothing is kept before the citizen changes something
  const keep = (): void => {
    if (!touched.current) return;
    writeTyped(accountId, procedure.code, {
      values: latest.current,
      delivery,
      address: deliveryAddress,
      ...(draft && { draft }),
    });
  };
  useEffect(keep, [delivery, deliveryAddress, draft]);

  const draftBody = (values: Record<string, unknown>) => ({
    form: values,
    resultDelivery: delivery,
    ...(delivery === 'post' && deliveryAddress.trim() && { deliveryAddress: deliveryAddress.trim() }),
  });
  /**
   * Saves on the server draft. Saved meanwhile from another tab or device (409): this page's answers
   * are what the citizen typed last here, so they are saved over it; filed meanwhile: the page lets
   * go of it (the next save starts a new draft) and says so.
   */
  const putDraft = async (ref: { id: string; version: number }, values: Record<string, unknown>) => {
    try {
      return await saveDraft(ref.id, { ...draftBody(values), version: ref.version });
    } catch (e) {
      if (toApiError(e).status !== 409) throw e;
      const fresh = await fetchDossier(ref.id);
      if (fresh.state !== 'draft') {
        setDraft(undefined);
        setParams({}, { replace: true });
        throw e;
      }
      return saveDraft(ref.id, { ...draftBody(values), version: fresh.version });
    }
  };
  /** Keeps the answers on the server: a new draft the first time, then the same one (its address is in the URL). */
  const saveAsDraft = async () => {
    setSavingDraft(true);
    setError(undefined);
    try {
      const saved = draft
        ? await putDraft(draft, latest.current)
        : await submitDossier({
            procedureCode: procedure.code,
            procedureVersionId: prefill.versionId,
            ...draftBody(latest.current),
            channel: assisted ? 'assisted' : 'online',
            draft: true,
          });
      setDraft({ id: saved.id, version: saved.version });
      setSavedAt(new Date().toISOString());
      setParams({ draft: saved.id }, { replace: true });
    } catch (e) {
      setError(toApiError(e));
    } finally {
      setSavingDraft(false);
    }
  };
  const [addressProblem, setAddressProblem] = useState<string>();
  // The fee this citizen owes if they file now (registry-checked exemptions applied); the counter channel may cost more.
  const quote = useApi(
    (signal) => getFeeQuote({ procedureCode: procedure.code, channel: assisted ? 'assisted' : 'online' }, { signal }),
    [procedure.code, assisted],
  );
  const documents = procedure.documents.filter((d) => !isFormDocument(d.code, procedure.form.formCode));
  const formDocs = procedure.documents.filter((d) => isFormDocument(d.code, procedure.form.formCode));

  const send = async (values: Record<string, unknown>) => {
    void loadFiledResult(); // on its way while the dossier is sent
    setBusy(true);
    setError(undefined);
    setMissingAlert(false);
    setDocProblems({});
    try {
      // A saved draft is brought up to date, then submitted with the files; otherwise one filing.
      const dossier = draft
        ? await putDraft(draft, values).then((saved) => {
            setDraft({ id: saved.id, version: saved.version });
            return runCommand(
              saved.id,
              'submit',
              Object.keys(reused).length > 0 ? { reusedDocuments: reused } : {},
              files,
            );
          })
        : await submitDossier(
            {
              procedureCode: procedure.code,
              procedureVersionId: prefill.versionId,
              form: values,
              channel: assisted ? 'assisted' : 'online',
              resultDelivery: delivery,
              ...(delivery === 'post' && { deliveryAddress: deliveryAddress.trim() }),
              ...(Object.keys(reused).length > 0 && { reusedDocuments: reused }),
            },
            files,
          );
      clearTyped(accountId, procedure.code);
      onFiled(dossier);
    } catch (e) {
      const apiError = toApiError(e);
      const split = splitFieldProblems(
        apiError.fields,
        documents.map((d) => d.code),
      );
      setFormProblems(split.form);
      const address = apiError.fields.find((f) => f.field === 'deliveryAddress');
      setAddressProblem(address ? pick(address.messageVi, address.messageEn) : undefined);
      setDocProblems(
        Object.fromEntries(
          Object.entries(split.documents).map(([k, list]) => [k, list.map((p) => pick(p.messageVi, p.messageEn))]),
        ),
      );
      setError(apiError);
    } finally {
      setBusy(false);
    }
  };

  // The server refuses a dossier without a required document (unless the registry replaces it): say so before sending.
  const submit = async (values: Record<string, unknown>) => {
    if (delivery === 'post' && deliveryAddress.trim().length < 5) {
      setAddressProblem(t('dossier.delivery.addressMissing'));
      document.getElementById('filing-delivery')?.scrollIntoView({ block: 'start', behavior: 'smooth' });
      return;
    }
    const missing = missingDocuments(
      documents.filter((d) => !reused[d.code]),
      files,
    );
    if (missing.length === 0) return send(values);
    setError(undefined);
    setMissingAlert(true);
    setDocProblems(Object.fromEntries(missing.map((code) => [code, [t('dossier.file.missingOne')]])));
    document.getElementById('filing-attachments')?.scrollIntoView({ block: 'start', behavior: 'smooth' });
  };

  return (
    <>
      {device && (
        <Notice
          type="info"
          className="section-card"
          title={t('dossier.file.onDevice', { counter: device.counterLabel, unit: device.unitName })}
          description={t('dossier.file.onDeviceHint', { officer: device.officerName })}
        />
      )}
      {start.restored && (
        <Notice
          type="info"
          className="section-card restored-note"
          title={start.restored.draft ? t('dossier.draft.continued') : t('dossier.draft.restored')}
        />
      )}
      <ProcedureForm
        form={procedure.form}
        initialValues={initialValues}
        onValuesChange={(values) => {
          latest.current = values;
          touched.current = true;
          keep();
        }}
        sources={prefill.sources}
        editable={prefill.editable}
        choices={prefill.choices}
        remainingNote={(remaining) => (
          <Notice
            type={remaining === 0 ? 'success' : 'info'}
            className="section-card typed-remaining"
            title={
              <span aria-live="polite">
                {remaining === 0 ? t('dossier.file.typedDone') : t('dossier.file.typedCount', { count: remaining })}
                {remaining > 0 &&
                  prefill.missing.length > 0 &&
                  ` ${t('dossier.file.typedMissing', { count: prefill.missing.length })}`}
              </span>
            }
          />
        )}
        serverErrors={formProblems}
        submitting={busy || savingDraft}
        submitLabel={t('dossier.file.submit')}
        onSubmit={submit}
      >
        <PlainCard className="section-card" title={t('dossier.file.section.attachments')} titleId="filing-attachments">
          {formDocs.map((d) => (
            <div key={d.code} className="attach-doc">
              <div className="attach-doc-name">{pick(d.nameVi, d.nameEn)}</div>
              <div className="attach-doc-note">{t('dossier.attach.formDoc')}</div>
            </div>
          ))}
          {/* On a direct filing and on a saved draft's submit command alike (both take `reusedDocuments`). */}
          <Suspense fallback={null}>
            <ReuseOffers
              documents={documents}
              chosen={reused}
              onChange={(next) => {
                setReused(next);
                // A document taken from the store is not uploaded too.
                setFiles((f) => Object.fromEntries(Object.entries(f).filter(([code]) => !next[code])));
              }}
            />
          </Suspense>
          <AttachmentPicker
            documents={documents.filter((d) => !reused[d.code])}
            files={files}
            onChange={(next) => {
              setFiles(next);
              setDocProblems((p) =>
                Object.fromEntries(Object.entries(p).filter(([code]) => (next[code]?.length ?? 0) === 0)),
              );
            }}
            problems={docProblems}
          />
        </PlainCard>
        <PlainCard className="section-card" title={t('dossier.delivery.title')} titleId="filing-delivery">
          <div className="delivery-choices" role="radiogroup" aria-labelledby="filing-delivery">
            {RESULT_DELIVERIES.map((d) => (
              <label key={d} className="choice-card">
                <input
                  type="radio"
                  name="resultDelivery"
                  value={d}
                  checked={delivery === d}
                  onChange={() => {
                    touched.current = true;
                    setDelivery(d);
                    setAddressProblem(undefined);
                  }}
                />
                <span>
                  <span className="choice-card-name">{t(`dossier.delivery.${d}`)}</span>
                  <span className="choice-card-note">{t(`dossier.delivery.${d}.note`)}</span>
                </span>
              </label>
            ))}
          </div>
          {delivery === 'post' && (
            <div className="delivery-address">
              <label htmlFor="deliveryAddress">{t('dossier.delivery.address')}</label>
              <textarea
                id="deliveryAddress"
                className="plain-input plain-input-lg"
                rows={2}
                value={deliveryAddress}
                onChange={(e) => {
                  touched.current = true;
                  setDeliveryAddress(e.target.value);
                  setAddressProblem(undefined);
                }}
                maxLength={300}
                aria-invalid={addressProblem ? true : undefined}
                aria-describedby={addressProblem ? 'deliveryAddress-error' : undefined}
              />
              {addressProblem && (
                <div id="deliveryAddress-error" className="field-error" role="alert">
                  {addressProblem}
                </div>
              )}
            </div>
          )}
        </PlainCard>
        {quote.data && (
          <div className="section-card">
            <FeeSummary calculation={quote.data.calculation} />
          </div>
        )}
        <div className="draft-save">
          <button
            type="button"
            className="btn btn-lg"
            onClick={() => void saveAsDraft()}
            disabled={busy || savingDraft}
            aria-busy={savingDraft || undefined}
          >
            {t('dossier.draft.save')}
          </button>
          <span className="draft-save-note" role="status">
            {savedAt ? t('dossier.draft.saved', { at: formatDateTime(savedAt) }) : t('dossier.draft.hint')}
          </span>
        </div>
        {missingAlert && missingDocuments(documents, files).length > 0 && (
          <Notice type="error" role="alert" title={t('dossier.file.missingTitle')} className="form-problem" />
        )}
        {error && (
          <div className="form-problem">
            {(formProblems.length > 0 || Object.keys(docProblems).length > 0) && (
              <Notice type="error" role="alert" title={t('dossier.file.fixErrors')} className="form-problem" />
            )}
            <PlainErrorAlert error={error} />
          </div>
        )}
      </ProcedureForm>
    </>
  );
}

/**
 * /procedures/:code/file — a citizen files a dossier online: the procedure's fee and time limit,
 * a clear stop (and what to do) when their e-ID level is too low, the form prefilled from the
 * registry, attachments per document, then the dossier code.
 */
export default function FilingPage() {
  const { t, pick } = useI18n();
  const { code = '' } = useParams();
  const { me } = useSession();
  const citizen = me?.account?.kind === 'citizen';
  const procedure = useApi((signal) => fetchProcedure(code, { signal }), [code]);
  const prefill = useApi(citizen ? (signal) => fetchPrefill(code, { signal }) : null, [code, citizen]);
  // The same procedure still open for this citizen: warn, with a link (the law allows a second one; they decide).
  const open = useApi(citizen ? (signal) => fetchMyOpenDossiers(code, { signal }) : null, [code, citizen]);
  const [filed, setFiled] = useState<DossierDetail>();
  // A draft continued from "Hồ sơ của tôi" (?draft=<id>): read once, when the page opens.
  const [params] = useSearchParams();
  const [draftId] = useState(() => params.get('draft'));
  const draft = useApi(citizen && draftId ? (signal) => fetchDossier(draftId, { signal }) : null, [citizen, draftId]);
  const accountId = me?.account?.id ?? '';
  const inTab = accountId ? readTyped(accountId, code) : null;
  const restored: TypedSoFar | null =
    draftId && draft.data?.state === 'draft'
      ? // The tab's copy of this very draft is newer than the server's (typed since the last save).
        inTab?.draft?.id === draftId
        ? { ...inTab, draft: { id: draftId, version: draft.data.version } }
        : {
            values: draft.data.form,
            delivery: draft.data.resultDelivery,
            address: draft.data.deliveryAddress ?? '',
            draft: { id: draft.data.id, version: draft.data.version },
          }
      : inTab;
  const p = procedure.data;
  const title = p ? t('dossier.file.title', { name: pick(p.nameVi, p.nameEn) }) : t('dossier.file.section.form');
  const currentLevel = me?.account?.eIdLevel ?? 1;
  const levelOk = prefill.data ? prefill.data.eIdLevelOk : p ? currentLevel >= p.requiredEidLevel : true;

  return (
    <div className="citizen-page">
      <Link to={`/procedures/${encodeURIComponent(code)}`} className="back-link-plain">
        ← {t('dossier.file.back')}
      </Link>
      <PageTitle title={title} description={filed || !levelOk ? undefined : t('dossier.file.intro')} />
      {procedure.error && <PlainErrorAlert error={procedure.error} onRetry={procedure.reload} />}
      {!citizen && <Notice type="info" title={t('dossier.file.citizenOnly')} />}
      {citizen && !filed && levelOk && (
        // What the badges mean, shown at once (it needs no data): the citizen reads it while the form
        // loads, and on a phone it is the page's largest text, painted a round trip sooner (ADR 0023).
        <Notice type="info" className="section-card prefill-note" title={t('dossier.file.prefillNote')} />
      )}
      {filed ? (
        <Suspense fallback={<PlainSkeleton rows={4} label={t('common.loading')} />}>
          <FiledResult dossier={filed} />
        </Suspense>
      ) : (
        <>
          {p && <ProcedureFacts p={p} />}
          {open.data && open.data.items.length > 0 && (
            <Suspense fallback={null}>
              <OpenDossierWarning dossiers={open.data.items} />
            </Suspense>
          )}
          {p && !levelOk && (
            <LevelBlock required={p.requiredEidLevel} current={Math.min(currentLevel, p.requiredEidLevel - 1)} />
          )}
          {prefill.error && <PlainErrorAlert error={prefill.error} onRetry={prefill.reload} />}
          {draft.error && <PlainErrorAlert error={draft.error} onRetry={draft.reload} />}
          {citizen && (procedure.loading || prefill.loading || draft.loading) && (
            <PlainSkeleton rows={10} label={t('common.loading')} />
          )}
          {p && prefill.data && levelOk && !draft.loading && (
            <FilingForm
              procedure={p}
              prefill={prefill.data}
              accountId={accountId}
              restored={restored}
              onFiled={(d) => {
                setFiled(d);
                window.scrollTo({ top: 0 });
              }}
            />
          )}
        </>
      )}
    </div>
  );
}
