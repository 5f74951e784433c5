import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import type { AppDeps } from '../../platform/app-deps';
import { todayInVietnam } from '../../../contracts/common';
import {
  AsOfQuery,
  Unit,
  UnitCodeParams,
  UnitLink,
  UnitListQuery,
  UnitNode,
  UnitWithFormerNames,
} from '../../../contracts/units';
import * as service from './units.service';
import { REFERENCE_DIR } from './units.loader';
import { UNITS_ROUTE_ACTIONS } from './units.policy';
import { helpDesksRoutes } from './help-desks.routes';

const tags = ['units'];

/** Routes of the `units` module, mounted at /api/v1/units. */
export function unitsRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  const { database, config } = deps;
  const { db } = database;
  return async (app) => {
    await app.register(helpDesksRoutes(deps));

    app.get(
      '/tree',
      {
        config: { action: UNITS_ROUTE_ACTIONS.reference },
        schema: {
          tags,
          summary: 'Cây đơn vị hành chính tại một ngày / unit tree as of a date',
          querystring: AsOfQuery,
          response: { 200: UnitNode },
        },
      },
      async (req) => service.getUnitTree(db, config.PROVINCE_CODE, req.query.asOf ?? todayInVietnam()),
    );

    app.get(
      '/',
      {
        config: { action: UNITS_ROUTE_ACTIONS.reference },
        schema: {
          tags,
          summary: 'Danh sách đơn vị / list units valid on a date',
          querystring: UnitListQuery,
          response: { 200: z.object({ items: z.array(UnitWithFormerNames) }) },
        },
      },
      async (req) => {
        const { asOf, withFormerNames, ...filter } = req.query;
        const items = await service.listUnits(db, asOf ?? todayInVietnam(), filter, {
          formerNames: withFormerNames === 'true',
        });
        return { items };
      },
    );

    app.get(
      '/geojson',
      {
        config: { action: UNITS_ROUTE_ACTIONS.reference },
        schema: {
          tags,
          summary: 'Ranh giới xã/phường hiện hành (GeoJSON, đã đơn giản hoá) / current commune boundaries',
        },
      },
      async (_req, reply) => {
        const text = await readFile(`${REFERENCE_DIR}/admin-units/${config.PROVINCE_CODE}-communes.geojson`, 'utf8');
        return reply.type('application/geo+json').header('cache-control', 'public, max-age=86400').send(text);
      },
    );

    app.get(
      '/:code',
      {
        config: { action: UNITS_ROUTE_ACTIONS.reference },
        schema: {
          tags,
          summary: 'Đơn vị theo mã tại một ngày / a unit by code as of a date',
          params: UnitCodeParams,
          querystring: AsOfQuery,
          response: { 200: Unit },
        },
      },
      async (req) => service.getUnit(db, req.params.code, req.query.asOf ?? todayInVietnam()),
    );

    app.get(
      '/:code/successors',
      {
        config: { action: UNITS_ROUTE_ACTIONS.reference },
        schema: {
          tags,
          summary: 'Đơn vị kế thừa (sau sắp xếp 2025) / successors of an old unit',
          params: UnitCodeParams,
          response: { 200: z.object({ items: z.array(UnitLink) }) },
        },
      },
      async (req) => ({
        items: await service.listLinkedUnits(db, req.params.code, 'successors'),
      }),
    );

    app.get(
      '/:code/predecessors',
      {
        config: { action: UNITS_ROUTE_ACTIONS.reference },
        schema: {
          tags,
          summary: 'Các đơn vị cũ hợp thành / predecessors of a new unit',
          params: UnitCodeParams,
          response: { 200: z.object({ items: z.array(UnitLink) }) },
        },
      },
      async (req) => ({
        items: await service.listLinkedUnits(db, req.params.code, 'predecessors'),
      }),
    );
  };
}
