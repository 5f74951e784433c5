import { describe, expect, it } from 'vitest';
import { PILOT_RATINGS, PILOT_SECTORS, PILOT_STATES } from '../../../contracts/pilots';
import { enPilots as en } from './messages.en';
import { viPilots as vi } from './messages.vi';
import { NAV_GROUPS } from '../../shell/navigation';
import { parseIndicators, ratingKey, sectorKey, stateKey } from './pilot-labels';

describe('pilot model labels', () => {
  it('name every state, sector and rating in Vietnamese and English', () => {
    const keys = [...PILOT_STATES.map(stateKey), ...PILOT_SECTORS.map(sectorKey), ...PILOT_RATINGS.map(ratingKey)];
    for (const key of keys) {
      expect(vi[key], key).toBeTruthy();
      expect(en[key], key).toBeTruthy();
    }
  });

  it('show the list to readers and the due date page to those who set it', () => {
    const items = NAV_GROUPS.flatMap((g) => g.items);
    expect(items.find((i) => i.path === '/pilots')?.requires).toEqual(['pilots.read']);
    expect(items.find((i) => i.path === '/admin/pilot-due-dates')?.requires).toEqual(['pilots.settings.manage']);
  });
});

describe('indicator values typed one a line', () => {
  it.each([
    ['Tỷ lệ hồ sơ trực tuyến = 72', [{ label: 'Tỷ lệ hồ sơ trực tuyến', value: 72 }]],
    [
      'Tỷ lệ = 72,5\n\nSố cán bộ = 1 200',
      [
        { label: 'Tỷ lệ', value: 72.5 },
        { label: 'Số cán bộ', value: 1200 },
      ],
    ],
    ['Chênh lệch = -3', [{ label: 'Chênh lệch', value: -3 }]],
    ['', []],
  ])('reads %j', (text, values) => {
    expect(parseIndicators(text)).toEqual({ values });
  });

  it.each(['Tỷ lệ', '= 5', 'Tỷ lệ = cao', 'Tỷ lệ ='])('refuses %j, naming the line', (text) => {
    expect(parseIndicators(text)).toEqual({ bad: text.trim() });
  });
});

describe('the pilot pages’ own text', () => {
  it('has the same placeholders in Vietnamese and English', () => {
    const names = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(vi) as Array<keyof typeof vi>) expect(names(en[key]), key).toEqual(names(vi[key]));
  });
});
