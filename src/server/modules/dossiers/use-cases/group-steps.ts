import type { CommandBody, DossierCommand } from '../../../../contracts/dossiers';
import type { RegistryOutcome } from '../../../../contracts/procedures';
import type { Db } from '../../../platform/db';
import type { WorkingCalendar } from '../../calendar';
import type { ProcedureVersion } from '../../procedures';
import type { Reader } from '../../population';
import * as errors from '../dossiers.errors';
import { handlerOf, plannedSteps, stepComponents, stepDueAt, type StepComponent } from '../group-steps';
import * as repo from '../dossiers.repository';
import { applyRegistryEffect } from '../registry-effects';
import { backOfficeAdapters, type SectorAdapter } from '../sector-adapters';
import type { DossierDeps } from './deps';

/**
 * The commands of an interlinked group's dossier (issue 13 §3), around run-command.ts: the steps
 * are created when the dossier is received; `complete_step` does the running step (a registry effect
 * in the decision's transaction, or the agency's adapter) and starts the next, the last one
 * approving the dossier; a refusal ends the group at the running step.
 */

/** The group of a dossier: its steps (stored, in order) and the version's step definitions. */
export interface Group {
  components: StepComponent[];
  steps: repo.StepRow[];
}

export async function loadGroup(db: Db, version: ProcedureVersion, dossierId: string): Promise<Group | null> {
  const components = stepComponents(version.components);
  if (!components.length) return null;
  return { components, steps: await repo.listSteps(db, dossierId) };
}

/** Who processes the dossier now (the running step's role and sector, else the version's handling role). */
export function groupHandler(version: ProcedureVersion, group: Group | null) {
  const h = handlerOf(version.handledByRole, group?.steps ?? []);
  return { role: h.role, sector: h.sector, step: !!h.step };
}

export function adaptersOf(deps: DossierDeps) {
  return deps.sectorAdapters ?? backOfficeAdapters;
}

/** The adapter of the running step, when the step is done in an agency's system. */
export function runningAdapter(deps: DossierDeps, group: Group | null): SectorAdapter | null {
  const step = group && handlerOf('', group.steps).step;
  const action = step ? group.components[step.seq - 1]?.step : undefined;
  return action?.kind === 'adapter' ? adaptersOf(deps)[action.adapter] : null;
}

/** What a command does to the group, worked out before the transaction (the adapter's call included). */
export type GroupPlan =
  | { kind: 'receive' }
  | {
      kind: 'complete';
      seq: number;
      component: StepComponent;
      last: boolean;
      adapterOutcome: Record<string, string> | null;
    }
  | { kind: 'refuse'; seq: number }
  | { kind: 'resume'; seq: number }
  | { kind: 'stop'; seq: number }
  | null;

export async function planGroupCommand(
  deps: DossierDeps,
  group: Group | null,
  row: repo.DossierRow,
  command: DossierCommand,
  body: CommandBody,
  now: Date,
): Promise<GroupPlan> {
  if (!group) {
    if (command === 'complete_step') throw errors.stateConflict(row.state, command);
    return null;
  }
  if (command === 'approve') throw errors.groupStepsRequired();
  const running = handlerOf('', group.steps).step;
  if (command === 'receive') return { kind: 'receive' };
  if (command === 'refuse' && running) return { kind: 'refuse', seq: running.seq };
  if (command === 'resubmit' && running) return { kind: 'resume', seq: running.seq };
  // Withdrawn by the citizen: the running step stops (it leaves the agency's queue).
  if (command === 'withdraw' && running) return { kind: 'stop', seq: running.seq };
  if (command !== 'complete_step') return null;
  if (!running) throw errors.stateConflict(row.state, command);
  const component = group.components[running.seq - 1]!;
  const adapter = component.step.kind === 'adapter' ? adaptersOf(deps)[component.step.adapter] : null;
  const adapterOutcome = adapter
    ? await adapter.complete({
        dossierCode: row.code!,
        group: row.registryOutcome ?? {},
        entered: body.outcome ?? {},
        now,
      })
    : null;
  return {
    kind: 'complete',
    seq: running.seq,
    component,
    last: running.seq === group.components.length,
    adapterOutcome,
  };
}

/** The dossier's changes a completed step adds: the last one approves the group. */
export function approvesGroup(plan: GroupPlan): boolean {
  return plan?.kind === 'complete' && plan.last;
}

/**
 * Writes the plan inside the command's transaction, after the dossier's compare-and-set (which
 * serialises every change of the group: a step changes only with its dossier's version).
 */
export async function applyGroupPlan(
  tx: Db,
  plan: GroupPlan,
  ctx: {
    deps: DossierDeps;
    row: repo.DossierRow;
    version: ProcedureVersion;
    group: Group;
    now: Date;
    on: string;
    cal: WorkingCalendar;
    /** The dossier's due time after this command. */
    groupDueAt: Date | null;
    officer: Reader;
  },
): Promise<void> {
  if (!plan) return;
  const { row, group, now, officer } = ctx;
  const ended = {
    endedAt: now,
    endedByAccountId: officer.accountId,
    endedByRole: officer.role,
    endedByUnit: officer.unitCode,
  };
  if (plan.kind === 'receive') {
    if (group.steps.length) return;
    const first = group.components[0]!;
    const rows = plannedSteps(group.components, row.unitCode, now, stepDueAt(ctx.cal, first, now, ctx.groupDueAt));
    await repo.insertSteps(
      tx,
      rows.map((r) => ({ ...r, dossierId: row.id })),
    );
    return;
  }
  if (plan.kind === 'resume') {
    // The supplement paused the whole group: the running step's time starts again with the group's.
    const component = group.components[plan.seq - 1]!;
    await repo.updateStep(tx, row.id, plan.seq, { dueAt: stepDueAt(ctx.cal, component, now, ctx.groupDueAt) });
    return;
  }
  if (plan.kind === 'refuse' || plan.kind === 'stop') {
    await repo.updateStep(tx, row.id, plan.seq, { state: plan.kind === 'refuse' ? 'refused' : 'stopped', ...ended });
    return;
  }
  let outcome: Record<string, string> | null = plan.adapterOutcome;
  if (plan.component.step.kind === 'registry') {
    // The group's own earlier steps changed these persons (the death was recorded): no conflict with them.
    const seen = plan.seq === 1 ? (row.registrySeen ?? {}) : {};
    const produced = await applyRegistryEffect(
      tx,
      { registryEffect: plan.component.step.effect, form: ctx.version.form },
      { ...row, registryOutcome: row.registryOutcome ?? {} },
      {
        dossierCode: row.code!,
        on: ctx.on,
        seen,
        provinceCode: ctx.deps.config.PROVINCE_CODE,
        writer: officer,
      },
    );
    if (produced) {
      await repo.setRegistryOutcome(tx, row.id, { ...(row.registryOutcome ?? {}), ...produced });
      outcome = visibleOutcome(produced);
    }
  }
  await repo.updateStep(tx, row.id, plan.seq, { state: 'done', outcome, ...ended });
  const next = group.components[plan.seq];
  if (next)
    await repo.updateStep(tx, row.id, plan.seq + 1, {
      state: 'in_processing',
      startedAt: now,
      dueAt: stepDueAt(ctx.cal, next, now, ctx.groupDueAt),
    });
}

/** What a registry step shows the citizen (never a record id). */
function visibleOutcome(o: RegistryOutcome): Record<string, string> | null {
  const out: Record<string, string> = {};
  if (o.childNationalId) out.childNationalId = o.childNationalId;
  if (o.childFullName) out.childFullName = o.childFullName;
  if (o.deceasedNationalId) out.deceasedNationalId = o.deceasedNationalId;
  return Object.keys(out).length ? out : null;
}
