/**
 * Public face of the `dossiers` module: dossiers (hồ sơ) filed online by citizens,
 * on a counter device with an officer's guidance, or entered by an officer from paper; their
 * lifecycle as one state machine; deadlines in working days from the `calendar` module (paused
 * while the citizen supplements, moved only by an apology slip); gap-free dossier codes per agency
 * and day; attachments in a content-addressed store; slips from the `slips` module.
 */

/** HTTP routes for /api/v1/dossiers (registered by app.ts). */
export { dossiersRoutes } from './dossiers.routes';

/** The lifecycle: commands, their states and actors; `checkTransition`, `availableCommands`. */
export {
  COMMANDS,
  checkTransition,
  availableCommands,
  RUNNING_STATES,
  CLOSED_STATES,
  type CommandActor,
  type CommandRule,
} from './lifecycle';

/** Use cases (one file each under use-cases/), for the CLI, the benchmark and later modules (payments, dashboards). */
export { submitDossier } from './use-cases/submit-dossier';
export { runCommand } from './use-cases/run-command';
/** Interlinked groups paused for a supplement past 7 working days are refused by this job (once, with several processes). */
export { refuseExpiredSupplements, supplementExpiryPass } from './supplement-expiry';
export { expireUnpaidDossiers, unpaidExpiryPass, UNPAID_WINDOW_WORKING_DAYS } from './unpaid-expiry';
export { getDossier } from './use-cases/read-dossier';
export { listWorkqueue, listMine } from './use-cases/workqueue';
export { lookupStatus } from './use-cases/status-lookup';
export type { DossierDeps, WithdrawalHook } from './use-cases/deps';
export { formatDossierCode } from './dossier-codes';

/**
 * The transitions feed for modules reacting to every move of a dossier (notifications, the national
 * portal sync): transitions in id order with their dossier, and the low-water-mark cursor that reads
 * it correctly although bigserial ids commit out of order (ADR 0032).
 */
export {
  readTransitionFeed,
  latestTransitionId,
  supplementWindowEnd,
  advanceFeedCursor,
  FEED_SETTLE_MS,
  type TransitionFeedItem,
  type FeedCursor,
} from './transition-feed';
/** One consumer's reading of that feed: its cursor locked, pages handled, the mark moved (the loop every consumer shares). */
export {
  consumeTransitionFeed,
  handleEachTransition,
  type FeedConsumer,
  type FeedCursorTable,
  type FeedMarkerTable,
} from './feed-consumer';

/** For the payments module: the payable view of a dossier, and settling / refunding its fee inside the payment's transaction. */
export { getDossierForPayment, settleDossierFee, refundDossierFee, type PayableDossier } from './dossiers.payments';

/** Synthetic dossiers for the demo province (bootstrap, demo only). */
export { seedDemoDossiers } from './dossiers.demo';

/** Codes appearing more than once (must be zero: the benchmark checks it); fees paid in cash at the counter per unit and month (cashless share), and the page of those dossiers behind a commune's figure. */
export { duplicateCodes, cashFeeCounts, cashFeePage, type CashFeeListRow } from './dossiers.list-queries';
/** Dossier counts by state, channel and deadline for a period and units (the leaders' overview). */
export { dossierFigures } from './dossier-figures';
/** What dossiers count for the plan's target 4 (online residence filings) and timeliness, for the kpi module. */
export { DOSSIER_INDICATOR_SOURCES } from './indicator-sources';

/**
 * For the service index (Bộ chỉ số 766, `service-index` module): a dossier as its rating needs it
 * (owner, state, unit, procedure), and the counts of the index's dossier ratios per receiving unit
 * over a window (received online, fully online, paid online, decided on time, results digitised,
 * documents reused) — read from the dossiers' own columns.
 */
export {
  findDossierForRating,
  serviceIndexCounts,
  type RatableDossier,
  type ServiceIndexFilter,
  type DossierIndexCounts,
} from './service-index-facts';

/**
 * For the citizen's document store (`documents`, issue 17 §3): the result documents (CT03, CT07,
 * CT08) of dossiers whose result was issued, with their file's hash in the file store, issuing
 * agency and validity.
 */
export { listIssuedResultDocuments, type IssuedResultDocument } from './store-documents';
/**
 * For the document store too: the slip a transition issued to the citizen (receipt and appointment,
 * supplement request, refusal, apology), rendered as the citizen's copy prints on demand.
 */
export { renderIssuedSlip, SLIP_OF_COMMAND, type IssuedSlip } from './store-slips';

/** Error codes of the module. */
export { DOSSIER_ERRORS } from './dossiers.errors';
