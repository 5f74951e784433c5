import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Db } from '../../platform/db';
import { getProcedureVersionById } from '../procedures';
import { DECIDED, list } from './dossier-figures';

/*
 * What the national service index (Bộ chỉ số 766, Decision 766/QĐ-TTg) needs of dossiers, read from
 * the dossiers' own columns — nothing is recorded twice (issue 17 §5). The `service-index` module
 * turns these counts into ratios; kpi's `dossiers.received_online` and `dossiers.decided_on_time`
 * count the same two figures per commune (same rules: a dossier received is one the agency received in
 * the window, by `received_at`; an online filing is `online` or `assisted`; a dossier decided on time
 * is neither late nor decided after its due time).
 */

/** A dossier as the rating of its service needs it: who owns it and whether its result was returned. */
export interface RatableDossier {
  id: string;
  code: string | null;
  state: string;
  ownerAccountId: string | null;
  unitCode: string;
  procedureCode: string;
}

/** The dossier `id` for rating (undefined when there is none). */
export async function findDossierForRating(db: Db, id: string): Promise<RatableDossier | undefined> {
  const [row] = await queryRows<{
    id: string;
    code: string | null;
    state: string;
    owner_account_id: string | null;
    unit_code: string;
    procedure_code: string;
  }>(
    db,
    sql`select id, code, state, owner_account_id, unit_code, procedure_code from dossiers.dossiers where id = ${id}`,
  );
  if (!row) return undefined;
  return {
    id: row.id,
    code: row.code,
    state: row.state,
    ownerAccountId: row.owner_account_id,
    unitCode: row.unit_code,
    procedureCode: row.procedure_code,
  };
}

/** A window of time (ISO timestamps, `from` included, `to` excluded) and optional filters. */
export interface ServiceIndexFilter {
  from: string;
  to: string;
  /** Receiving units as recorded on the dossiers; null: every unit. */
  unitCodes: readonly string[] | null;
  /** One procedure code; null: every procedure. */
  procedureCode: string | null;
}

/** The counts behind the service index's dossier ratios in one receiving unit (as recorded on the dossier). */
export interface DossierIndexCounts {
  unitCode: string;
  /**
   * Dossiers received in the window (tiếp nhận, by `received_at`): accepted by the agency — not a
   * dossier waiting for reception or its fee, refused at intake (`not_accepted`) or withdrawn before.
   */
  received: number;
  /** …of them filed online (`online` or `assisted`: the citizen's own e-ID, the portal). */
  receivedOnline: number;
  /**
   * …of them fully online (toàn trình, Decree 42/2022): filed online under a procedure version whose
   * online level is `full`, the result delivered online, and no fee or the fee paid online.
   */
  fullyOnline: number;
  /** Dossiers submitted in the window whose fee was paid (online or in cash). */
  feePaid: number;
  /** …of them paid online (through the payment gateway). */
  feePaidOnline: number;
  /** Dossiers with a due time decided in the window. */
  decided: number;
  /** …of them decided on time (not late, decided by the due time). */
  decidedOnTime: number;
  /** Dossiers decided in the window whose result was issued (result issued or returned). */
  resultsIssued: number;
  /** …of them with an electronic result document (a verifiable PDF with its QR code). */
  resultsDigitised: number;
  /** Documents uploaded with the dossiers filed online in the window (first round, result documents apart). */
  documentsSubmitted: number;
  /**
   * …of them taken from the citizen's document store instead of an upload (issue 17 §3): the
   * attachments that reference a store document (`reused_document_id`).
   */
  documentsReused: number;
}

const ONLINE = sql`channel in ('online', 'assisted')`;

function where(f: ServiceIndexFilter, time: SQL): SQL {
  const units =
    f.unitCodes === null ? sql`true` : f.unitCodes.length ? sql`unit_code in (${list(f.unitCodes)})` : sql`false`;
  const procedure = f.procedureCode === null ? sql`true` : sql`procedure_code = ${f.procedureCode}`;
  return sql`${units} and ${procedure} and ${time} >= ${f.from}::timestamptz and ${time} < ${f.to}::timestamptz`;
}

/** A procedure version's online level; versions never change, so each is read once. */
const levels = new Map<string, Promise<string>>();
function onlineLevel(db: Db, versionId: string): Promise<string> {
  let level = levels.get(versionId);
  if (!level) {
    level = getProcedureVersionById(db, versionId).then((v) => v.onlineLevel);
    level.catch(() => levels.delete(versionId));
    levels.set(versionId, level);
  }
  return level;
}

type Num = string | number;

/**
 * The service index's dossier counts per receiving unit (as recorded when filed: a dossier of a
 * former commune keeps its former code). Each figure is a flow over the window by the time that
 * counts for it: reception (received, online, fully online), submission (fees, documents), decision
 * (on time, results). Numbers only, no applicant data. Queries run one after the other (`db` may be a transaction).
 */
export async function serviceIndexCounts(db: Db, f: ServiceIndexFilter): Promise<DossierIndexCounts[]> {
  const byUnit = new Map<string, DossierIndexCounts>();
  const of = (unitCode: string): DossierIndexCounts => {
    let c = byUnit.get(unitCode);
    if (!c) {
      c = {
        unitCode,
        received: 0,
        receivedOnline: 0,
        fullyOnline: 0,
        feePaid: 0,
        feePaidOnline: 0,
        decided: 0,
        decidedOnTime: 0,
        resultsIssued: 0,
        resultsDigitised: 0,
        documentsSubmitted: 0,
        documentsReused: 0,
      };
      byUnit.set(unitCode, c);
    }
    return c;
  };
  const submitted = where(f, sql`submitted_at`);
  // Received (tiếp nhận, Decision 766): accepted by the agency in the window — `received_at` is set by
  // `receive` (or at filing for a procedure recorded as filed). Not counted: a dossier still waiting
  // (submitted, awaiting payment), refused at intake (`not_accepted`) or withdrawn before reception.
  const received = await queryRows<{ unit_code: string; version_id: string; total: Num; online: Num; end_to_end: Num }>(
    db,
    sql`select unit_code, procedure_version_id as version_id, count(*) as total,
          count(*) filter (where ${ONLINE}) as online,
          count(*) filter (where ${ONLINE} and result_delivery = 'online' and fee_status in ('none', 'exempt', 'paid', 'refunded')) as end_to_end
        from dossiers.dossiers where received_at is not null and ${where(f, sql`received_at`)}
        group by unit_code, procedure_version_id`,
  );
  for (const r of received) {
    const c = of(r.unit_code);
    c.received += Number(r.total);
    c.receivedOnline += Number(r.online);
    if ((await onlineLevel(db, r.version_id)) === 'full') c.fullyOnline += Number(r.end_to_end);
  }
  const fees = await queryRows<{ unit_code: string; fee_paid: Num; fee_online: Num }>(
    db,
    sql`select unit_code,
          count(*) filter (where fee_status in ('paid', 'refunded', 'cash')) as fee_paid,
          count(*) filter (where fee_status in ('paid', 'refunded') and fee_payment_id is not null) as fee_online
        from dossiers.dossiers where state <> 'draft' and ${submitted}
        group by unit_code`,
  );
  for (const r of fees) {
    const c = of(r.unit_code);
    c.feePaid += Number(r.fee_paid);
    c.feePaidOnline += Number(r.fee_online);
  }
  const decided = await queryRows<{ unit_code: string; decided: Num; on_time: Num; issued: Num; digitised: Num }>(
    db,
    sql`select unit_code,
          count(*) filter (where due_at is not null) as decided,
          count(*) filter (where due_at is not null and not late and decided_at <= due_at) as on_time,
          count(*) filter (where state in ('result_issued', 'returned')) as issued,
          count(*) filter (where state in ('result_issued', 'returned')
            and exists (select 1 from dossiers.result_verifications v where v.dossier_id = d.id)) as digitised
        from dossiers.dossiers d where state in (${list(DECIDED)}) and ${where(f, sql`decided_at`)}
        group by unit_code`,
  );
  for (const r of decided) {
    const c = of(r.unit_code);
    c.decided += Number(r.decided);
    c.decidedOnTime += Number(r.on_time);
    c.resultsIssued += Number(r.issued);
    c.resultsDigitised += Number(r.digitised);
  }
  const documents = await queryRows<{ unit_code: string; n: Num; reused: Num }>(
    db,
    sql`select d.unit_code, count(*) as n, count(a.reused_document_id) as reused
        from dossiers.dossiers d join dossiers.attachments a on a.dossier_id = d.id and a.round = 0
        where d.state <> 'draft' and ${ONLINE} and a.document_key not like 'result\\_%' and ${submitted}
        group by d.unit_code`,
  );
  for (const r of documents) {
    of(r.unit_code).documentsSubmitted += Number(r.n);
    of(r.unit_code).documentsReused += Number(r.reused);
  }
  return [...byUnit.values()].sort((a, b) => a.unitCode.localeCompare(b.unitCode));
}
