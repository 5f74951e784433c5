import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../platform/app-deps';
import {
  CalendarDay,
  CalendarDayChange,
  CalendarDayInput,
  CalendarDayParams,
  CalendarYear,
  CalendarYearChange,
  CalendarYearParams,
  DeadlineQuery,
  DeadlineResult,
  WorkingDaysQuery,
  WorkingDaysResult,
  toVietnamIso,
} from '../../../contracts/calendar';
import { CalendarYearError } from './calendar.errors';
import { dayNumberOf } from './days';
import { deadlineOfRule, effectiveReceipt, workingDaysBetween } from './deadline';
import { provisionalYearsBetween, workingHoursFrom } from './working-calendar';
import * as service from './calendar.service';
import { CALENDAR_ROUTE_ACTIONS } from './calendar.policy';

const tags = ['calendar'];

/** Re-throws a year refusal naming the query parameter that led to it. */
async function naming<T>(field: string, work: () => T | Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw error instanceof CalendarYearError ? error.forField(field) : error;
  }
}

/**
 * Routes of the `calendar` module, mounted at /api/v1/calendar: the two computations (public),
 * a year's schedule (staff with calendar.read) and the administrators' edits (calendar.manage).
 * Binds the configured WORKING_HOURS to the database handle, for every module's computations.
 */
export function calendarRoutes({ database, config }: AppDeps): FastifyPluginAsyncZod {
  const { db } = database;
  service.bindWorkingHours(db, workingHoursFrom(config.WORKING_HOURS));
  const calendar = () => service.loadWorkingCalendar(db);
  return async (app) => {
    app.get(
      '/deadline',
      {
        config: { action: CALENDAR_ROUTE_ACTIONS.workingDays },
        schema: {
          tags,
          summary: 'Tính hạn giải quyết theo ngày làm việc / due time of a time limit in working days',
          querystring: DeadlineQuery,
          response: { 200: DeadlineResult },
        },
      },
      async (req) => {
        const cal = await calendar();
        const receivedAt = new Date(req.query.receivedAt);
        await naming('receivedAt', () => effectiveReceipt(cal, receivedAt));
        const rule = { workingDays: req.query.workingDays, sameDayCutoff: req.query.sameDayCutoff ?? null };
        const result = await naming('workingDays', () => deadlineOfRule(cal, receivedAt, rule));
        return {
          receivedAt: toVietnamIso(receivedAt),
          effectiveReceivedAt: toVietnamIso(result.effectiveReceivedAt),
          dueAt: toVietnamIso(result.dueAt),
          workingDays: req.query.workingDays,
          sameDayCutoff: rule.sameDayCutoff,
          provisional: result.provisional,
          provisionalYears: result.provisionalYears,
        };
      },
    );

    app.get(
      '/working-days',
      {
        config: { action: CALENDAR_ROUTE_ACTIONS.workingDays },
        schema: {
          tags,
          summary: 'Đếm ngày làm việc (tính cả hai đầu) / working days between two dates, inclusive',
          querystring: WorkingDaysQuery,
          response: { 200: WorkingDaysResult },
        },
      },
      async (req) => {
        const cal = await calendar();
        const { from, to } = req.query;
        await naming('from', () => workingDaysBetween(cal, from, from));
        const workingDays = await naming('to', () => workingDaysBetween(cal, from, to));
        const provisionalYears = provisionalYearsBetween(cal, dayNumberOf(from), dayNumberOf(to));
        return { from, to, workingDays, provisional: provisionalYears.length > 0, provisionalYears };
      },
    );

    app.get(
      '/years/:year',
      {
        config: { action: CALENDAR_ROUTE_ACTIONS.readYear },
        schema: {
          tags,
          summary: 'Lịch nghỉ, làm bù của một năm / days off and working Saturdays of a year',
          params: CalendarYearParams,
          response: { 200: CalendarYear },
        },
      },
      async (req) => naming('year', async () => service.presentYear(await calendar(), req.params.year)),
    );

    app.post(
      '/years/:year',
      {
        config: { action: CALENDAR_ROUTE_ACTIONS.manage },
        schema: {
          tags,
          summary: 'Ghi căn cứ, xác nhận lịch năm / set the announcement of a year',
          params: CalendarYearParams,
          body: CalendarYearChange,
          response: { 200: CalendarYear },
        },
      },
      async (req) => {
        await service.changeYear(db, req.params.year, req.body, req.access.actor?.accountId ?? null);
        return service.presentYear(await calendar(), req.params.year);
      },
    );

    app.delete(
      '/years/:year',
      {
        config: { action: CALENDAR_ROUTE_ACTIONS.manage },
        schema: {
          tags,
          summary: 'Bỏ lịch đã lưu, quay về lịch tạm tính / drop a stored year (back to provisional)',
          params: CalendarYearParams,
          response: { 200: CalendarYear },
        },
      },
      async (req) => {
        await service.resetYear(db, req.params.year);
        return naming('year', async () => service.presentYear(await calendar(), req.params.year));
      },
    );

    app.post(
      '/days',
      {
        config: { action: CALENDAR_ROUTE_ACTIONS.manage },
        schema: {
          tags,
          summary: 'Thêm ngày nghỉ hoặc ngày làm bù / add a day off or working Saturday',
          body: CalendarDayInput,
          response: { 201: CalendarDay },
        },
      },
      async (req, reply) => {
        const entry = await service.addDay(db, req.body, req.access.actor?.accountId ?? null);
        const year = (await calendar()).years.get(Number(entry.date.slice(0, 4)));
        return reply.status(201).send({ ...entry, provisional: year?.provisional ?? true });
      },
    );

    app.post(
      '/days/:date',
      {
        config: { action: CALENDAR_ROUTE_ACTIONS.manage },
        schema: {
          tags,
          summary: 'Sửa một ngày / change a day',
          params: CalendarDayParams,
          body: CalendarDayChange,
          response: { 200: CalendarDay },
        },
      },
      async (req) => {
        const entry = await service.changeDay(db, req.params.date, req.body, req.access.actor?.accountId ?? null);
        const year = (await calendar()).years.get(Number(entry.date.slice(0, 4)));
        return { ...entry, provisional: year?.provisional ?? true };
      },
    );

    app.delete(
      '/days/:date',
      {
        config: { action: CALENDAR_ROUTE_ACTIONS.manage },
        schema: {
          tags,
          summary: 'Xoá một ngày / delete a day',
          params: CalendarDayParams,
          response: { 200: z.object({ deleted: z.string() }) },
        },
      },
      async (req) => {
        await service.removeDay(db, req.params.date, req.access.actor?.accountId ?? null);
        return { deleted: req.params.date };
      },
    );
  };
}
