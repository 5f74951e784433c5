import { describe, expect, it } from 'vitest';
import { communeFullName } from './addresses';
import { communeProfile, ETHNIC_TARGETS } from './ethnicity';
import { drawMiddle, fullNameOf, nameKey } from './names';
import { NAME_POOLS } from './names-data';
import { Rng } from './random';

describe('names', () => {
  it.each([
    ['Giàng A Páo', 'giang a pao'],
    ['Đặng  Thị   Mẩy', 'dang thi may'],
    ['\u00D0iêu Văn Ơn', 'dieu van on'],
    ['Lò Văn Thủy'.normalize('NFD'), 'lo van thuy'],
  ])('keys %j as %j', (name, key) => {
    const [family = '', ...rest] = name.split(/\s+/);
    const given = rest.pop() ?? '';
    expect(nameKey({ family, middle: rest.join(' '), given })).toBe(key);
  });

  it('joins name parts with single spaces and leaves out an empty middle name', () => {
    expect(fullNameOf({ family: 'Vàng', middle: 'Thị', given: 'Mai' })).toBe('Vàng Thị Mai');
    expect(fullNameOf({ family: 'Sùng', middle: '', given: 'Dở' })).toBe('Sùng Dở');
  });

  it('stores every name part of every pool in NFC without stray spaces', () => {
    for (const pool of Object.values(NAME_POOLS)) {
      const parts = [...pool.family, ...pool.middleMale, ...pool.middleFemale]
        .map(([p]) => p)
        .concat(pool.givenMale, pool.givenFemale);
      for (const part of parts)
        expect(part === part.normalize('NFC') && part === part.trim() && !part.includes('  ')).toBe(true);
    }
  });

  it('gives most Mông men the middle name "A"', () => {
    const rng = new Rng('mong');
    const middles = Array.from({ length: 2000 }, () => drawMiddle(rng, '08', 'male'));
    expect(middles.filter((m) => m === 'A').length / middles.length).toBeGreaterThan(0.8);
  });

  it('has a name pool for every ethnic group it generates', () => {
    for (const code of Object.keys(ETHNIC_TARGETS)) expect(NAME_POOLS[code]).toBeDefined();
  });
});

describe('communes', () => {
  it.each([
    ['Đoàn Kết', 'phuong', 'ward', 'Phường Đoàn Kết'],
    ['Mường Kim', 'xa', 'thai', 'Xã Mường Kim'],
    ['Mường Tè', 'xa', 'tibeto', 'Xã Mường Tè'],
    ['Tủa Sín Chải', 'xa', 'mong_dao', 'Xã Tủa Sín Chải'],
    ['Xã Bình Lư', 'xa', 'mixed', 'Xã Bình Lư'],
  ])('classifies %s (%s) as %s and names it %s', (name, type, profile, full) => {
    expect(communeProfile(name, type)).toBe(profile);
    expect(communeFullName(name, type)).toBe(full);
  });
});
