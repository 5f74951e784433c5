import { expect } from 'vitest';
import { multipart } from '../../../../test/multipart';
import type { DossierDetail } from '../../../contracts/dossiers';
import type { StoredDocumentList } from '../../../contracts/documents';
import type { Session } from '../../../../test/app';
import { DOSSIER_INDICATOR_SOURCES, serviceIndexCounts } from '../dossiers';
import { todayInVietnam } from '../../../contracts/common';
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

/** The declaration of residence information: asks for papers about the current place of residence, which a CT07 may stand in for. */
export const DECLARATION = '1.010040';

export type ErrorBody = {
  error: { code: string; messageVi: string; messageEn: string; fields: Array<{ field: string }> };
};

/** A whole declaration's procedure version and form, prefilled for `session`. */
export async function declarationBody(session: Session) {
  const version = (await t.app.inject(`/api/v1/procedures/${DECLARATION}`)).json<{ id: string }>();
  const prefill = (await session.inject(`/api/v1/procedures/${DECLARATION}/prefill`)).json<{
    values: Record<string, unknown>;
  }>();
  const form = {
    ...prefill.values,
    address: 'Nhà tạm tại bản Nậm Củm, xã Mường Tè, tỉnh Lai Châu',
    requestContent: 'Khai báo thông tin về cư trú',
  };
  return { procedureCode: DECLARATION, procedureVersionId: version.id, form, channel: 'online' };
}

/** The service index's reused / submitted documents of declarations, all time. */
export async function reuseCounts() {
  const rows = await serviceIndexCounts(t.database.db, {
    from: '2000-01-01T00:00:00Z',
    to: '2100-01-01T00:00:00Z',
    unitCodes: null,
    procedureCode: DECLARATION,
  });
  return {
    reused: rows.reduce((n, r) => n + r.documentsReused, 0),
    submitted: rows.reduce((n, r) => n + r.documentsSubmitted, 0),
  };
}

/** The prefill statistics over dossiers filed online (kpi source dossiers.data_reuse), province-wide, this year. */
export async function dataReuse() {
  const today = todayInVietnam();
  const source = DOSSIER_INDICATOR_SOURCES.find((s) => s.key === 'dossiers.data_reuse')!;
  const rows = await source.count(t.database.db, {
    period: { code: today.slice(0, 4), type: 'year', from: `${today.slice(0, 4)}-01-01`, to: today },
    asOf: today,
    communeCodes: ['03445', '03388'],
  });
  return {
    numerator: rows.reduce((n, r) => n + r.numerator, 0),
    denominator: rows.reduce((n, r) => n + r.denominator, 0),
  };
}
