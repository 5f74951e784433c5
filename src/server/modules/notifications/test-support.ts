import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../platform/db';

/*
 * Test support: dossiers and their transitions written as the dossiers module writes them (the
 * tests of this module need moves of a dossier, not the whole filing), through SQL on its tables.
 */

export interface TestDossier {
  id: string;
  code: string;
}

let seq = 0;

/** A dossier owned by `ownerAccountId` (null: a paper filing) for the registry person `applicantPersonId`. */
export async function insertDossier(
  db: Db,
  o: {
    ownerAccountId: string | null;
    applicantPersonId: string | null;
    applicantName?: string;
    applicantSubject?: string;
  },
): Promise<TestDossier> {
  const id = randomUUID();
  const code = `000.00.00.X99-261207-${String(++seq).padStart(4, '0')}`;
  await db.execute(sql`insert into dossiers.dossiers
      (id, code, agency_code, procedure_code, procedure_version_id, unit_code, state, channel,
       applicant_person_id, applicant_subject, applicant_name, owner_account_id, form, sources, time_limit_working_days,
       submitted_at, received_at, due_at, fee_amount)
    values (${id}, ${code}, '000.00.00.X99', '1.004194', ${randomUUID()}, '03445', 'received', 'online',
       ${o.applicantPersonId}, ${o.applicantSubject ?? null}, ${o.applicantName ?? 'Lò Thị Thuỷ'}, ${o.ownerAccountId}, '{}'::jsonb, '{}'::jsonb, 5,
       now(), now(), now() + interval '7 days', 20000)`);
  return { id, code };
}

/** A transition of `dossier` (returns its id); `id` forces an id (an out-of-order commit). */
export async function insertTransition(
  db: Db,
  dossier: TestDossier,
  t: {
    command: string;
    toState: string;
    actorRole?: string;
    reason?: string;
    items?: Array<{ item: string; reason: string }>;
    at?: Date;
    id?: number;
  },
): Promise<number> {
  const items = t.items ? JSON.stringify(t.items) : null;
  const at = (t.at ?? new Date()).toISOString();
  const rows = await queryRows<{ id: string }>(
    db,
    t.id === undefined
      ? sql`insert into dossiers.transitions (dossier_id, command, to_state, actor_role, reason, items, at, due_at)
          values (${dossier.id}, ${t.command}, ${t.toState}, ${t.actorRole ?? 'intake'}, ${t.reason ?? null},
                  ${items}::jsonb, ${at}, now() + interval '7 days') returning id`
      : sql`insert into dossiers.transitions (id, dossier_id, command, to_state, actor_role, reason, items, at, due_at)
          values (${t.id}, ${dossier.id}, ${t.command}, ${t.toState}, ${t.actorRole ?? 'intake'}, ${t.reason ?? null},
                  ${items}::jsonb, ${at}, now() + interval '7 days') returning id`,
  );
  return Number(rows[0]!.id);
}

/** Takes `n` ids from the transitions' sequence without using them (rows still to commit). */
export async function reserveTransitionIds(db: Db, n: number): Promise<number[]> {
  const ids: number[] = [];
  for (let i = 0; i < n; i++) {
    const [row] = await queryRows<{ id: string }>(
      db,
      sql`select nextval(pg_get_serial_sequence('dossiers.transitions', 'id')) as id`,
    );
    ids.push(Number(row!.id));
  }
  return ids;
}
