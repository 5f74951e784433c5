import { describe, expect, it } from 'vitest';
import Fastify from 'fastify';
import { Readable } from 'node:stream';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { COMPRESSION_THRESHOLD_BYTES, registerCompression } from './compression';

const big = { rows: Array.from({ length: 200 }, (_, i) => ({ id: i, name: `Lò Thị ${i}` })) };
const csv = 'ma,ten\n' + Array.from({ length: 500 }, (_, i) => `${i},Xã ${i}`).join('\n');
const pdf = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(5000, 7)]);

async function app() {
  const a = Fastify();
  await registerCompression(a);
  a.addHook('onSend', async (_req, reply) => {
    if (!reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
  });
  a.get('/big', async () => big);
  a.get('/small', async () => ({ ok: true }));
  a.get('/csv', async (_req, reply) =>
    reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', 'attachment; filename="x.csv"')
      .send(Readable.from([csv])),
  );
  a.get('/pdf', async (_req, reply) => reply.type('application/pdf').send(Readable.from([pdf])));
  a.get('/bytes', async (_req, reply) => reply.type('application/octet-stream').send(Buffer.alloc(5000, 1)));
  return a;
}

describe('compression of answers', () => {
  it('sends a JSON answer of 1 KiB or more as brotli or gzip, as the browser accepts, keeping no-store', async () => {
    const a = await app();
    expect(JSON.stringify(big).length).toBeGreaterThan(COMPRESSION_THRESHOLD_BYTES);
    const br = await a.inject({ url: '/big', headers: { 'accept-encoding': 'gzip, deflate, br, zstd' } });
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['cache-control']).toBe('no-store');
    expect(br.headers.vary).toContain('accept-encoding');
    expect(JSON.parse(brotliDecompressSync(br.rawPayload).toString())).toEqual(big);
    expect(br.rawPayload.length).toBeLessThan(JSON.stringify(big).length / 3);
    const gz = await a.inject({ url: '/big', headers: { 'accept-encoding': 'gzip, deflate' } });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(JSON.parse(gunzipSync(gz.rawPayload).toString())).toEqual(big);
    const plain = await a.inject('/big');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.json()).toEqual(big);
    await a.close();
  });

  it('sends a small answer as it is', async () => {
    const a = await app();
    const res = await a.inject({ url: '/small', headers: { 'accept-encoding': 'br, gzip' } });
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(res.json()).toEqual({ ok: true });
    await a.close();
  });

  it('compresses a streamed CSV export as it flows, and leaves PDFs and raw bytes alone', async () => {
    const a = await app();
    const res = await a.inject({ url: '/csv', headers: { 'accept-encoding': 'gzip' } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(res.headers['content-disposition']).toContain('x.csv');
    expect(gunzipSync(res.rawPayload).toString()).toBe(csv);
    const slip = await a.inject({ url: '/pdf', headers: { 'accept-encoding': 'br, gzip' } });
    expect(slip.headers['content-encoding']).toBeUndefined();
    expect(slip.rawPayload.equals(pdf)).toBe(true);
    const bytes = await a.inject({ url: '/bytes', headers: { 'accept-encoding': 'br, gzip' } });
    expect(bytes.headers['content-encoding']).toBeUndefined();
    await a.close();
  });

  it('does not decompress request bodies', async () => {
    const a = await app();
    a.post('/echo', async (req) => ({ got: typeof req.body }));
    const res = await a.inject({
      method: 'POST',
      url: '/echo',
      headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' },
      payload: '{"a":1}',
    });
    // Not inflated by the plugin: the body is parsed as it came (here plain JSON).
    expect(res.json()).toEqual({ got: 'object' });
    await a.close();
  });
});
