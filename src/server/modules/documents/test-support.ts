import { expect } from 'vitest';
import { multipart } from '../../../../test/multipart';
import type { DossierDetail } from '../../../contracts/dossiers';
import type { StoredDocumentList } from '../../../contracts/documents';
import type { Session } from '../../../../test/app';
import { command, police, t } from '../dossiers/dossiers.routes.test-support';
import { recordIssuedDocuments } from './record';

/* Shared by the documents tests (on the dossier tests' app: useDossierApp). */

/** Confirmation of residence information: its result is a CT07 valid 30 days. */
export const CONFIRMATION = '1.010041';

/** A CT07 confirmation filed online by `session`, received, approved and issued by the commune police. */
export async function issuedConfirmation(session: Session): Promise<DossierDetail> {
  const version = (await t.app.inject(`/api/v1/procedures/${CONFIRMATION}`)).json<{ id: string }>();
  const prefill = await session.inject(`/api/v1/procedures/${CONFIRMATION}/prefill`);
  expect(prefill.statusCode, prefill.body).toBe(200);
  const form = {
    ...prefill.json<{ values: Record<string, unknown> }>().values,
    requestContent: 'Xác nhận cư trú để bổ sung hồ sơ xin việc',
  };
  const body = { procedureCode: CONFIRMATION, procedureVersionId: version.id, form, channel: 'online' };
  const res = await session.inject({ method: 'POST', url: '/api/v1/dossiers', ...multipart('dossier', body, []) });
  expect(res.statusCode, res.body).toBe(201);
  let current = res.json<DossierDetail>();
  for (const name of ['receive', 'start_processing', 'approve', 'issue_result']) {
    const step = await command(police, current.id, name);
    expect(step.statusCode, `${name}: ${step.body}`).toBe(200);
    current = step.json<DossierDetail>();
  }
  return current;
}

/** An issued CT07 recorded in `session`'s store: the dossier and the store document's id. */
export async function storedConfirmation(session: Session): Promise<{ dossier: DossierDetail; documentId: string }> {
  const dossier = await issuedConfirmation(session);
  await recordIssuedDocuments(t.database.db, { settleMs: 0 });
  const mine = (await session.inject('/api/v1/documents/mine')).json<StoredDocumentList>();
  const doc = mine.items.find((d) => d.dossierCode === dossier.code);
  expect(doc, 'recorded in the store').toBeDefined();
  return { dossier, documentId: doc!.id };
}
