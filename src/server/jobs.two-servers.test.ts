import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { SMTPServer } from 'smtp-server';
import { createTestDatabase, type TestDatabase } from '../../test/db';
import { makeHousehold, makePerson } from '../../test/factories';
import { multipart } from '../../test/multipart';
import { signIn, startServer, stopServer, type ServerProcess } from '../../test/serve-process';
import type { DossierDetail } from '../contracts/dossiers';
import { assignRole, citizenAccountFor, createStaffUser, openSession, SESSION_COOKIE } from './modules/identity';
import { copyRegistryBatch } from './modules/population';

/*
 * Exactly once under two server processes (issue 17 §1, ADR 0031 hazard 4): two real `dvc06 serve`
 * processes on one fresh PostgreSQL database, e-mail to an SMTP server this test runs (SMTP_URL) and
 * the national portal's sync to an HTTP endpoint this test runs (PORTAL_SYNC_URL). N dossiers are
 * filed and received over HTTP, each step on either server. Counted here, not in the database: each
 * 'received' e-mail arrives once (by Message-ID), each (dossier code, seq) push arrives once and in
 * order, and both processes sent some — each delivery is traced to the server process that holds the
 * client end of its TCP connection (Linux /proc), not inferred from the database.
 *
 * PostgreSQL only: on embedded PGlite a second process cannot open the data directory (ADR 0002);
 * there job-queue.test.ts runs two workers in one process.
 */
const ON_POSTGRES = Boolean(process.env.DATABASE_URL);
const HAS_PROC = existsSync('/proc/net/tcp');
const N = 10;
const TEMP = '1.004194'; // temporary residence registration, filed online
const UNIT = '03445';
const KEY = 'two-servers-test-portal-key-0123456789';
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
const PERSON = makePerson({
  id: randomUUID(),
  nationalId: '012190000917',
  idCardNumber: '012190000917',
  fullName: 'Lò Thị Hoa',
  email: 'lo.thi.hoa@example.vn',
});

/**
 * The process (of `pids`) holding the client end of the local TCP connection `clientPort` →
 * `serverPort`: its socket inode from /proc/net/tcp{,6}, then the process whose fds include it.
 */
function socketOwner(clientPort: number, serverPort: number, pids: number[]): number | undefined {
  const hex = (port: number) => port.toString(16).toUpperCase().padStart(4, '0');
  let inode: string | undefined;
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    if (!existsSync(table)) continue;
    for (const line of readFileSync(table, 'utf8').split('\n').slice(1)) {
      const cols = line.trim().split(/\s+/);
      if (cols[1]?.endsWith(`:${hex(clientPort)}`) && cols[2]?.endsWith(`:${hex(serverPort)}`)) inode = cols[9];
    }
  }
  if (!inode) return undefined;
  for (const pid of pids) {
    const dir = `/proc/${pid}/fd`;
    for (const fd of readdirSync(dir)) {
      try {
        if (readlinkSync(`${dir}/${fd}`) === `socket:[${inode}]`) return pid;
      } catch {
        // closed meanwhile
      }
    }
  }
  return undefined;
}

interface Mail {
  messageId: string;
  idempotencyKey: string | undefined;
  rcptTo: string[];
  raw: string;
  pid: number | undefined;
}
interface Push {
  code: string;
  seq: number;
  status: string;
  idempotencyKey: string | string[] | undefined;
  pid: number | undefined;
}

const header = (raw: string, name: string) => {
  const head = (raw.split(/\r?\n\r?\n/, 1)[0] ?? '').replace(/\r?\n[ \t]+/g, ' ');
  return head
    .split(/\r?\n/)
    .find((l) => l.toLowerCase().startsWith(`${name.toLowerCase()}:`))
    ?.slice(name.length + 1)
    .trim();
};

const readBody = (request: IncomingMessage) =>
  new Promise<string>((resolve, reject) => {
    let body = '';
    request.on('data', (c: Buffer) => (body += String(c)));
    request.on('end', () => resolve(body));
    request.on('error', reject);
  });

async function until(check: () => boolean | Promise<boolean>, ms: number, what: () => string): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`not in ${ms / 1000} s: ${what()}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

describe.skipIf(!ON_POSTGRES || !HAS_PROC)(
  'two server processes on one database (PostgreSQL only, ADR 0002; Linux /proc tells which process sent what)',
  () => {
    let database: TestDatabase;
    let dataDir: string;
    let smtp: SMTPServer;
    let smtpPort = 0;
    let portal: Server;
    const servers: ServerProcess[] = [];
    const mails: Mail[] = [];
    const pushes: Push[] = [];
    const pids = () => servers.map((s) => s.child.pid!);

    beforeAll(async () => {
      database = await createTestDatabase();
      dataDir = mkdtempSync(join(tmpdir(), 'dvc06-two-servers-'));
      // The relay: keeps every message it is given, with the process that sent it.
      smtp = new SMTPServer({
        authOptional: true,
        disabledCommands: ['AUTH', 'STARTTLS'],
        logger: false,
        onConnect(session, callback) {
          (session as { pid?: number }).pid = socketOwner(session.remotePort, smtpPort, pids());
          callback();
        },
        onData(stream, session, callback) {
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('end', () => {
            const raw = Buffer.concat(chunks).toString('utf8');
            mails.push({
              messageId: header(raw, 'Message-ID') ?? '(none)',
              idempotencyKey: header(raw, 'X-DVC06-Idempotency-Key'),
              rcptTo: session.envelope.rcptTo.map((r) => r.address),
              raw,
              pid: (session as { pid?: number }).pid,
            });
            callback(null, 'Queued');
          });
        },
      });
      await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
      smtpPort = (smtp.server.address() as AddressInfo).port;
      // The national portal's sync endpoint: the bearer key, the idempotency key, every push kept in arrival order.
      portal = createServer((request, response) => {
        void (async () => {
          const pid = socketOwner(request.socket.remotePort!, (portal.address() as AddressInfo).port, pids());
          const body = JSON.parse(await readBody(request)) as {
            MaHoSo: string;
            SoThuTuDongBo: number;
            TrangThaiHoSo: string;
          };
          if (request.headers.authorization !== `Bearer ${KEY}`) {
            response.writeHead(401).end();
            return;
          }
          pushes.push({
            code: body.MaHoSo,
            seq: body.SoThuTuDongBo,
            status: body.TrangThaiHoSo,
            idempotencyKey: request.headers['idempotency-key'],
            pid,
          });
          response.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
        })();
      });
      await new Promise<void>((resolve) => portal.listen(0, '127.0.0.1', resolve));
      const env = {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? '/tmp',
        DATABASE_URL: database.url!,
        DATA_DIR: dataDir, // one host, one data directory, as two processes of one deployment would share it
        SEED_DEMO: 'never',
        SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
        PORTAL_SYNC_URL: `http://127.0.0.1:${(portal.address() as AddressInfo).port}/dossier-sync`,
        PORTAL_SYNC_KEY: KEY,
      };
      // One after the other: the first start seeds the reference data and creates the job queue's schema.
      servers.push(await startServer(env));
      servers.push(await startServer(env));
      await copyRegistryBatch(database, makeHousehold(UNIT, [PERSON]));
    }, 120_000);

    afterAll(async () => {
      for (const s of servers) await stopServer(s);
      await new Promise<void>((resolve) => (smtp ? smtp.close(() => resolve()) : resolve()));
      await new Promise<void>((resolve) => (portal ? portal.close(() => resolve()) : resolve()));
      await database?.dispose();
      if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    });

    it(`files and receives ${N} dossiers across both: each e-mail and each push arrives once, in order, from both processes`, async () => {
      const [a, b] = servers as [ServerProcess, ServerProcess];
      // The citizen as after an e-ID login; the commune police signed in over HTTP (sessions are shared rows).
      const account = await citizenAccountFor(database.db, 'https://eid.test', {
        subject: `sub-${PERSON.nationalId}`,
        nationalId: PERSON.nationalId!,
        name: PERSON.fullName,
        level: 2,
        idToken: '',
      });
      const citizenSession = await openSession(database.db, account.id, { acr: 2 });
      const citizen = { cookie: `${SESSION_COOKIE}=${citizenSession.token}`, csrf: citizenSession.csrfToken };
      const { user } = await createStaffUser(database.db, {
        username: 'two.servers.police',
        displayName: 'Công an xã (test)',
        password: 'Correct-Horse-Battery-9',
      });
      await assignRole(database.db, null, user.id, { role: 'commune_police', unitCode: UNIT });
      const police = await signIn(b.url, 'two.servers.police', 'Correct-Horse-Battery-9');
      const call = async (
        server: ServerProcess,
        who: { cookie: string; csrf: string },
        path: string,
        init: { method?: string; body?: Buffer | string; headers?: Record<string, string> } = {},
      ) => {
        const response = await fetch(`${server.url}${path}`, {
          method: init.method ?? 'GET',
          headers: { cookie: who.cookie, 'x-csrf-token': who.csrf, ...init.headers },
          body: typeof init.body === 'string' || init.body === undefined ? init.body : new Uint8Array(init.body),
        });
        const text = await response.text();
        return { status: response.status, text, json: <T>() => JSON.parse(text) as T };
      };
      const versionId = (await call(a, citizen, `/api/v1/procedures/${TEMP}`)).json<{ id: string }>().id;
      const { values } = (await call(a, citizen, `/api/v1/procedures/${TEMP}/prefill`)).json<{
        values: Record<string, unknown>;
      }>();

      const codes: string[] = [];
      for (let i = 0; i < N; i++) {
        const filedOn = i % 2 === 0 ? a : b;
        const receivedOn = i % 2 === 0 ? b : a;
        const form = { ...values, addressCommune: UNIT, addressVillage: 'Tổ 5', requestContent: `Tạm trú ${i + 1}` };
        const mp = multipart(
          'dossier',
          { procedureCode: TEMP, procedureVersionId: versionId, form, channel: 'online' },
          [{ field: 'file:lawful_dwelling', name: 'hop-dong.pdf', type: 'application/pdf', data: PDF }],
        );
        const filed = await call(filedOn, citizen, '/api/v1/dossiers', {
          method: 'POST',
          body: mp.payload,
          headers: mp.headers,
        });
        expect(filed.status, filed.text).toBe(201);
        const dossier = filed.json<DossierDetail>();
        const received = await call(receivedOn, police, `/api/v1/dossiers/${dossier.id}/commands/receive`, {
          method: 'POST',
          body: JSON.stringify({ expectedVersion: dossier.version }),
          headers: { 'content-type': 'application/json' },
        });
        expect(received.status, received.text).toBe(200);
        codes.push(dossier.code!);
      }

      const pushesOf = (code: string) => pushes.filter((p) => p.code === code);
      const mailOf = (code: string) => mails.filter((m) => m.raw.includes(code));
      const allThere = () => codes.every((c) => mailOf(c).length >= 1 && pushesOf(c).length >= 2) && mails.length >= N;
      await until(allThere, 50_000, () => `${mails.length} e-mails, ${pushes.length} pushes of ${N} dossiers`);
      // A job taken twice, or a push sent again, would arrive now: longer than one poll of the send queues (2 s).
      await new Promise((r) => setTimeout(r, 3_000));

      // Each 'received' e-mail once: N messages, N distinct Message-IDs, one per dossier, to the registry's address.
      expect(mails).toHaveLength(N);
      expect(new Set(mails.map((m) => m.messageId)).size).toBe(N);
      expect(new Set(mails.map((m) => m.idempotencyKey)).size).toBe(N);
      for (const code of codes) {
        const [mail, ...more] = mailOf(code);
        expect(more, code).toEqual([]);
        expect(mail!.rcptTo).toEqual([PERSON.email]);
      }
      // Each (dossier code, seq) once and in order: submitted (1), then received (2).
      expect(pushes).toHaveLength(2 * N);
      for (const code of codes)
        expect(
          pushesOf(code).map((p) => [p.seq, p.status]),
          code,
        ).toEqual([
          [1, '1'],
          [2, '2'],
        ]);
      for (const p of pushes) expect(p.idempotencyKey).toBe(`${p.code}:${p.seq}`);
      // Both processes sent: every delivery traced to one of them, and each sent some. Counted over e-mails and pushes
      // together: the two processes poll in turn and the send queue holds each dossier's inbox and e-mail messages one
      // after the other, so one process may well have taken every inbox message (no wire to trace) and the other every e-mail.
      const senders = [...mails, ...pushes].map((d) => d.pid);
      expect(senders.filter((pid) => pid === undefined)).toEqual([]);
      const bySender = (pid: number) => ({
        mails: mails.filter((m) => m.pid === pid).length,
        pushes: pushes.filter((p) => p.pid === pid).length,
      });
      const [first, second] = pids().map(bySender) as [ReturnType<typeof bySender>, ReturnType<typeof bySender>];
      expect(first.mails + first.pushes, JSON.stringify({ first, second })).toBeGreaterThan(0);
      expect(second.mails + second.pushes, JSON.stringify({ first, second })).toBeGreaterThan(0);
    }, 90_000);
  },
);
