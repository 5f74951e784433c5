import type { FastifyInstance } from 'fastify';
import compress from '@fastify/compress';

/** Answers smaller than this are sent as they are: compressing them saves less than it costs. */
export const COMPRESSION_THRESHOLD_BYTES = 1024;

/**
 * Compresses answers on the fly for a browser that accepts it: brotli (quality 4, fast) or gzip, for
 * JSON and text (the API's answers, CSV exports, HTML) of at least 1 KiB. Must be registered before
 * any route: the plugin adds its hook to each route as it is declared.
 *
 * - Files already compressed are left alone: the web app's build files go out as their .br/.gz
 *   copies (platform/web.ts), PDFs, spreadsheets (.xlsx is a zip) and images are not text, and
 *   `application/octet-stream` is not compressed either (unlike the plugin's default).
 * - A stream (a CSV export, a PDF slip) stays a stream: compressed as it flows, without a length.
 * - Headers are kept: an API answer still says `cache-control: no-store`; `vary: accept-encoding`
 *   is added.
 * - Request bodies are not decompressed: a client sends them as they are (the body limit counts
 *   the bytes received).
 */
export async function registerCompression(app: FastifyInstance): Promise<void> {
  await app.register(compress, {
    global: true,
    globalDecompression: false,
    encodings: ['br', 'gzip'],
    threshold: COMPRESSION_THRESHOLD_BYTES,
    // JSON (application/json, application/problem+json…) and text/* but event streams; other types
    // only when mime-db calls them compressible (JavaScript, CSS, SVG).
    customTypes: /^text\/(?!event-stream)|[+/]json(?:;|$)/u,
  });
}
