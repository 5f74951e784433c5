import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
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

  it('answers a missing asset and an unknown API route with 404, not the page', async () => {
    expect((await app.inject('/assets/old-999.js')).statusCode).toBe(404);
    const api = await app.inject('/api/v1/nothing');
    expect(api.statusCode).toBe(404);
    expect(api.headers['content-type']).toContain('application/json');
  });
});
