import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { compression } from 'vite-plugin-compression2';
import { fileURLToPath } from 'node:url';

const webRoot = fileURLToPath(new URL('./src/web', import.meta.url));
const outDir = fileURLToPath(new URL('./dist/web', import.meta.url));

/** Vendor chunk for a module id, so the big libraries are cached apart from app code. */
function vendorChunk(id: string): string | null {
  if (!id.includes('node_modules')) return null;
  if (/node_modules\/(echarts|zrender|tslib)\//.test(id)) return 'echarts';
  if (/node_modules\/(react|react-dom|react-router|scheduler|cookie|set-cookie-parser)\//.test(id)) return 'react';
  // antd is left to the automatic splitting: the layout's components load with the app shell,
  // Table/Tree/DatePicker… load with the pages that use them.
  return null;
}

/**
 * The web app: sources in src/web, built into dist/web which the Fastify server
 * serves on the same port as the API. In development `vite` proxies /api to :3000.
 */
export default defineConfig({
  root: webRoot,
  plugins: [
    react(),
    // Each text file of the build also as .br (brotli, quality 11) and .gz (gzip, level 9), made once
    // here so that the server sends the smaller copy the browser accepts without compressing on each
    // request (@fastify/static's preCompressed, platform/web.ts). See docs/adr/0022.
    compression({ algorithms: ['brotliCompress', 'gzip'], threshold: 1024, logLevel: 'silent' }),
  ],
  build: {
    outDir,
    emptyOutDir: true,
    // dist/web/.vite/manifest.json: which chunks and styles each page loads, read by
    // scripts/public-bundle-budget.ts (the public pages' first-visit budget in CI).
    manifest: true,
    chunkSizeWarningLimit: 1200,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            { name: (id: string) => vendorChunk(id), debugName: 'vendor', priority: 2 },
            // The citizen's filing form with everything it imports, the app's shell included, as one
            // file that every page loads: on a slow link the form's ~20 small chunks queued on
            // HTTP/1.1's six connections after the entry before its largest paint. Measured: the form
            // 86 → 93–96 on Lighthouse mobile, the public pages +9 kB (still ≤ 146 kB, 91–96);
            // docs/PERFORMANCE.md, ADR 0023.
            { name: 'filing', test: /src\/web\/features\/dossiers\/FilingPage\.tsx$/, priority: 1 },
          ],
        },
      },
    },
  },
  server: {
    port: 5173,
    proxy: {
      '/api': 'http://localhost:3000',
      '/eid': 'http://localhost:3000',
      '/pay-sandbox': 'http://localhost:3000',
    },
  },
});
