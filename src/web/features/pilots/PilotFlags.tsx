import { Space } from 'antd';
import type { PilotModelSummary } from '../../../contracts/pilots';
import { StatusTag } from '../../components/StatusTag';
import { usePilotsT } from './use-pilots-text';

/** The overdue flags of a model: plan overdue (or simply missing), milestones overdue. */
export function PilotFlags({ model }: { model: PilotModelSummary }) {
  const t = usePilotsT();
  const flags = [
    model.planOverdue && (
      <StatusTag key="plan" kind="danger">
        {t('pilots.flag.planOverdue')}
      </StatusTag>
    ),
    !model.planOverdue && !model.planUploaded && (
      <StatusTag key="noplan" kind="neutral">
        {t('pilots.flag.noPlan')}
      </StatusTag>
    ),
    model.milestonesOverdue > 0 && (
      <StatusTag key="ms" kind="danger">
        {t('pilots.flag.milestonesOverdue', { count: model.milestonesOverdue })}
      </StatusTag>
    ),
  ].filter(Boolean);
  return flags.length ? (
    <Space size={4} wrap>
      {flags}
    </Space>
  ) : null;
}
