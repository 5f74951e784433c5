import { Timeline } from 'antd';
import type { TimelineItemType } from 'antd/es/timeline/Timeline';
import type { TimelineEntry } from '../../../contracts/dossiers';
import { groupVndAmounts } from '../../../contracts/fees';
import { useI18n } from '../../shell/i18n';
import { formatDateTime } from '../../components/format';
import type { StatusKind } from '../../components/StatusTag';
import { EVENT_LABEL, isKnownCommand, STATE_KIND, STATE_LABEL } from './dossier-labels';

const DOT: Record<StatusKind, string> = {
  ok: 'green',
  warn: '#d46b08',
  danger: 'red',
  info: 'blue',
  neutral: 'gray',
};

/** Entries whose note the system writes with an amount ("Thanh toán trực tuyến: 7000 đồng"); shown grouped ("7.000 đồng"). */
const MONEY_NOTES = new Set(['pay', 'refund']);

interface Props {
  timeline: readonly TimelineEntry[];
  /** The receiving unit's name, shown for entries of that unit. */
  unitCode?: string;
  unitName?: string | null;
}

/**
 * What happened to a dossier, oldest first: when, what, by which role and unit (never the
 * officer's name), and the reasons, legal basis, missing items and appointments recorded.
 */
export function DossierTimeline({ timeline, unitCode, unitName }: Props) {
  const { t, pick } = useI18n();
  const items: TimelineItemType[] = timeline.map((e, i) => {
    const what = isKnownCommand(e.command) ? t(EVENT_LABEL[e.command]) : t(STATE_LABEL[e.toState]);
    const role = e.actorRoleNameVi ? pick(e.actorRoleNameVi, e.actorRoleNameEn ?? e.actorRoleNameVi) : null;
    const unit = e.actorUnitCode ? (e.actorUnitCode === unitCode && unitName ? unitName : e.actorUnitCode) : null;
    return {
      key: `${e.at}-${i}`,
      color: DOT[STATE_KIND[e.toState]],
      content: (
        <div className="timeline-entry">
          <div className="timeline-when">{formatDateTime(e.at)}</div>
          <div className="timeline-what">{what}</div>
          {(role || unit) && <div className="timeline-who">{[role, unit].filter(Boolean).join(' – ')}</div>}
          {e.reason && (
            <div>
              <span className="timeline-label">{t('dossier.timeline.reason')}</span> {e.reason}
            </div>
          )}
          {e.legalBasis && (
            <div>
              <span className="timeline-label">{t('dossier.timeline.legalBasis')}</span> {e.legalBasis}
            </div>
          )}
          {e.items && e.items.length > 0 && (
            <ul className="timeline-items">
              {e.items.map((it, j) => (
                <li key={j}>
                  <strong>{it.item}</strong>: {it.reason}
                </li>
              ))}
            </ul>
          )}
          {e.dueAt && (
            <div>
              <span className="timeline-label">{t('dossier.timeline.dueAt')}</span> {formatDateTime(e.dueAt)}
            </div>
          )}
          {e.note && (
            <div>
              <span className="timeline-label">{t('dossier.timeline.note')}</span>{' '}
              {MONEY_NOTES.has(e.command) ? groupVndAmounts(e.note) : e.note}
            </div>
          )}
        </div>
      ),
    };
  });
  return <Timeline items={items} className="dossier-timeline" />;
}
