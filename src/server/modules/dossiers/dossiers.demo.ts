import { sql } from 'drizzle-orm';
import type { Db } from '../../platform/db';
import { queryRows } from '../../platform/db';
import { todayInVietnam } from '../../../contracts/common';
import type { DossierState } from '../../../contracts/dossiers';
import { loadWorkingCalendar } from '../calendar';
import { getProcedureVersion, type ProcedureVersion } from '../procedures';
import { subjectFor } from '../audit';
import { deadlineAtReceipt, pauseDeadline } from './deadline';
import { formatDossierCode } from './dossier-codes';
import { receivingAgencyCode } from '../units';
import * as repo from './dossiers.repository';

/**
 * What a temporary-absence declaration adds to the form: a month away from the day it was filed, a
 * synthetic destination, and the case of Residence Law Art. 31(1) that may be declared online (d).
 */
function absenceAnswers(day: string): Record<string, string> {
  const from = new Date(`${day}T00:00:00Z`);
  const to = new Date(from.getTime() + 30 * 86_400_000);
  return {
    absenceFrom: day,
    absenceTo: to.toISOString().slice(0, 10),
    destination: 'Nơi đến minh hoạ (dữ liệu tổng hợp)',
    supervisionStatus: 'long_absence',
  };
}

/** Residence procedures on form CT01 the demo files (temporary residence, permanent residence, confirmation, absence). */
const DEMO_PROCEDURES = ['1.004194', '1.004222', '1.010041', '1.003677'];

/** Where each demo dossier ends, with its weight, and the commands that lead there. */
const PATHS: ReadonlyArray<[number, DossierState, string[]]> = [
  [15, 'submitted', []],
  [15, 'received', ['receive']],
  [25, 'in_processing', ['receive', 'start_processing']],
  [10, 'supplement_requested', ['receive', 'start_processing', 'request_supplement']],
  [5, 'approved', ['receive', 'start_processing', 'approve']],
  [5, 'result_issued', ['receive', 'start_processing', 'approve', 'issue_result']],
  [20, 'returned', ['receive', 'start_processing', 'approve', 'issue_result', 'return_result']],
  [3, 'not_accepted', ['refuse_intake']],
  [2, 'withdrawn', ['withdraw']],
];

const STATE_AFTER: Record<string, DossierState> = {
  receive: 'received',
  start_processing: 'in_processing',
  request_supplement: 'supplement_requested',
  approve: 'approved',
  issue_result: 'result_issued',
  return_result: 'returned',
  refuse_intake: 'not_accepted',
  withdraw: 'withdrawn',
};

/** A small deterministic generator (mulberry32), so the demo is the same on every machine. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Synthetic dossiers for the demo province (paper filings of synthetic people, spread over the last
 * 30 days and over every state), so that workqueues, deadlines and later dashboards show something.
 * Written straight through the repository with consistent transitions, codes and deadlines.
 * Returns how many were created; does nothing when dossiers exist.
 */
export async function seedDemoDossiers(
  db: Db,
  options: { perCommune: number; provinceCode: string; provinceAgencyCode: string; pseudonymKey?: string; now?: Date },
): Promise<number> {
  if ((await repo.countDossiers(db, { unitCodes: null })) > 0) return 0;
  const now = options.now ?? new Date();
  const next = random(20_261_127);
  const cal = await loadWorkingCalendar(db);
  const versions: ProcedureVersion[] = [];
  for (const code of DEMO_PROCEDURES)
    versions.push(await getProcedureVersion(db, code, todayInVietnam(now)).catch(() => null as never));
  const usable = versions.filter(Boolean);
  if (!usable.length) return 0;
  const people = await queryRows<{
    id: string;
    national_id: string;
    full_name: string;
    birth_date: string | null;
    sex: string;
    phone: string | null;
    unit_code: string;
  }>(
    db,
    sql`
    select * from (
      select p.id, p.national_id, p.full_name, p.birth_date::text as birth_date, p.sex, p.phone, p.residence_unit_code as unit_code,
             row_number() over (partition by p.residence_unit_code order by p.id) as n
      from population.persons p
      where p.national_id is not null and p.status = 'alive' and p.residence_unit_code is not null and p.birth_date < ${todayInVietnam(now)}::date - interval '18 years'
    ) x where n <= ${options.perCommune}`,
  );
  const total = PATHS.reduce((s, [w]) => s + w, 0);
  let created = 0;
  await db.transaction(async (tx) => {
    for (const person of people) {
      let pick = next() * total;
      const [, finalState, commands] = PATHS.find(([w]) => (pick -= w) < 0) ?? PATHS[0]!;
      const version = usable[Math.floor(next() * usable.length)]!;
      const submittedAt = new Date(now.getTime() - Math.floor(next() * 30 * 86_400_000));
      const day = todayInVietnam(submittedAt);
      const { code: agencyCode } = await receivingAgencyCode(
        options.provinceCode,
        person.unit_code,
        options.provinceAgencyCode,
      );
      const code = formatDossierCode(agencyCode, day, await repo.nextCodeSeq(tx, agencyCode, day));
      const row = await repo.insertDossier(tx, {
        code,
        agencyCode,
        procedureCode: version.code,
        procedureVersionId: version.id,
        unitCode: person.unit_code,
        state: finalState,
        channel: 'paper',
        applicantPersonId: person.id,
        applicantName: person.full_name,
        applicantSubject: options.pseudonymKey
          ? subjectFor(options.pseudonymKey, { nationalId: person.national_id })
          : null,
        form: {
          fullName: person.full_name,
          birthDate: person.birth_date,
          sex: person.sex,
          nationalId: person.national_id,
          ...(person.phone ? { phone: person.phone } : {}),
          // The new address: structured where the version asks it (commune, village), else one line.
          ...('addressCommune' in version.form.fields
            ? { addressCommune: person.unit_code, addressVillage: 'Tổ 1 (minh hoạ)' }
            : { address: 'Địa chỉ minh hoạ (dữ liệu tổng hợp)' }),
          requestContent: `${version.nameVi} (hồ sơ minh hoạ)`,
          ...(version.code === '1.003677' ? absenceAnswers(day) : {}),
        },
        sources: {},
        timeLimitWorkingDays: version.timeLimitWorkingDays,
        submittedAt,
      });
      await repo.insertTransition(tx, {
        dossierId: row.id,
        command: 'submit',
        fromState: null,
        toState: 'submitted',
        actorRole: 'one_stop_officer',
        actorUnit: person.unit_code,
        at: submittedAt,
      });
      let state: DossierState = 'submitted';
      let at = submittedAt;
      const set: Partial<repo.NewDossierRow> = {};
      for (const command of commands) {
        at = new Date(Math.min(now.getTime(), at.getTime() + Math.floor((0.2 + next()) * 86_400_000)));
        const to = STATE_AFTER[command]!;
        let dueAt: Date | null | undefined;
        if (command === 'receive') {
          const d = deadlineAtReceipt(cal, submittedAt, version.timeLimitWorkingDays, version.sameDayCutoff);
          Object.assign(set, { receivedAt: at, deadlineStartAt: d.startsAt, dueAt: d.dueAt });
          dueAt = d.dueAt;
        }
        if (command === 'request_supplement' && set.dueAt) {
          set.pausedRemainingMinutes = pauseDeadline(cal, set.dueAt, at);
          dueAt = null;
        }
        if (command === 'approve' || command === 'refuse_intake') {
          set.decidedAt = at;
          if (set.dueAt && at > set.dueAt) set.late = true;
        }
        await repo.insertTransition(tx, {
          dossierId: row.id,
          command,
          fromState: state,
          toState: to,
          actorRole: command === 'withdraw' ? 'citizen' : 'commune_police',
          actorUnit: command === 'withdraw' ? null : person.unit_code,
          at,
          reason: command === 'refuse_intake' ? 'Hồ sơ không thuộc thẩm quyền giải quyết của xã (minh hoạ)' : null,
          legalBasis: command === 'refuse_intake' ? 'Điều 22 Luật Cư trú 2020' : null,
          items:
            command === 'request_supplement'
              ? [{ item: 'Giấy tờ chứng minh chỗ ở hợp pháp', reason: 'Bản chụp không rõ (minh hoạ)' }]
              : null,
          dueAt: dueAt === undefined ? (set.dueAt ?? null) : dueAt,
        });
        state = to;
      }
      if (Object.keys(set).length) await repo.updateDossierIf(tx, row.id, finalState, 0, set);
      created++;
    }
  });
  return created;
}
