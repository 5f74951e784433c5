import type { DossierRating, RatingInput, RatingLinkTarget } from '../../../contracts/service-index';
import { apiGet, apiPost, type RequestOptions } from '../../api/client';

const enc = encodeURIComponent;

/** The signed-in citizen's rating of their dossier (whether it can be given now). */
export const getMyRating = (dossierId: string, options?: RequestOptions) =>
  apiGet<DossierRating>(`/api/v1/ratings/my/${enc(dossierId)}`, options);

/** Rates the service of the citizen's returned dossier (once). */
export const rateDossier = (dossierId: string, input: RatingInput) =>
  apiPost<DossierRating>(`/api/v1/ratings/my/${enc(dossierId)}`, input);

/** The dossier a rating link names (the owner, signed in). */
export const followRatingLink = (token: string, options?: RequestOptions) =>
  apiGet<RatingLinkTarget>(`/api/v1/ratings/links/${enc(token)}`, options);

/** A dossier's rating as the officer sees it. */
export const getDossierRating = (dossierId: string, options?: RequestOptions) =>
  apiGet<DossierRating>(`/api/v1/ratings/dossiers/${enc(dossierId)}`, options);
