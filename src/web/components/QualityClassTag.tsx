import { Tag } from 'antd';
import type { ReactNode } from 'react';
import type { MessageKey } from '../shell/dictionary';
import type { Translate } from '../shell/i18n';

/** The four classes of Project 06's "đúng, đủ, sạch, sống". */
export type QualityClass = 'correct' | 'complete' | 'clean' | 'live';

/**
 * Colours per class, chosen for a contrast ratio above 4.5:1 (text on its background);
 * antd's preset gold/green tags fall below that.
 */
export const CLASS_COLOURS: Record<QualityClass, { color: string; background: string; borderColor: string }> = {
  correct: { color: '#a8071a', background: '#fff1f0', borderColor: '#ffa39e' },
  complete: { color: '#873800', background: '#fff7e6', borderColor: '#ffd591' },
  clean: { color: '#391085', background: '#f9f0ff', borderColor: '#d3adf7' },
  live: { color: '#00474f', background: '#e6fffb', borderColor: '#87e8de' },
};

export function isQualityClass(value: string): value is QualityClass {
  return value in CLASS_COLOURS;
}

/** A tag in the colour of a quality class. */
export function QualityClassTag({ qualityClass, children }: { qualityClass: string; children: ReactNode }) {
  const style = isQualityClass(qualityClass) ? CLASS_COLOURS[qualityClass] : undefined;
  return (
    <Tag style={style} className="quality-tag">
      {children}
    </Tag>
  );
}

const CLASS_LABELS: Record<QualityClass, MessageKey> = {
  correct: 'quality.class.correct',
  complete: 'quality.class.complete',
  clean: 'quality.class.clean',
  live: 'quality.class.live',
};

/** The class's name: Đúng / Đủ / Sạch / Sống. */
export function qualityClassLabel(t: Translate, qualityClass: string): string {
  return isQualityClass(qualityClass) ? t(CLASS_LABELS[qualityClass]) : qualityClass;
}
