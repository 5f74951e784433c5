import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { brotliCompressSync, brotliDecompressSync, gzipSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../app';
import { createTestDatabase, testConfig, type TestDatabase } from '../../../test/db';

let app: FastifyInstance;
let database: TestDatabase;
beforeAll(async () => {
  const webDir = mkdtempSync(`${tmpdir()}/dvc06-web-`);
  mkdirSync(`${webDir}/assets`);
  writeFileSync(`${webDir}/index.html`, '<!doctype html><title>DVC06</title>');
  writeFileSync(`${webDir}/assets/app-abc123.js`, 'console.log(1)');
  mkdirSync(`${webDir}/.vite`);
  writeFileSync(`${webDir}/.vite/manifest.json`, '{"index.html":{"file":"assets/app-abc123.js"}}');
  // A build's pre-compressed copies (vite.config.ts): the server picks the one the browser accepts.
  writeFileSync(`${webDir}/index.html.br`, brotliCompressSync('<!doctype html><title>DVC06</title>'));
  writeFileSync(`${webDir}/assets/app-abc123.js.br`, brotliCompressSync('console.log(1)'));
  writeFileSync(`${webDir}/assets/app-abc123.js.gz`, gzipSync('console.log(1)'));
  database = await createTestDatabase();
  app = await buildApp({ config: testConfig(), database, serveWeb: true, webDir });
});
afterAll(async () => {
  await app?.close();
  await database?.dispose();
});

describe('the web app on the API port', () => {
  it.each(['/', '/quality', '/population/persons/3f1c'])('serves index.html for the page %s', async (url) => {
    const res = await app.inject(url);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<title>DVC06</title>');
    expect(res.headers['cache-control']).toBe('no-cache');
  });

  it('caches hashed assets for a year', async () => {
    const res = await app.inject('/assets/app-abc123.js');
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toContain('immutable');
  });

  it('sends an asset as its brotli or gzip copy when the browser accepts it, still immutable', async () => {
    const br = await app.inject({ url: '/assets/app-abc123.js', headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['content-type']).toContain('javascript');
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(br.headers.vary).toContain('accept-encoding');
    expect(brotliDecompressSync(br.rawPayload).toString()).toBe('console.log(1)');
    const gz = await app.inject({ url: '/assets/app-abc123.js', headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers['content-encoding']).toBe('gzip');
    const plain = await app.inject('/assets/app-abc123.js');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe('console.log(1)');
  });

  it('sends index.html compressed for a page address too, and has it revalidated', async () => {
    const res = await app.inject({ url: '/procedures', headers: { 'accept-encoding': 'br', accept: 'text/html' } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['cache-control']).toBe('no-cache');
    expect(brotliDecompressSync(res.rawPayload).toString()).toContain('<title>DVC06</title>');
  });

  it('sends a JSON answer of 1 KiB or more compressed, still no-store', async () => {
    const res = await app.inject({ url: '/api/openapi.json', headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['cache-control']).toBe('no-store');
    expect(JSON.parse(brotliDecompressSync(res.rawPayload).toString())).toHaveProperty('openapi');
    const small = await app.inject({ url: '/healthz', headers: { 'accept-encoding': 'br' } });
    expect(small.headers['content-encoding']).toBeUndefined();
    expect(small.headers['cache-control']).toBe('no-store');
  });

  it("does not serve the build's manifest (it is for CI's budget)", async () => {
    expect((await app.inject('/.vite/manifest.json')).statusCode).toBe(404);
  });

  it('answers a missing asset and an unknown API route with 404, not the page', async () => {
    expect((await app.inject('/assets/old-999.js')).statusCode).toBe(404);
    const api = await app.inject('/api/v1/nothing');
    expect(api.statusCode).toBe(404);
    expect(api.headers['content-type']).toContain('application/json');
  });
});
