/**
 * The public pages' first-visit budget (issue 14 §6, "a phone on a slow link"): from the build's
 * manifest (dist/web/.vite/manifest.json, `build.manifest` in vite.config.ts) it sums, for each
 * public route, the JavaScript and CSS a first visit loads: the entry (index.html's script), every
 * chunk it imports statically, and the route's lazy page chunks with their static imports and
 * styles. Each file counts at the size the server sends it: the build's pre-compressed .br
 * (brotli, what browsers take) and .gz (gzip) files beside it (vite-plugin-compression2; a file
 * under its 1 KiB threshold has none and counts raw). Prints a table; exits 1 when a route's
 * brotli bytes pass the budget, or when the build has no pre-compressed files (they are what the
 * server sends). What a page loads after its first paint (the English dictionary when chosen,
 * antd for a signed-in session) is not counted.
 *
 *   npx tsx scripts/public-bundle-budget.ts            # the table, checked against the budget
 *   npx tsx scripts/public-bundle-budget.ts --chunks   # and each route's chunks, largest first
 *
 * Run after `npm run build` (CI does, in .ci/run).
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');
const WEB = join(ROOT, 'dist/web');
const MANIFEST = join(WEB, '.vite/manifest.json');

/** At most this many bytes of JavaScript and CSS (brotli, as sent) on a first visit to a public page. */
export const BUDGET_BYTES = 150_000;

/**
 * The public routes and the lazy modules (paths under src/web) the router loads to show them to a
 * visitor. Keep in step with src/web/app/router.tsx: a public page that gains a lazy part shown on
 * first paint lists it here.
 */
export const PUBLIC_ROUTES: { path: string; what: string; lazy: string[] }[] = [
  { path: '/', what: 'front door', lazy: ['features/portal/PublicHomePage.tsx'] },
  { path: '/procedures', what: 'procedure catalog', lazy: ['features/procedures/CatalogPage.tsx'] },
  { path: '/procedures/:code', what: 'a procedure', lazy: ['features/procedures/ProcedurePage.tsx'] },
  { path: '/tra-cuu', what: 'status lookup', lazy: ['features/dossiers/StatusLookupPage.tsx'] },
  { path: '/login', what: 'sign-in', lazy: ['features/auth/LoginPage.tsx'] },
  // A signed-in citizen's filing form, drawn without antd in the light CitizenFrame (ADR 0023; the
  // frame is in the entry). What it loads after filing (the payment card, with antd) is not counted.
  {
    path: '/procedures/:code/file',
    what: 'filing form (citizen, signed in)',
    // The page and what it imports are one chunk group, 'filing' (vite.config.ts).
    lazy: ['group:filing'],
  },
];

interface ManifestChunk {
  file: string;
  src?: string;
  isEntry?: boolean;
  imports?: string[];
  css?: string[];
}
type Manifest = Record<string, ManifestChunk>;

export interface FileSize {
  file: string;
  raw: number;
  gzip: number;
  brotli: number;
}

/** A built file's size raw and as the server sends it (its .gz / .br copy; raw when it has none). */
function sizeOf(file: string): FileSize {
  const path = join(WEB, file);
  const raw = statSync(path).size;
  const sized = (ext: string) => (existsSync(path + ext) ? statSync(path + ext).size : raw);
  return { file, raw, gzip: sized('.gz'), brotli: sized('.br') };
}

/** The files (JS and CSS) a first load of these manifest entries brings: each with its static imports. */
export function firstLoadFiles(manifest: Manifest, keys: string[]): string[] {
  const files = new Set<string>();
  const seen = new Set<string>();
  const visit = (name: string) => {
    // `group:<name>`: a chunk group of vite.config.ts (its manifest key is `_<name>-<hash>.js`).
    const key = name.startsWith('group:')
      ? (Object.keys(manifest).find((k) => k.startsWith(`_${name.slice(6)}-`) && manifest[k]!.file.endsWith('.js')) ??
        name)
      : name;
    if (seen.has(key)) return;
    seen.add(key);
    const chunk = manifest[key];
    if (!chunk) throw new Error(`not in the build's manifest: ${key} (is the router's lazy page still there?)`);
    files.add(chunk.file);
    for (const css of chunk.css ?? []) files.add(css);
    for (const imported of chunk.imports ?? []) visit(imported);
  };
  keys.forEach(visit);
  return [...files];
}

const kb = (n: number) => `${(n / 1000).toFixed(1)} kB`;

function main(): void {
  if (!existsSync(MANIFEST)) {
    console.error(`no ${MANIFEST}: run \`npm run build\` first`);
    process.exit(1);
  }
  const manifest = JSON.parse(readFileSync(MANIFEST, 'utf8')) as Manifest;
  const entry = Object.entries(manifest).find(([, c]) => c.isEntry)?.[0];
  if (!entry) throw new Error('the manifest has no entry');
  const entryFile = manifest[entry]!.file;
  if (!existsSync(join(WEB, `${entryFile}.br`)) || !existsSync(join(WEB, `${entryFile}.gz`))) {
    console.error(`${entryFile} has no .br/.gz beside it: the build did not pre-compress (vite.config.ts)`);
    process.exit(1);
  }
  const showChunks = process.argv.includes('--chunks');
  const rows: string[][] = [];
  const over: string[] = [];
  for (const route of PUBLIC_ROUTES) {
    const sizes = firstLoadFiles(manifest, [entry, ...route.lazy]).map(sizeOf);
    const sum = (k: 'raw' | 'gzip' | 'brotli', ext?: string) =>
      sizes.filter((s) => !ext || s.file.endsWith(ext)).reduce((n, s) => n + s[k], 0);
    const total = sum('brotli');
    rows.push([
      `${route.path} (${route.what})`,
      String(sizes.length),
      kb(sum('raw')),
      kb(sum('gzip')),
      kb(sum('brotli', '.js')),
      kb(sum('brotli', '.css')),
      kb(total),
      total <= BUDGET_BYTES ? 'ok' : 'OVER',
    ]);
    if (total > BUDGET_BYTES) over.push(`${route.path}: ${kb(total)} > ${kb(BUDGET_BYTES)}`);
    if (showChunks) {
      console.log(`\n${route.path}`);
      for (const s of sizes.sort((a, b) => b.brotli - a.brotli))
        console.log(
          `  ${kb(s.brotli).padStart(9)} br ${kb(s.gzip).padStart(9)} gz ${kb(s.raw).padStart(9)} raw  ${s.file}`,
        );
    }
  }
  const header = ['public route (first visit)', 'files', 'raw', 'gzip', 'brotli JS', 'brotli CSS', 'brotli', ''];
  const table = [header, header.map(() => '---'), ...rows];
  console.log(`\nJavaScript + CSS of a first visit, budget ${kb(BUDGET_BYTES)} brotli (as the server sends it):\n`);
  for (const row of table) console.log(`| ${row.join(' | ')} |`);
  if (over.length > 0) {
    console.error(`\nover the budget:\n  ${over.join('\n  ')}`);
    process.exit(1);
  }
  console.log(`\nevery route is within ${kb(BUDGET_BYTES)}`);
}

main();
