import type { Command } from 'commander';
import { getUnit, getUnitTree, listLinkedUnits, loadProvinceUnits } from '../modules/units';
import { todayInVietnam } from '../../contracts/common';
import type { UnitNode } from '../../contracts/units';
import { out, withDatabase } from './context';

function printTree(node: UnitNode, depth = 0): void {
  out(`${'  '.repeat(depth)}${node.code}  ${node.fullName}`);
  for (const child of node.children) printTree(child, depth + 1);
}

/** `units …`: administrative units (before and after the 2025 reform). */
export function registerUnitsCommands(program: Command): void {
  const units = program.command('units').description('administrative units (before and after the 2025 reform)');
  units
    .command('load')
    .description('(re)load the province reference data')
    .action(async () => {
      await withDatabase(async (database, config) => {
        const r = await loadProvinceUnits(database.db, config.PROVINCE_CODE);
        out(`loaded ${r.units} units and ${r.mergers} merger links`);
      });
    });
  units
    .command('tree')
    .option('--as-of <date>', 'date (YYYY-MM-DD)')
    .description('the unit tree on a date')
    .action(async (opts: { asOf?: string }) => {
      await withDatabase(async (database, config) =>
        printTree(await getUnitTree(database.db, config.PROVINCE_CODE, opts.asOf ?? todayInVietnam())),
      );
    });
  units
    .command('show <code>')
    .option('--as-of <date>', 'date (YYYY-MM-DD)')
    .description('a unit by code on a date')
    .action(async (code: string, opts: { asOf?: string }) => {
      await withDatabase(async (database) =>
        out(JSON.stringify(await getUnit(database.db, code, opts.asOf ?? todayInVietnam()), null, 2)),
      );
    });
  for (const direction of ['successors', 'predecessors'] as const) {
    units
      .command(`${direction} <code>`)
      .description(
        direction === 'successors' ? 'what an old unit became in 2025' : 'the old units a new unit was made of',
      )
      .action(async (code: string) => {
        await withDatabase(async (database) => {
          for (const l of await listLinkedUnits(database.db, code, direction))
            out(`${l.unit.code}  ${l.unit.fullName}  (${l.type}, ${l.effectiveOn})`);
        });
      });
  }
}
