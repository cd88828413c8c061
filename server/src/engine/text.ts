import type { TextChange } from './incremental';
import type { Position, Range, Span } from './types';

/** The same document before an edit, and the span the edit replaced (see incremental.ts). */
type Predecessor = TextChange & { source: SourceText };

/**
 * The document text with a line index, for turning offsets into LSP positions (UTF-16, as
 * JavaScript strings already are). Lines end at \n, \r\n or a lone \r, as in LSP.
 */
export class SourceText {
  readonly text: string;
  private starts: number[] | undefined;
  private previous: Predecessor | undefined;
  /** The text has no \r (known once the line index is built). */
  private onlyLineFeeds = false;

  /**
   * `previous` is the same document before an edit that replaced [start, oldEnd) of the old text
   * with [start, newEnd) of this one: its line index, when it has one, is taken over and updated
   * in place (the previous SourceText builds a new one if it is asked again).
   */
  constructor(text: string, previous?: Predecessor) {
    this.text = text;
    // Only \n line breaks before, and none other typed: the index can be updated (a \r next to
    // the edit could pair with a \n differently, so then it is built anew).
    if (
      previous &&
      previous.source.starts &&
      previous.source.onlyLineFeeds &&
      !text.slice(previous.start, previous.newEnd).includes('\r')
    ) {
      this.previous = previous;
      this.onlyLineFeeds = true;
    }
  }

  /** Offsets where lines start, computed on first use: many analyses never need a position. */
  private get lineStarts(): number[] {
    if (this.starts) return this.starts;
    const text = this.text;
    let starts: number[];
    const previous = this.previous;
    this.previous = undefined;
    if (previous && previous.source.starts) {
      // Lines before the edit are unchanged, those after it moved; only the edited text is scanned.
      const { start, oldEnd, newEnd } = previous;
      starts = previous.source.starts;
      previous.source.starts = undefined;
      const before = upperBound(starts, start);
      const after = upperBound(starts, oldEnd);
      const inserted: number[] = [];
      for (let i = text.indexOf('\n', start); i >= 0 && i < newEnd; i = text.indexOf('\n', i + 1))
        inserted.push(i + 1);
      if (inserted.length === after - before)
        for (let k = 0; k < inserted.length; k++) starts[before + k] = inserted[k]!;
      else if (inserted.length <= 1000) starts.splice(before, after - before, ...inserted);
      else starts = starts.slice(0, before).concat(inserted, starts.slice(after)); // a large paste
      const delta = newEnd - oldEnd;
      if (delta !== 0)
        for (let k = before + inserted.length; k < starts.length; k++) starts[k]! += delta;
    } else if (!text.includes('\r')) {
      this.onlyLineFeeds = true;
      starts = [0];
      // The common case, found with indexOf (native and much faster than a loop over every char).
      for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    } else {
      starts = [0];
      for (let i = 0; i < text.length; i++) {
        const ch = text.charCodeAt(i);
        if (ch === 13 /* \r */) {
          if (text.charCodeAt(i + 1) === 10) i++;
          starts.push(i + 1);
        } else if (ch === 10 /* \n */) {
          starts.push(i + 1);
        }
      }
    }
    this.starts = starts;
    return starts;
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  positionAt(offset: number): Position {
    const starts = this.lineStarts;
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (starts[mid]! <= clamped) low = mid;
      else high = mid - 1;
    }
    return { line: low, character: clamped - starts[low]! };
  }

  offsetAt(position: Position): number {
    if (position.line < 0) return 0;
    const starts = this.lineStarts;
    if (position.line >= starts.length) return this.text.length;
    const lineStart = starts[position.line]!;
    const nextStart =
      position.line + 1 < starts.length ? starts[position.line + 1]! : this.text.length;
    return Math.max(lineStart, Math.min(lineStart + position.character, nextStart));
  }

  range(offset: number, length: number): Range {
    return { start: this.positionAt(offset), end: this.positionAt(offset + length) };
  }

  rangeOf(span: Span): Range {
    return this.range(span.offset, span.length);
  }

  /** Start offset of the line that holds `offset`. */
  lineStartOf(offset: number): number {
    return this.offsetAt({ line: this.positionAt(offset).line, character: 0 });
  }

  /** The whitespace that starts the line holding `offset`. */
  indentationAt(offset: number): string {
    const start = this.lineStartOf(offset);
    let end = start;
    while (end < this.text.length && (this.text[end] === ' ' || this.text[end] === '\t')) end++;
    return this.text.slice(start, end);
  }

  /** The line break the document uses (first one found), \n by default. */
  get eol(): string {
    const i = this.text.indexOf('\n');
    return i > 0 && this.text[i - 1] === '\r' ? '\r\n' : '\n';
  }
}

/** The number of elements of a sorted array that are <= `value`. */
function upperBound(sorted: number[], value: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (sorted[mid]! <= value) low = mid + 1;
    else high = mid;
  }
  return low;
}
