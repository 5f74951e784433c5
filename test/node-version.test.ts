import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const major = (version: string) => Number(version.replace(/^[v~^]/, '').split('.')[0]);

/**
 * The runtime the tests (and so the server's code) run on is the LTS the project names (ADR 0019):
 * `npm test` finds the `node` package's Node 24 first on PATH (node_modules/.bin), whatever Node
 * the machine has, and vitest's workers are started with the same executable.
 */
describe('Node.js runtime', () => {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
    engines: { node: string };
    dependencies: Record<string, string>;
  };

  it('package.json asks for Node 24 LTS or later and ships it as the `node` package', () => {
    expect(pkg.engines.node).toBe('>=24');
    expect(major(pkg.dependencies.node ?? '0')).toBeGreaterThanOrEqual(24);
  });

  it('runs the tests on Node 24 or later (npm test puts node_modules/.bin first on PATH)', () => {
    expect(major(process.versions.node)).toBeGreaterThanOrEqual(24);
    expect(major(process.versions.node)).toBe(major(pkg.dependencies.node ?? '0'));
  });
});
