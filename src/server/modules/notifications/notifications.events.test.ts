import { beforeAll, describe, expect, it } from 'vitest';
import type { DossierDetail } from '../../../contracts/dossiers';
import { Inbox, type InboxMessage } from '../../../contracts/notifications';
import { refuseExpiredSupplements } from '../dossiers';
import { citizen, command, file, PDF, police, t, useDossierApp } from '../dossiers/dossiers.routes.test-support';
import { submitPrefilled } from '../dossiers/dossiers.registry-effects.test-support';
import { collectNotifications } from './collect';
import { deliverDue } from './deliver';
import { vnDateTime } from './events';
import { seedTemplates } from './templates.service';

/*
 * The apology (Mẫu 04) and the automatic refusal rendered from the real commands (issue 17 §2): an
 * officer's `extend`, and the supplement-expiry job's refusal of an interlinked group. The inbox's
 * Vietnamese and English texts carry the right values, each in its own language.
 */

useDossierApp();
const db = () => t.database.db;
const pass = async () => {
  await collectNotifications(db(), { portalUrl: 'http://localhost:3000' });
  await deliverDue(db(), {}); // the inbox (no e-mail channel here: e-mails wait)
};
const messageOf = async (code: string, event: string): Promise<InboxMessage> => {
  const inbox = Inbox.parse((await citizen.inject('/api/v1/notifications/inbox')).json());
  const found = inbox.items.filter((i) => i.dossierCode === code && i.event === event);
  expect(found).toHaveLength(1);
  return found[0]!;
};
const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000 + 7 * 3_600_000).toISOString().slice(0, 10);

beforeAll(async () => {
  await seedTemplates(db());
  await collectNotifications(db(), { portalUrl: 'http://localhost:3000' }); // the feed starts here
});

describe('messages rendered from the real commands', () => {
  it('the apology (extend): the officer’s reason and the new date in both texts', async () => {
    const filed = await file(citizen);
    expect(filed.statusCode, filed.body).toBe(201);
    let d = filed.json<DossierDetail>();
    d = (await command(police, d.id, 'receive', { expectedVersion: d.version })).json<DossierDetail>();
    expect((await command(police, d.id, 'start_processing')).statusCode).toBe(200);
    const newDueAt = new Date(new Date(d.dueAt!).getTime() + 5 * 86_400_000).toISOString();
    const res = await command(police, d.id, 'extend', { reason: 'Cần xác minh thêm tại nơi ở', newDueAt });
    expect(res.statusCode, res.body).toBe(200);
    await pass();
    const m = await messageOf(d.code!, 'overdue_apology');
    const date = vnDateTime(new Date(newDueAt));
    expect(m.bodyVi).toContain('Lý do: Cần xác minh thêm tại nơi ở');
    expect(m.bodyVi).toContain(`Ngày hẹn trả kết quả mới: ${date}.`);
    expect(m.bodyEn).toContain('Reason: Cần xác minh thêm tại nơi ở'); // the officer's own words, as written
    expect(m.bodyEn).toContain(`The new date for the result is ${date}.`);
    expect(m.subjectEn).toBe(`Apology and new date for dossier ${d.code}`);
  });

  it('the automatic refusal (supplement window ended): reason and legal basis, English in the English text', async () => {
    const civilStatus = await t.staff('civil_status_officer', '03445');
    const filed = await submitPrefilled(
      citizen,
      'LT.01',
      {
        declarantRelation: 'mother',
        childFullName: 'Lò Thị Mây',
        childBirthDate: daysAgo(5),
        childSex: 'female',
        childBirthPlace: 'Trạm y tế xã Mường Tè, tỉnh Lai Châu',
        childEthnicity: 'Thái',
        childNationality: 'Việt Nam',
        childRelationToHead: 'child',
        healthFacility: 'Trạm y tế xã Mường Tè',
        requestContent: undefined,
      },
      false,
      [{ field: 'file:birth_certificate', name: 'giay-chung-sinh.pdf', type: 'application/pdf', data: PDF }],
    );
    expect(filed.statusCode, filed.body).toBe(201);
    const id = filed.json<DossierDetail>().id;
    for (const c of ['receive', 'start_processing', 'complete_step'])
      expect((await command(civilStatus, id, c)).statusCode).toBe(200);
    const asked = await command(police, id, 'request_supplement', {
      items: [{ item: 'Giấy tờ chỗ ở hợp pháp', reason: 'Chủ hộ đã chuyển đi' }],
    });
    expect(asked.statusCode, asked.body).toBe(200);
    const code = asked.json<DossierDetail>().code!;
    expect(await refuseExpiredSupplements(db(), new Date(Date.now() + 20 * 86_400_000))).toBe(1);
    await pass();
    const m = await messageOf(code, 'automatic_refusal');
    expect(m.bodyVi).toContain('Lý do: Quá 7 ngày làm việc kể từ ngày yêu cầu bổ sung');
    expect(m.bodyVi).toContain('Căn cứ: Nghị định số 63/2024/NĐ-CP');
    expect(m.bodyEn).toContain('Reason: The interlinked dossier was not completed within 7 working days');
    expect(m.bodyEn).toContain('Legal basis: Decree No. 63/2024/ND-CP');
    expect(m.bodyEn).not.toMatch(/Quá|Nghị định/);
  });
});
