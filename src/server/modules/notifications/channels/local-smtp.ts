import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { sql } from 'drizzle-orm';
import type { Db } from '../../../platform/db';
import { sandboxMail } from '../notifications.schema';

/**
 * The local SMTP server the application starts when SMTP_URL is unset (development, tests): a
 * real SMTP listener (the `smtp-server` package) on 127.0.0.1 that keeps what it receives in
 * `notifications.sandbox_mail`, one row per Message-ID — a second delivery of the same message
 * (a resend after a lost answer or a crash) only counts as a duplicate. Administrators read the
 * mail on the outbox page; tests read it back.
 *
 * `faults` let a test make it misbehave: `refuse` answers the next n messages with 451 (nothing
 * kept); `loseAnswer` keeps the next n messages but answers 421 and closes, as a connection cut
 * after the server took the message — the client believes it failed and sends it again;
 * `rejectRcpt` refuses the recipient of the next n messages with 550 and a reply quoting the address,
 * as real relays answer (`550 5.1.1 <name@example.vn>: Recipient address rejected`).
 */
export interface LocalSmtpServer {
  /** smtp://127.0.0.1:<port> */
  url: string;
  port: number;
  faults: { refuse: number; loseAnswer: number; rejectRcpt: number };
  close(): Promise<void>;
}

/** One header's value (unfolded), from the raw message's header block. */
export function headerOf(raw: string, name: string): string | undefined {
  const head = raw.split(/\r?\n\r?\n/, 1)[0] ?? '';
  const unfolded = head.replace(/\r?\n[ \t]+/g, ' ');
  const line = unfolded.split(/\r?\n/).find((l) => l.toLowerCase().startsWith(`${name.toLowerCase()}:`));
  return line?.slice(name.length + 1).trim();
}

/** Decodes RFC 2047 encoded words (=?UTF-8?B?…?= / =?UTF-8?Q?…?=) of a header value. */
export function decodeHeader(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?([^?]+)\?([BbQq])\?([^?]*)\?=/g, (_m, _charset: string, enc: string, text: string) => {
      if (enc.toUpperCase() === 'B') return Buffer.from(text, 'base64').toString('utf8');
      const bytes = text.replace(/_/g, ' ').replace(/=([0-9A-Fa-f]{2})/g, (_x, h: string) => `%${h}`);
      try {
        return decodeURIComponent(bytes);
      } catch {
        return text;
      }
    });
}

class SmtpReply extends Error {
  constructor(
    message: string,
    readonly responseCode: number,
  ) {
    super(message);
  }
}

/** Starts the local SMTP server on 127.0.0.1 (`port` 0: any free port). */
export async function startLocalSmtpServer(db: Db, options: { port?: number } = {}): Promise<LocalSmtpServer> {
  const faults = { refuse: 0, loseAnswer: 0, rejectRcpt: 0 };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    banner: 'DVC06 local SMTP server (development)',
    size: 1_048_576,
    logger: false,
    onRcptTo(address, _session, callback) {
      if (faults.rejectRcpt > 0) {
        faults.rejectRcpt -= 1;
        callback(new SmtpReply(`5.1.1 <${address.address}>: Recipient address rejected (local test server)`, 550));
        return;
      }
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        if (faults.refuse > 0) {
          faults.refuse -= 1;
          callback(new SmtpReply('Try again later (local test server)', 451));
          return;
        }
        const raw = Buffer.concat(chunks).toString('utf8');
        const messageId = headerOf(raw, 'Message-ID') ?? `<no-id-${Date.now()}-${Math.random()}@local>`;
        const subject = headerOf(raw, 'Subject');
        const rcptTo = session.envelope.rcptTo.map((r) => r.address);
        const mailFrom = session.envelope.mailFrom ? session.envelope.mailFrom.address : null;
        db.insert(sandboxMail)
          .values({ messageId, mailFrom, rcptTo, subject: subject ? decodeHeader(subject) : null, raw })
          .onConflictDoUpdate({
            target: sandboxMail.messageId,
            set: { duplicates: sql`${sandboxMail.duplicates} + 1` },
          })
          .then(() => {
            if (faults.loseAnswer > 0) {
              faults.loseAnswer -= 1;
              callback(new SmtpReply('Connection lost (local test server)', 421));
            } else callback(null, 'Queued');
          })
          .catch((error: unknown) => callback(error instanceof Error ? error : new Error(String(error))));
      });
    },
  });
  server.on('error', () => undefined);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.server.address() as AddressInfo).port;
  return {
    url: `smtp://127.0.0.1:${port}`,
    port,
    faults,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
