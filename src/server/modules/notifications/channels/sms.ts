import type { DeliveryChannel, OutgoingMessage } from './channel';

/**
 * SMS through an HTTP gateway (issue 17 §2): `POST <url>` with JSON `{ to, text, reference }`,
 * `Authorization: Bearer <key>` and `Idempotency-Key: <the outbox key>` (the gateway keeps one
 * message per key); any 2xx is accepted. `to` is 84xxxxxxxxx. The SMS text is the outbox row's
 * Vietnamese body (the template's short SMS text).
 */
export function httpSmsChannel(options: { url: string; key: string; timeoutMs?: number }): DeliveryChannel {
  return {
    name: 'sms',
    async send(message: OutgoingMessage) {
      if (!message.recipient) throw new Error('no recipient');
      const res = await fetch(options.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${options.key}`,
          'idempotency-key': message.idempotencyKey,
        },
        body: JSON.stringify({ to: message.recipient, text: message.bodyVi, reference: message.idempotencyKey }),
        signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
      });
      const text = await res.text();
      if (!res.ok) throw new Error(`SMS gateway answered ${res.status}: ${text.slice(0, 200)}`);
      let id: string | undefined;
      try {
        id = (JSON.parse(text) as { id?: string }).id;
      } catch {
        id = undefined;
      }
      return { providerId: id };
    },
  };
}
