import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../platform/app-deps';
import {
  CitizenLookup,
  CitizenLookupBody,
  CounterDeviceStartBody,
  CounterDeviceState,
  CounterSummary,
  SummaryQuery,
  Visit,
  VisitCorrectionBody,
  VisitCreateBody,
  VisitDetail,
  VisitIdParams,
  VisitListQuery,
  VisitPage,
} from '../../../contracts/counter';
import type { CounterOptions } from './counter.access';
import { COUNTER_ROUTE_ACTIONS } from './counter.policy';
import { activeDevice, COUNTER_DEVICE_COOKIE, deviceIdOf, endDevice, startDevice } from './counter.devices';
import { correctVisit, recordVisit } from './counter.service';
import { getVisit, listVisits, lookup, summaryFor } from './counter.queries';

const tags = ['counter'];

/** Routes of the `counter` module (the one-stop counter support log), mounted at /api/v1/counter. ID numbers travel in bodies only. */
export function counterRoutes(
  { database, config, accessLog }: AppDeps,
  extra: Pick<CounterOptions, 'now'> = {},
): FastifyPluginAsyncZod {
  const { db } = database;
  const options: CounterOptions = {
    pseudonymKey: accessLog === false ? undefined : config.AUDIT_PSEUDONYM_KEY,
    ...extra,
  };
  return async (app) => {
    app.post(
      '/lookup',
      {
        config: { action: COUNTER_ROUTE_ACTIONS.record },
        schema: {
          tags,
          summary:
            'Tra cứu công dân tại quầy theo số định danh (ghi nhật ký, mục đích: theo yêu cầu của công dân) / look up the citizen at the counter',
          body: CitizenLookupBody,
          response: { 200: CitizenLookup },
        },
      },
      async (req) => lookup(db, req.access, req.body.nationalId, options),
    );

    app.post(
      '/visits',
      {
        config: { action: COUNTER_ROUTE_ACTIONS.record },
        schema: {
          tags,
          summary: 'Ghi một lượt tiếp công dân tại quầy / record a counter visit',
          body: VisitCreateBody,
          response: { 201: Visit },
        },
      },
      async (req, reply) => reply.status(201).send(await recordVisit(db, req.access, req.body, options)),
    );

    app.patch(
      '/visits/:id',
      {
        config: { action: COUNTER_ROUTE_ACTIONS.record },
        schema: {
          tags,
          summary:
            'Sửa lượt tiếp của mình trong ngày (giữ lịch sử) / correct your own visit the same day (history kept)',
          params: VisitIdParams,
          body: VisitCorrectionBody,
          response: { 200: Visit },
        },
      },
      async (req) => correctVisit(db, req.access, req.params.id, req.body, options),
    );

    app.get(
      '/visits',
      {
        config: { action: COUNTER_ROUTE_ACTIONS.read },
        schema: {
          tags,
          summary: 'Danh sách lượt tiếp trong ngày theo quầy / the daily list per counter',
          querystring: VisitListQuery,
          response: { 200: VisitPage },
        },
      },
      async (req) => listVisits(db, req.access, req.query, options),
    );

    app.get(
      '/visits/:id',
      {
        config: { action: COUNTER_ROUTE_ACTIONS.read },
        schema: {
          tags,
          summary: 'Một lượt tiếp và lịch sử sửa / a visit and its correction history',
          params: VisitIdParams,
          response: { 200: VisitDetail },
        },
      },
      async (req) => getVisit(db, req.access, req.params.id, options),
    );

    app.get(
      '/summary',
      {
        config: { action: COUNTER_ROUTE_ACTIONS.read },
        schema: {
          tags,
          summary:
            'Tổng hợp theo đơn vị và ngày: lượt tiếp, tỷ lệ hướng dẫn nộp trực tuyến, người nhập, kết quả / counts per unit and day',
          querystring: SummaryQuery,
          response: { 200: CounterSummary },
        },
      },
      async (req) => summaryFor(db, req.access, req.query),
    );

    // Counter devices: the browser holds a signed cookie with the device id, valid until the end of the day.
    const secure = config.PUBLIC_URL.startsWith('https:');
    const clock = () => extra.now?.() ?? new Date();

    app.get(
      '/device',
      {
        config: { action: COUNTER_ROUTE_ACTIONS.deviceState },
        schema: {
          tags,
          summary: 'Máy này có phải thiết bị tại quầy không (trang nộp hồ sơ hỏi) / is this browser a counter device',
          response: { 200: CounterDeviceState },
        },
      },
      async (req) => ({ device: await activeDevice(db, deviceIdOf(req), clock()) }),
    );

    app.post(
      '/device',
      {
        config: { action: COUNTER_ROUTE_ACTIONS.record },
        schema: {
          tags,
          summary:
            'Đặt máy này làm thiết bị tại quầy đến hết ngày: công dân tự nộp trực tuyến có cán bộ hướng dẫn / make this browser a counter device for today',
          body: CounterDeviceStartBody,
          response: { 201: CounterDeviceState },
        },
      },
      async (req, reply) => {
        const now = clock();
        const { id, info } = await startDevice(db, req.access, req.body, now);
        const maxAge = Math.max(1, Math.floor((Date.parse(info.expiresAt) - now.getTime()) / 1000));
        reply.setCookie(COUNTER_DEVICE_COOKIE, id, {
          signed: true,
          httpOnly: true,
          secure,
          sameSite: 'lax',
          path: '/',
          maxAge,
        });
        return reply.status(201).send({ device: info });
      },
    );

    app.delete(
      '/device',
      {
        config: { action: COUNTER_ROUTE_ACTIONS.record },
        schema: {
          tags,
          summary: 'Thôi dùng máy này làm thiết bị tại quầy / stop using this browser as a counter device',
          response: { 200: CounterDeviceState },
        },
      },
      async (req, reply) => {
        await endDevice(db, req.access, deviceIdOf(req), clock());
        reply.clearCookie(COUNTER_DEVICE_COOKIE, { path: '/' });
        return { device: null };
      },
    );
  };
}
