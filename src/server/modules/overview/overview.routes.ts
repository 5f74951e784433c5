import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../platform/app-deps';
import { Overview } from '../../../contracts/overview';
import { getOverview } from './overview.service';
import { OVERVIEW_ACTION } from './overview.policy';

/** Routes of the `overview` module, mounted at /api/v1/overview (read only). */
export function overviewRoutes({ database, config }: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '',
      {
        config: { action: OVERVIEW_ACTION },
        schema: {
          tags: ['overview'],
          summary:
            'Tổng quan số liệu cho lãnh đạo, Cơ quan thường trực / overview of figures for leaders and the Standing Agency',
          response: { 200: Overview },
        },
      },
      async (req) => getOverview(database.db, req.access, config.PROVINCE_CODE),
    );
  };
}
