/**
 * Line breaking for paragraphs that mix styles (regular, bold, italic) in one flow. pdfkit's own
 * `continued` text misplaces justified and centred runs when the font changes mid-line, so slips
 * lay out words here and draw each line themselves. Pure: widths come from a measuring function.
 */
export type Style = 'regular' | 'bold' | 'italic' | 'boldItalic';

export interface Span {
  text: string;
  style?: Style;
}

/** A piece of one word in one style ("2026" bold + "." regular make one word). */
export interface Fragment {
  text: string;
  style: Style;
  width: number;
}

/** An unbreakable word: fragments with no whitespace between them. */
export interface Word {
  fragments: Fragment[];
  width: number;
}

export interface Line {
  words: Word[];
  /** Width of the words and one space between each. */
  width: number;
  /** Left offset of the line inside the paragraph box (first-line indent). */
  offset: number;
  /** The last line of the paragraph (never justified). */
  last: boolean;
}

export type Measure = (text: string, style: Style) => number;

/** Splits styled spans into words; text touching across a style change stays one word. */
export function toWords(spans: Span[], measure: Measure): Word[] {
  const words: Word[] = [];
  let current: Fragment[] = [];
  const flush = (): void => {
    if (current.length > 0) words.push({ fragments: current, width: current.reduce((s, f) => s + f.width, 0) });
    current = [];
  };
  for (const span of spans) {
    const style = span.style ?? 'regular';
    for (const token of span.text.split(/(\s+)/)) {
      if (token === '') continue;
      if (/^\s+$/.test(token)) flush();
      else current.push({ text: token, style, width: measure(token, style) });
    }
  }
  flush();
  return words;
}

/** Cuts a word wider than `width` (a long URL) into pieces that fit, character by character. */
function splitWide(word: Word, width: number, measure: Measure): Word[] {
  const pieces: Word[] = [];
  let fragments: Fragment[] = [];
  let used = 0;
  for (const f of word.fragments) {
    let chunk = '';
    for (const ch of Array.from(f.text)) {
      const w = measure(chunk + ch, f.style);
      if (used + w > width && (chunk !== '' || fragments.length > 0)) {
        if (chunk !== '') fragments.push({ text: chunk, style: f.style, width: measure(chunk, f.style) });
        pieces.push({ fragments, width: fragments.reduce((s, x) => s + x.width, 0) });
        fragments = [];
        used = 0;
        chunk = ch;
      } else {
        chunk += ch;
      }
    }
    if (chunk !== '') {
      const w = measure(chunk, f.style);
      fragments.push({ text: chunk, style: f.style, width: w });
      used += w;
    }
  }
  if (fragments.length > 0) pieces.push({ fragments, width: fragments.reduce((s, x) => s + x.width, 0) });
  return pieces;
}

/** Greedy line breaking of `words` into a box `width` wide; the first line starts `firstLine` in. */
export function breakLines(words: Word[], width: number, space: number, measure: Measure, firstLine = 0): Line[] {
  const lines: Line[] = [];
  let line: Word[] = [];
  let used = 0;
  const avail = (): number => width - (lines.length === 0 ? firstLine : 0);
  const push = (): void => {
    lines.push({ words: line, width: used, offset: lines.length === 0 ? firstLine : 0, last: false });
    line = [];
    used = 0;
  };
  for (const word of words) {
    const pieces = word.width > width - firstLine ? splitWide(word, width - firstLine, measure) : [word];
    for (const piece of pieces) {
      const needed = line.length === 0 ? piece.width : used + space + piece.width;
      if (line.length > 0 && needed > avail()) {
        push();
        used = piece.width;
      } else {
        used = needed;
      }
      line.push(piece);
    }
  }
  if (line.length > 0) push();
  const lastLine = lines.at(-1);
  if (lastLine) lastLine.last = true;
  return lines;
}
