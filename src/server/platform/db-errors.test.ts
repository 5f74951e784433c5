import { describe, expect, it } from 'vitest';
import net from 'node:net';
import pg from 'pg';
import { DrizzleQueryError } from 'drizzle-orm/errors';
import { AppError } from './errors';
import { createOutageReporter, databaseUnavailableReason, isDatabaseUnavailable } from './db-errors';
import { startTcpProxy } from '../../../test/tcp-proxy';

/** An error shaped like node-postgres' DatabaseError / PGlite's DatabaseError: a message and a SQLSTATE. */
const sqlError = (code: string, message = 'server error') =>
  Object.assign(new Error(message), { code, severity: 'ERROR' });
const errnoError = (code: string) =>
  Object.assign(new Error(`connect ${code} 127.0.0.1:5432`), { code, errno: -1, syscall: 'connect' });
const wrapped = (cause: unknown) =>
  new DrizzleQueryError('select 1 from identity.accounts where id = $1', ['secret-value'], cause as Error);

describe('classifying database errors: outage (503) or not (500)', () => {
  it.each([
    ['connection failure 08006', sqlError('08006'), 'SQLSTATE 08006'],
    ['cannot connect 08001', sqlError('08001'), 'SQLSTATE 08001'],
    [
      'administrator shutdown 57P01',
      sqlError('57P01', 'terminating connection due to administrator command'),
      'SQLSTATE 57P01',
    ],
    ['crash shutdown 57P02', sqlError('57P02'), 'SQLSTATE 57P02'],
    ['starting up 57P03', sqlError('57P03', 'the database system is starting up'), 'SQLSTATE 57P03'],
    ['statement timeout 57014', sqlError('57014', 'canceling statement due to statement timeout'), 'SQLSTATE 57014'],
    ['idle in transaction timeout 25P03', sqlError('25P03'), 'SQLSTATE 25P03'],
    ['too many connections 53300', sqlError('53300'), 'SQLSTATE 53300'],
    ['connection refused', errnoError('ECONNREFUSED'), 'ECONNREFUSED'],
    ['connection reset', errnoError('ECONNRESET'), 'ECONNRESET'],
    ['socket timeout', errnoError('ETIMEDOUT'), 'ETIMEDOUT'],
    ['broken pipe', errnoError('EPIPE'), 'EPIPE'],
    ['unreachable host', errnoError('EHOSTUNREACH'), 'EHOSTUNREACH'],
    ['pool acquisition timeout', new Error('timeout exceeded when trying to connect'), 'pool acquisition timeout'],
    [
      'connection timeout',
      new Error('Connection terminated due to connection timeout', { cause: new Error('timeout expired') }),
      'connection timeout',
    ],
    ['query read timeout', new Error('Query read timeout'), 'query timeout'],
    ['connection dropped', new Error('Connection terminated unexpectedly'), 'connection terminated'],
    [
      'client not queryable',
      new Error('Client has encountered a connection error and is not queryable'),
      'connection lost',
    ],
    ['PGlite closed', new Error('PGlite is closed'), 'database closed'],
    ['Drizzle wrapping a reset', wrapped(errnoError('ECONNRESET')), 'ECONNRESET'],
    ['Drizzle wrapping a statement timeout', wrapped(sqlError('57014')), 'SQLSTATE 57014'],
    [
      'AggregateError of every address refused',
      Object.assign(new AggregateError([errnoError('ECONNREFUSED'), errnoError('ECONNREFUSED')], ''), {
        code: 'ECONNREFUSED',
      }),
      'ECONNREFUSED',
    ],
    [
      'AggregateError without a code',
      new AggregateError([new Error('x'), errnoError('ENETUNREACH')], ''),
      'ENETUNREACH',
    ],
  ])('%s is an outage', (_what, error, reason) => {
    expect(databaseUnavailableReason(error)).toBe(reason);
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it.each([
    ['a unique violation 23505', sqlError('23505', 'duplicate key value violates unique constraint')],
    ['a serialization failure 40001', sqlError('40001')],
    ['a deadlock 40P01', sqlError('40P01')],
    ['a syntax error 42601', sqlError('42601')],
    ['disk full 53100', sqlError('53100')],
    ['Drizzle wrapping a check violation', wrapped(sqlError('23514'))],
    ['a plain bug', new TypeError("Cannot read properties of undefined (reading 'id')")],
    ['an AppError, even one saying unavailable', new AppError('PAYMENT.GATEWAY_UNAVAILABLE', 'x', 'y')],
    ['a file-system error', Object.assign(new Error('ENOENT'), { code: 'ENOENT' })],
    ['a message only mentioning a timeout', new Error('Query read timeout while rendering the PDF')],
    ['null', null],
    ['a string', 'ECONNREFUSED'],
  ])('%s is not an outage', (_what, error) => {
    expect(databaseUnavailableReason(error)).toBeUndefined();
  });

  it('classifies what node-postgres really throws for a refused port and a silent one', async () => {
    const closed = net.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as net.AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const refused = await new pg.Client({ host: '127.0.0.1', port, user: 'x', database: 'x' })
      .connect()
      .catch((e: unknown) => e);
    expect(databaseUnavailableReason(refused)).toBe('ECONNREFUSED');

    // A port that accepts and never answers: the pool's connection timeout, then its acquisition timeout.
    const silent = await startTcpProxy({ host: '127.0.0.1', port });
    silent.freeze();
    const pool = new pg.Pool({
      host: '127.0.0.1',
      port: silent.port,
      user: 'x',
      database: 'x',
      max: 1,
      connectionTimeoutMillis: 200,
    });
    pool.on('error', () => undefined);
    try {
      const [first, second] = await Promise.all([
        pool.query('select 1').catch((e: unknown) => e),
        pool.query('select 1').catch((e: unknown) => e),
      ]);
      expect(databaseUnavailableReason(first)).toBe('connection timeout');
      expect(['connection timeout', 'pool acquisition timeout']).toContain(databaseUnavailableReason(second));
    } finally {
      await pool.end().catch(() => undefined);
      await silent.close();
    }
  });
});

describe('reporting outages in the log', () => {
  it('logs the first failure at once, then one summary per interval counting the rest, and leaves other errors to the caller', () => {
    const lines: Array<Record<string, unknown>> = [];
    let clock = 0;
    const report = createOutageReporter((fields) => lines.push(fields), { intervalMs: 60_000, now: () => clock });
    expect(report(new Error('Query read timeout'), 'access-log sealing')).toBe(true);
    for (let i = 0; i < 59; i++) {
      clock += 1_000;
      expect(report(errnoError('ECONNREFUSED'), 'access-log sealing')).toBe(true);
    }
    expect(lines).toEqual([{ reason: 'query timeout', source: 'access-log sealing', failures: 1 }]);
    clock += 1_000;
    report(errnoError('ECONNREFUSED'), 'access-log sealing');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toEqual({ reason: 'ECONNREFUSED', source: 'access-log sealing', failures: 60 });
    expect(report(sqlError('23505'), 'access-log sealing')).toBe(false);
    expect(lines).toHaveLength(2);
  });
});
