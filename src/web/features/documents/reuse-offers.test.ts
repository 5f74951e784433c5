import { describe, expect, it } from 'vitest';
import type { StoredDocument } from '../../../contracts/documents';
import { reuseOffers } from './reuse-offers';

const doc = (id: string, valid: boolean, serves: string[]): StoredDocument => ({
  id,
  documentType: 'CT07',
  titleVi: 'Xác nhận thông tin về cư trú (Mẫu CT07)',
  titleEn: 'Confirmation of residence information (form CT07)',
  issuingUnit: 'Công an xã Mường Tè',
  dossierCode: 'X',
  procedureCode: '1.010041',
  fileName: 'x.pdf',
  mediaType: 'application/pdf',
  size: 1,
  issuedAt: '2026-12-01T03:00:00Z',
  validUntil: valid ? '2026-12-30' : '2026-11-30',
  valid,
  servesDocumentCodes: serves,
});

describe('the store documents the filing form offers', () => {
  it('offers a valid document for the papers it may stand in for, the newest first', () => {
    const offers = reuseOffers(
      [{ code: 'ct01' }, { code: 'current_place_proof' }],
      [doc('new', true, ['current_place_proof']), doc('old', true, ['current_place_proof'])],
    );
    expect(Object.keys(offers)).toEqual(['current_place_proof']);
    expect(offers.current_place_proof!.id).toBe('new');
  });

  it('offers no expired document', () => {
    expect(reuseOffers([{ code: 'current_place_proof' }], [doc('old', false, ['current_place_proof'])])).toEqual({});
  });
});
