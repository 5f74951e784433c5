import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../platform/db';
import { loadWorkingCalendar } from '../calendar';
import { deadlineAtReceipt } from './deadline';
import * as repo from './dossiers.repository';
import { dossiers, dossierSteps, transitions } from './dossiers.schema';
import { refusalVerification } from './result-documents';
import { versionById } from './versions';

/**
 * An interlinked group paused for a supplement waits 7 working days for the citizen (DOMAIN §4,
 * Decree 63/2024); past that, the dossier is refused with the legal basis by this job. Each run
 * takes the waiting groups with `for update skip locked` in one transaction, so two server
 * processes never refuse one dossier twice: the second skips what the first holds, and finds it
 * refused once the first commits.
 */

export const SUPPLEMENT_WINDOW_WORKING_DAYS = 7;
export const EXPIRY_REASON =
  'Quá 7 ngày làm việc kể từ ngày yêu cầu bổ sung, người nộp chưa bổ sung hồ sơ liên thông: hồ sơ bị từ chối tự động';
export const EXPIRY_LEGAL_BASIS =
  'Nghị định số 63/2024/NĐ-CP về liên thông thủ tục hành chính (thời hạn bổ sung hồ sơ: 7 ngày làm việc)';

/** Refuses the interlinked dossiers whose supplement window ended before `now`; returns how many. */
export async function refuseExpiredSupplements(
  db: Db,
  now: Date = new Date(),
  batch = 500,
  /** Told of a dossier that could not be refused (left for the next run); the others go on. */
  onFailure: (error: unknown) => void = () => {},
): Promise<number> {
  const cal = await loadWorkingCalendar(db);
  return db.transaction(async (tx) => {
    const waiting = await queryRows<{
      id: string;
      version: number;
      code: string | null;
      applicant_name: string;
      unit_code: string;
      procedure_version_id: string;
      requested_at: Date | string;
    }>(
      tx,
      sql`select d.id, d.version, d.code, d.applicant_name, d.unit_code, d.procedure_version_id,
            (select max(t.at) from ${transitions} t where t.dossier_id = d.id and t.command = 'request_supplement') as requested_at
          from ${dossiers} d
          where d.state = 'supplement_requested'
            and exists (select 1 from ${dossierSteps} s where s.dossier_id = d.id)
          order by d.updated_at
          limit ${batch}
          for update of d skip locked`,
    );
    let refused = 0;
    for (const d of waiting) {
      if (!d.requested_at) continue;
      // One savepoint per dossier: a dossier that cannot be refused (its calendar year missing, a
      // version gone) is left for the next run without holding back the others.
      const done = await tx
        .transaction(async (sp) => {
          const ends = deadlineAtReceipt(cal, new Date(d.requested_at), SUPPLEMENT_WINDOW_WORKING_DAYS).dueAt;
          if (now <= ends) return false;
          const updated = await repo.updateDossierIf(sp, d.id, 'supplement_requested', d.version, {
            state: 'refused',
            decidedAt: now,
            pausedRemainingMinutes: null,
          });
          if (!updated) return false;
          await repo.insertTransition(sp, {
            dossierId: d.id,
            command: 'refuse',
            fromState: 'supplement_requested',
            toState: 'refused',
            actorAccountId: null,
            actorRole: 'system',
            actorUnit: null,
            at: now,
            reason: EXPIRY_REASON,
            legalBasis: EXPIRY_LEGAL_BASIS,
            dueAt: null,
          });
          await sp
            .update(dossierSteps)
            .set({ state: 'refused', endedAt: now, endedByRole: 'system' })
            .where(sql`${dossierSteps.dossierId} = ${d.id} and ${dossierSteps.state} = 'in_processing'`);
          // Its refusal slip is verifiable like any refusal (result-documents.ts).
          if (d.code)
            await repo.insertResultVerifications(sp, [
              await refusalVerification(
                sp,
                { id: d.id, code: d.code, applicantName: d.applicant_name, unitCode: d.unit_code },
                await versionById(sp, d.procedure_version_id),
                { reason: EXPIRY_REASON, legalBasis: EXPIRY_LEGAL_BASIS, at: now },
              ),
            ]);
          return true;
        })
        .catch((error: unknown) => {
          onFailure(error);
          return false;
        });
      if (done) refused++;
    }
    return refused;
  });
}

/**
 * One pass of the job (run by the server's job queue every 10 minutes): refuses every expired group,
 * a batch per transaction; a dossier that could not be refused goes to `onFailure` and waits for the next pass.
 */
export async function supplementExpiryPass(db: Db, onFailure: (error: unknown) => void): Promise<void> {
  while ((await refuseExpiredSupplements(db, new Date(), 500, onFailure)) > 0);
}
