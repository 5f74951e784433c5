import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DossierDetail } from '../../../contracts/dossiers';
import { Inbox } from '../../../contracts/notifications';
import { citizen, command, file, PNG, police, t, useDossierApp } from '../dossiers/dossiers.routes.test-support';
import { multipart } from '../../../../test/multipart';
import { testConfig } from '../../../../test/db';
import { buildRatingLink } from '../service-index';
import { readSandboxMail } from './admin.service';
import { smtpEmailChannel } from './channels/email';
import { startLocalSmtpServer, type LocalSmtpServer } from './channels/local-smtp';
import type { DeliveryChannels } from './channels/channel';
import { collectNotifications } from './collect';
import { deliverDue } from './deliver';
import { seedTemplates } from './templates.service';

/*
 * Issue 17 §6's journey through the real dossier API: a citizen files online and chooses e-mail; the
 * officer receives the dossier, asks for a supplement, the citizen resubmits, the result is issued.
 * Each step that tells the citizen something arrives once by e-mail over SMTP (read back from the
 * local SMTP server) and in the in-app inbox.
 */

useDossierApp();
let smtp: LocalSmtpServer;
let channels: DeliveryChannels;
let dossier: DossierDetail;
const db = () => t.database.db;
const ratingLink = (dossierId: string) => buildRatingLink(testConfig(), dossierId);
const pass = async () => {
  await collectNotifications(db(), { portalUrl: 'http://localhost:3000', ratingLink });
  await deliverDue(db(), channels);
};
const mailOf = async (code: string) => (await readSandboxMail(db())).filter((m) => m.subject?.includes(code));

beforeAll(async () => {
  await seedTemplates(db());
  smtp = await startLocalSmtpServer(db());
  channels = {
    email: smtpEmailChannel({ url: smtp.url, from: 'DVC06 <no-reply@dvc06.localhost>', messageDomain: 'dvc06.test' }),
  };
  await collectNotifications(db(), { portalUrl: 'http://localhost:3000' });
});
afterAll(async () => {
  await channels?.email?.close?.();
  await smtp?.close();
});

describe('a citizen is told of each step of their dossier', () => {
  it('chooses e-mail, files, and gets "received" with the code and appointment by e-mail and in the inbox', async () => {
    const prefs = await citizen.inject({
      method: 'PUT',
      url: '/api/v1/notifications/preferences',
      payload: { emailEnabled: true, email: 'lo.mai@example.vn', smsEnabled: false, phone: null, consent: false },
    });
    expect(prefs.statusCode, prefs.body).toBe(200);
    const filed = await file(citizen);
    expect(filed.statusCode, filed.body).toBe(201);
    dossier = filed.json<DossierDetail>();
    await pass();
    expect(await mailOf(dossier.code!)).toEqual([]); // submitted: nothing yet
    const res = await command(police, dossier.id, 'receive', { expectedVersion: dossier.version });
    expect(res.statusCode, res.body).toBe(200);
    dossier = res.json<DossierDetail>();
    await pass();
    const mail = await mailOf(dossier.code!);
    expect(mail.map((m) => m.rcptTo)).toEqual([['lo.mai@example.vn']]);
    expect(mail[0]!.raw).toContain('=?UTF-8?'); // a real MIME message, Vietnamese encoded
    const inbox = Inbox.parse((await citizen.inject('/api/v1/notifications/inbox')).json());
    const received = inbox.items.find((i) => i.event === 'dossier_received')!;
    expect(received.subjectVi).toBe(`Hồ sơ ${dossier.code} đã được tiếp nhận`);
    expect(received.bodyVi).toMatch(/Ngày hẹn trả kết quả: \d{2}\/\d{2}\/\d{4} \d{2}:\d{2}/);
  });

  it('gets "supplement requested" with what to bring, then "result ready" after the resubmission', async () => {
    let res = await command(police, dossier.id, 'request_supplement', {
      items: [{ item: 'Hợp đồng thuê nhà có công chứng', reason: 'Thiếu chữ ký bên cho thuê' }],
    });
    expect(res.statusCode, res.body).toBe(200);
    await pass();
    const mp = multipart('command', { note: 'Đã bổ sung' }, [
      { field: 'file:lawful_dwelling', name: 'hop-dong-moi.png', type: 'image/png', data: PNG },
    ]);
    res = await citizen.inject({ method: 'POST', url: `/api/v1/dossiers/${dossier.id}/commands/resubmit`, ...mp });
    expect(res.statusCode, res.body).toBe(200);
    for (const name of ['approve', 'issue_result']) {
      res = await command(police, dossier.id, name);
      expect(res.statusCode, `${name}: ${res.body}`).toBe(200);
    }
    await pass();
    await pass(); // nothing more: each message once
    const inbox = Inbox.parse((await citizen.inject('/api/v1/notifications/inbox')).json());
    expect(inbox.items.map((i) => i.event).sort()).toEqual([
      'dossier_received',
      'result_ready',
      'supplement_requested',
    ]);
    expect(inbox.items.find((i) => i.event === 'supplement_requested')!.bodyVi).toContain(
      '- Hợp đồng thuê nhà có công chứng: Thiếu chữ ký bên cho thuê',
    );
    // The result message links to the rating of this dossier (issue 17 §5).
    const result = inbox.items.find((i) => i.event === 'result_ready')!;
    const link = /http:\/\/localhost:3000\/danh-gia\/([\w-]+)/.exec(result.bodyVi)?.[1];
    expect(link).toBeDefined();
    const follow = await citizen.inject(`/api/v1/ratings/links/${link}`);
    expect(follow.statusCode, follow.body).toBe(200);
    const mail = await mailOf(dossier.code!);
    expect(mail).toHaveLength(3);
    expect(mail.every((m) => m.duplicates === 0)).toBe(true);
  });
});
