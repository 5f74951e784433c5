import { afterEach, describe, expect, it, vi } from 'vitest';
import { sql } from 'drizzle-orm';
import type { DossierDetail, DossierSummary, StatusLookupResult } from '../../../contracts/dossiers';
import { effectiveReceipt, loadWorkingCalendar } from '../calendar';
import { extractText } from '../slips/test-support';
import { citizen, command, file, mai, oneStop, police, t, TEMP, useDossierApp } from './dossiers.routes.test-support';

/*
 * Issue 14 §4: a dossier filed online outside working hours and decided the same day. The deadline
 * counts from the next working period, but each act is recorded at its actual time: the reception
 * is never shown (on the officer's page, the public lookup, the slip) or stored after the decision.
 */

useDossierApp();
afterEach(() => vi.useRealTimers());

/**
 * 14:16 (Vietnam time) on the last Sunday before today: outside working hours (a Saturday may be a
 * make-up working day; a Sunday is not), in the past.
 */
function lastSundayAfternoon(): Date {
  const vn = new Date(Date.now() + 7 * 3_600_000); // Vietnam's wall clock read in UTC fields
  const back = vn.getUTCDay() || 7; // days back to the last Sunday, never today
  const day = new Date(Date.UTC(vn.getUTCFullYear(), vn.getUTCMonth(), vn.getUTCDate() - back));
  return new Date(`${day.toISOString().slice(0, 10)}T14:16:00+07:00`);
}

const ms = (iso: string | null) => new Date(iso!).getTime();
/** "07 giờ 30 phút, ngày 07" as the slip prints it (the month and year follow). */
function slipTime(d: Date): string {
  const vn = new Date(d.getTime() + 7 * 3_600_000);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(vn.getUTCHours())} giờ ${two(vn.getUTCMinutes())} phút, ngày ${two(vn.getUTCDate())}`;
}

describe('reception and decision times of an after-hours online filing', () => {
  it('records the reception when the officer acts, the deadline from the next working period, and never a decision before the reception', async () => {
    const filedAt = lastSundayAfternoon();
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(filedAt); // only the citizen's filing happens on Sunday; sessions outlive it
    const filed = await file(citizen);
    vi.useRealTimers();
    expect(filed.statusCode, filed.body).toBe(201);
    const { id } = filed.json<{ id: string }>();

    const received = await command(police, id, 'receive');
    expect(received.statusCode, received.body).toBe(200);
    expect((await command(police, id, 'start_processing')).statusCode).toBe(200);
    const approved = await command(police, id, 'approve');
    expect(approved.statusCode, approved.body).toBe(200);

    const d = (await police.inject(`/api/v1/dossiers/${id}`)).json<DossierDetail>();
    const cal = await loadWorkingCalendar(t.database.db);
    const start = effectiveReceipt(cal, filedAt);
    expect(start.getTime()).toBeGreaterThan(filedAt.getTime()); // Sunday → the next working period
    expect(ms(d.submittedAt)).toBe(filedAt.getTime());
    expect(ms(d.deadlineStartAt)).toBe(start.getTime());
    expect(ms(d.receivedAt)).toBeGreaterThan(filedAt.getTime());
    expect(ms(d.receivedAt)).toBeLessThanOrEqual(ms(d.decidedAt));
    expect(ms(d.receivedAt)).toBeGreaterThan(Date.now() - 120_000); // the actual time of the act
    // The deadline still counts from the effective start, not from the officer's act.
    expect(ms(d.dueAt)).toBeGreaterThan(start.getTime());

    const lookup = await t.app.inject({
      method: 'POST',
      url: '/api/v1/dossiers/status-lookup',
      payload: { code: d.code, nationalId: mai.nationalId },
    });
    const seen = lookup.json<StatusLookupResult>();
    expect(seen.receivedAt).toBe(d.receivedAt);
    expect(seen.deadlineStartAt).toBe(d.deadlineStartAt);
    const decided = seen.timeline.find((s) => s.toState === 'approved')!;
    const reception = seen.timeline.find((s) => s.toState === 'received')!;
    expect(ms(reception.at)).toBeLessThanOrEqual(ms(decided.at));
    expect(ms(seen.receivedAt)).toBeLessThanOrEqual(ms(decided.at));

    // The receipt is signed by the officer who received it — name and title — whoever prints it.
    await t.database.rows(
      sql`update identity.accounts set display_name = 'Lò Văn Thử', job_title = 'Cán bộ Công an xã Mường Tè' where id = ${police.accountId}`,
    );
    const slip = await oneStop.inject(`/api/v1/dossiers/${id}/slips/receipt`);
    expect(slip.statusCode, slip.body.slice(0, 300)).toBe(200);
    const text = extractText(slip.rawPayload).replace(/\s+/g, ' ');
    expect(text).toContain('Lò Văn Thử');
    expect(text).toContain('Cán bộ Công an xã Mường Tè');
    const own = extractText((await citizen.inject(`/api/v1/dossiers/${id}/slips/receipt`)).rawPayload);
    expect(own).not.toContain('Lò Văn Thử'); // the citizen's copy names no officer
    expect(text).toContain(`Thời gian nhận hồ sơ: ${slipTime(new Date(d.receivedAt!))}`);
    expect(text).toContain(`Thời hạn giải quyết được tính từ: ${slipTime(start)}`);

    const [stored] = await t.database.rows<{ n: string }>(
      sql`select count(*)::text as n from dossiers.dossiers where decided_at < received_at`,
    );
    expect(stored!.n).toBe('0');
  });
});

describe('the "Mới" queue', () => {
  it('lists filings waiting for reception oldest first, with the working time waited, flagged past one working day', async () => {
    const weekAgo = new Date(Date.now() - 7 * 86_400_000);
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(weekAgo);
    const asOf = new Date(weekAgo.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
    const then = (await t.app.inject(`/api/v1/procedures/${TEMP}?asOf=${asOf}`)).json<{ id: string }>();
    const old = await file(citizen, { procedureVersionId: then.id }); // the version in force that day
    vi.useRealTimers();
    expect(old.statusCode, old.body).toBe(201);
    const fresh = await file(citizen);
    expect(fresh.statusCode, fresh.body).toBe(201);

    const res = await police.inject('/api/v1/dossiers?queue=new&pageSize=50');
    expect(res.statusCode, res.body).toBe(200);
    const items = res.json<{ items: DossierSummary[] }>().items;
    const ids = items.map((i) => i.id);
    expect(ids.indexOf(old.json<{ id: string }>().id)).toBeLessThan(ids.indexOf(fresh.json<{ id: string }>().id));
    const submitted = items.map((i) => ms(i.submittedAt));
    expect(submitted).toEqual([...submitted].sort((a, b) => a - b));
    const waited = items.find((i) => i.id === old.json<{ id: string }>().id)!.waiting!;
    expect(waited.minutes).toBeGreaterThan(450); // a week: several working days
    expect(waited.overDay).toBe(true);
    expect(items.find((i) => i.id === fresh.json<{ id: string }>().id)!.waiting).toMatchObject({ overDay: false });
  });
});
