import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../platform/app-deps';
import {
  DossierRating,
  RatingInput,
  RatingLinkParams,
  RatingLinkTarget,
  RatingParams,
  ServiceIndex,
  ServiceIndexQuery,
} from '../../../contracts/service-index';
import * as ratingsService from './ratings.service';
import { serviceIndex } from './service-index.service';
import { RATING_ACTIONS, SERVICE_INDEX_ACTIONS } from './service-index.policy';

const ratingTags = ['ratings'];

/**
 * Routes of the `service-index` module, mounted at /api/v1: the citizen's rating of a returned
 * dossier (`/ratings/my/:dossierId`, `ratings.own.rate`), the link of the result message
 * (`/ratings/links/:token`), the officer's view of a dossier's rating (`/ratings/dossiers/:dossierId`,
 * `ratings.read` in the dossier's unit) and the index's ratios (`/service-index`, `service_index.read`).
 */
export function serviceIndexRoutes({ database, config }: AppDeps): FastifyPluginAsyncZod {
  const { db } = database;
  return async (app) => {
    app.get(
      '/ratings/my/:dossierId',
      {
        config: { action: RATING_ACTIONS.rate },
        schema: {
          tags: ratingTags,
          summary: 'Đánh giá của tôi cho hồ sơ / my rating of a dossier',
          params: RatingParams,
          response: { 200: DossierRating },
        },
      },
      async (req) => ratingsService.myRating(db, req.access, req.params.dossierId),
    );

    app.post(
      '/ratings/my/:dossierId',
      {
        config: { action: RATING_ACTIONS.rate },
        schema: {
          tags: ratingTags,
          summary:
            'Đánh giá mức độ hài lòng khi đã nhận kết quả (một lần) / rate the service once the result is returned',
          params: RatingParams,
          body: RatingInput,
          response: { 201: DossierRating },
        },
      },
      async (req, reply) =>
        reply
          .status(201)
          .send(
            await ratingsService.rateDossier(db, req.access, req.params.dossierId, req.body, config.SESSION_SECRET),
          ),
    );

    app.get(
      '/ratings/links/:token',
      {
        config: { action: RATING_ACTIONS.rate },
        schema: {
          tags: ratingTags,
          summary: 'Hồ sơ của đường dẫn đánh giá (chủ hồ sơ đã đăng nhập) / the dossier a rating link names',
          params: RatingLinkParams,
          response: { 200: RatingLinkTarget },
        },
      },
      async (req) => ratingsService.followRatingLink(db, req.access, req.params.token, config.SESSION_SECRET),
    );

    app.get(
      '/ratings/dossiers/:dossierId',
      {
        config: { action: RATING_ACTIONS.read },
        schema: {
          tags: ratingTags,
          summary: 'Đánh giá của người dân cho hồ sơ (cán bộ) / the citizen’s rating of a dossier (officers)',
          params: RatingParams,
          response: { 200: DossierRating },
        },
      },
      async (req) => ratingsService.dossierRating(db, req.access, req.params.dossierId),
    );

    app.get(
      '/service-index',
      {
        config: { action: SERVICE_INDEX_ACTIONS.read },
        schema: {
          tags: ['service-index'],
          summary:
            'Các tỷ lệ của Bộ chỉ số 766 theo kỳ, đơn vị (trước hoặc sau 1/7/2025), thủ tục / the service index ratios',
          querystring: ServiceIndexQuery,
          response: { 200: ServiceIndex },
        },
      },
      async (req) => serviceIndex(db, req.access, req.query, config.PROVINCE_CODE),
    );
  };
}
