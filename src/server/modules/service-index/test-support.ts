import { expect } from 'vitest';
import { todayInVietnam } from '../../../contracts/common';
import type { DossierDetail } from '../../../contracts/dossiers';
import type { Session } from '../../../../test/app';
import { submitPrefilled } from '../dossiers/dossiers.registry-effects.test-support';

/* Shared by the service-index tests (on the dossier tests' app: useDossierApp). */

export const STAY = '2.001159';

/** A stay notification filed by `session`: recorded, and so returned, as it is filed. */
export async function returnedDossier(session: Session): Promise<DossierDetail> {
  const today = todayInVietnam();
  const res = await submitPrefilled(session, STAY, {
    requestContent: undefined,
    arrivalDate: today,
    departureDate: today,
    reason: 'Thăm người thân',
    guests: [{ fullName: 'Hoàng Văn Khách', nationalId: '001090012345' }],
  });
  expect(res.statusCode, res.body).toBe(201);
  const dossier = res.json<DossierDetail>();
  expect(dossier.state).toBe('returned');
  return dossier;
}
