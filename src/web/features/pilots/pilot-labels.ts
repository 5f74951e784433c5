import type { PilotRating, PilotSector, PilotState } from '../../../contracts/pilots';
import type { StatusKind } from '../../components/StatusTag';
import type { PilotsKey } from './use-pilots-text';

/** The tag colour of each state: done in green, waiting in amber, working in blue. */
export const STATE_KIND: Record<PilotState, StatusKind> = {
  registered: 'warn',
  planned: 'info',
  in_progress: 'info',
  completed: 'ok',
  evaluated: 'ok',
};

export const stateKey = (state: PilotState): PilotsKey => `pilots.state.${state}`;
export const sectorKey = (sector: PilotSector): PilotsKey => `pilots.sector.${sector}`;
export const ratingKey = (rating: PilotRating): PilotsKey => `pilots.rating.${rating}`;

/**
 * Indicator values typed one a line as "label = number" (the decimal comma of Vietnamese is
 * accepted: "Tỷ lệ = 72,5"). Returns the values, or the first line that is not of that form.
 */
export function parseIndicators(text: string): { values: Array<{ label: string; value: number }> } | { bad: string } {
  const values: Array<{ label: string; value: number }> = [];
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (!line) continue;
    const at = line.lastIndexOf('=');
    const label = at > 0 ? line.slice(0, at).trim() : '';
    const number =
      at > 0
        ? line
            .slice(at + 1)
            .trim()
            .replace(/\s/g, '')
            .replace(',', '.')
        : '';
    const value = Number(number);
    if (!label || number === '' || !Number.isFinite(value)) return { bad: line };
    values.push({ label, value });
  }
  return { values };
}
