import nodemailer from 'nodemailer';
import type { DeliveryChannel, OutgoingMessage } from './channel';

/** The Message-ID of an outbox message: derived from its idempotency key, so a resend carries the same one. */
export function messageIdOf(idempotencyKey: string, domain: string): string {
  return `<${idempotencyKey.replace(/[^A-Za-z0-9.-]/g, '.')}@${domain}>`;
}

/**
 * E-mail over SMTP with nodemailer (issue 17 §2): a text/plain message, Vietnamese first and
 * English after, from `from`, Message-ID from the idempotency key (`messageDomain`). `url` is an
 * smtp:// or smtps:// URL (user and password in it when the relay needs them).
 */
export function smtpEmailChannel(options: { url: string; from: string; messageDomain: string }): DeliveryChannel {
  const transport = nodemailer.createTransport(options.url);
  return {
    name: 'email',
    async send(message: OutgoingMessage) {
      if (!message.recipient) throw new Error('no recipient');
      const info = await transport.sendMail({
        from: options.from,
        to: message.recipient,
        subject: `${message.subjectVi} / ${message.subjectEn}`,
        text: `${message.bodyVi}\n\n-----\n\n${message.bodyEn}\n`,
        messageId: messageIdOf(message.idempotencyKey, options.messageDomain),
        headers: { 'X-DVC06-Idempotency-Key': message.idempotencyKey },
      });
      return { providerId: info.messageId };
    },
    async close() {
      transport.close();
    },
  };
}
