import { createConfig, formatProblems, getTotals, lintFromString, type NormalizedProblem } from '@redocly/openapi-core';

/** Problems of an OpenAPI document under Redocly's `recommended` ruleset, with their totals. */
export async function lintOpenApi(
  document: unknown,
): Promise<{ problems: NormalizedProblem[]; errors: number; warnings: number }> {
  const config = await createConfig({ extends: ['recommended'] });
  const problems = await lintFromString({
    source: JSON.stringify(document, null, 2),
    absoluteRef: 'openapi.json',
    config,
  });
  const totals = getTotals(problems);
  return { problems, errors: totals.errors, warnings: totals.warnings };
}

/** Prints problems as Redocly's CLI does (one block per problem, with the rule and the JSON pointer). */
export function printProblems(problems: NormalizedProblem[]): void {
  formatProblems(problems, { format: 'stylish', totals: getTotals(problems), version: 'openapi-core' });
}
