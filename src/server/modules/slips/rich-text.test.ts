import { describe, expect, it } from 'vitest';
import { breakLines, toWords, type Line, type Measure } from './rich-text';

/** Every character 1 unit wide, bold 2: easy to reason about. */
const measure: Measure = (text, style) => Array.from(text).length * (style === 'bold' ? 2 : 1);
const texts = (lines: Line[]): string[] =>
  lines.map((l) => l.words.map((w) => w.fragments.map((f) => f.text).join('')).join(' '));

describe('rich-text line breaking', () => {
  it('keeps text that touches across a style change as one word', () => {
    const words = toWords([{ text: 'hẹn trả: ' }, { text: '2026', style: 'bold' }, { text: '. Xong' }], measure);
    expect(words.map((w) => w.fragments.map((f) => `${f.style}:${f.text}`))).toEqual([
      ['regular:hẹn'],
      ['regular:trả:'],
      ['bold:2026', 'regular:.'],
      ['regular:Xong'],
    ]);
    expect(words[2]!.width).toBe(9);
  });

  it('fills lines greedily and marks only the last one as last', () => {
    const lines = breakLines(toWords([{ text: 'aaa bbb ccc ddd eee' }], measure), 11, 1, measure);
    expect(texts(lines)).toEqual(['aaa bbb ccc', 'ddd eee']);
    expect(lines.map((l) => l.last)).toEqual([false, true]);
    expect(lines[0]!.width).toBe(11);
  });

  it('indents the first line only', () => {
    const lines = breakLines(toWords([{ text: 'aaa bbb ccc ddd' }], measure), 11, 1, measure, 5);
    expect(texts(lines)).toEqual(['aaa', 'bbb ccc ddd']);
    expect(lines.map((l) => l.offset)).toEqual([5, 0]);
  });

  it('cuts a word wider than the box into pieces that fit', () => {
    const lines = breakLines(toWords([{ text: 'x https://example.vn/tra-cuu' }], measure), 10, 1, measure);
    expect(texts(lines)).toEqual(['x', 'https://ex', 'ample.vn/t', 'ra-cuu']);
    expect(lines.every((l) => l.width <= 10)).toBe(true);
  });

  it('returns no line for empty text', () => {
    expect(breakLines(toWords([{ text: '  ' }], measure), 10, 1, measure)).toEqual([]);
  });
});
