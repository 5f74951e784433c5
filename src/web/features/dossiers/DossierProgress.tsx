import { Steps } from 'antd';
import type { DossierDetail } from '../../../contracts/dossiers';
import { useT } from '../../shell/i18n';
import { progressOf, STATE_LABEL } from './dossier-labels';

const STEP_KEYS = [
  'dossier.step.submitted',
  'dossier.step.received',
  'dossier.step.processing',
  'dossier.step.decided',
  'dossier.step.result',
] as const;

/**
 * Where the dossier is on the citizen's path (submitted → received → processing → decided →
 * result), vertical so it reads well on a phone. A dossier stopped for good (refused, not
 * accepted, withdrawn) shows that step in red with its state's name.
 */
export function DossierProgress({ dossier }: { dossier: Pick<DossierDetail, 'state' | 'timeline'> }) {
  const t = useT();
  let { step, stopped } = progressOf(dossier.state);
  if (dossier.state === 'withdrawn') {
    // Withdrawn: show the step where the citizen stopped it.
    const from = [...dossier.timeline].reverse().find((e) => e.toState === 'withdrawn')?.fromState;
    step = from ? progressOf(from).step : 0;
    stopped = true;
  }
  const done = !stopped && (dossier.state === 'result_issued' || dossier.state === 'returned');
  const items = STEP_KEYS.map((key, i) => ({
    title:
      i === step && stopped
        ? t(STATE_LABEL[dossier.state])
        : i === step && dossier.state === 'supplement_requested'
          ? t(STATE_LABEL.supplement_requested)
          : t(key),
  }));
  return (
    <Steps
      orientation="vertical"
      size="small"
      current={step}
      status={stopped ? 'error' : done ? 'finish' : dossier.state === 'supplement_requested' ? 'wait' : 'process'}
      items={items}
      className="dossier-progress"
    />
  );
}
