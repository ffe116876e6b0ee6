/** Marks characters already read, so no later pattern reads them twice and the rest can be reported. */
const MASK = "\u0001";

export interface Span {
  start: number;
  end: number;
}

/** A piece of the question that nothing could use, with where it started (for ordering). */
export interface Leftover {
  text: string;
  start: number;
}

/** Orders leftovers as they appear in the text. */
export const byStart = (a: Leftover, b: Leftover): number => a.start - b.start;

/** A comma inside a figure ("1,000") does not end a clause. */
const CLAUSE_BREAK = new RegExp(
  String.raw`(?<!\d),|,(?!\d)|[;:!?()[\]{}\n\r\t"]|\.(?=\s|$)|\s[-–—]\s|\s\/\s|${MASK}+`,
  "g",
);
const WORD = /[\p{L}\p{N}$€£%][\p{L}\p{N}$€£%'’.+#&/-]*/gu;

/** The question text and which of its characters have been read. */
export class TextSpans {
  private masked: string;

  constructor(readonly text: string) {
    // A MASK typed by the user would read as already read; a space keeps the offsets.
    this.masked = text.replaceAll(MASK, " ");
  }

  /** The text with read characters replaced by MASK; patterns run on this. */
  get current(): string {
    return this.masked;
  }

  /** True when no character of [start, end) has been read yet. */
  isFree(start: number, end: number): boolean {
    return start < end && !this.masked.slice(start, end).includes(MASK);
  }

  /** Marks [start, end) as read. */
  claim(start: number, end: number): void {
    if (start >= end) return;
    this.masked = this.masked.slice(0, start) + MASK.repeat(end - start) + this.masked.slice(end);
  }

  /**
   * Calls `onMatch` for each match of `pattern` on the unread text. Returning true claims the
   * whole match, a Span claims that span, anything else claims nothing.
   */
  each(pattern: RegExp, onMatch: (m: RegExpExecArray) => boolean | Span | undefined): void {
    const flags = pattern.flags.includes("g") ? pattern.flags : `${pattern.flags}g`;
    const re = new RegExp(pattern.source, flags);
    for (const m of this.masked.matchAll(re)) {
      const start = m.index;
      const end = start + m[0].length;
      if (!this.isFree(start, end)) continue;
      const claimed = onMatch(m as RegExpExecArray);
      if (claimed === true) this.claim(start, end);
      else if (claimed && typeof claimed === "object") this.claim(claimed.start, claimed.end);
    }
  }

  /**
   * Unread runs of words between read spans and clause punctuation, without the runs made
   * only of filler; connectors at either end are trimmed from what is kept.
   */
  leftovers(isFiller: (word: string) => boolean, isConnector: (word: string) => boolean): Leftover[] {
    const out: Leftover[] = [];
    const rest = this.masked;
    let offset = 0;
    const breaks = [...rest.matchAll(CLAUSE_BREAK)].map((b) => ({
      start: b.index,
      end: b.index + Math.max(b[0].length, 1),
    }));
    breaks.push({ start: rest.length, end: rest.length });
    for (const brk of breaks) {
      const words = [...rest.slice(offset, brk.start).matchAll(WORD)].map((w) => ({
        word: w[0].replace(/[.'’-]+$/, ""),
        start: offset + w.index,
        end: offset + w.index + w[0].length,
      }));
      offset = brk.end;
      if (!words.some((w) => w.word.length > 0 && !isFiller(w.word.toLowerCase()))) continue;
      let first = 0;
      let last = words.length - 1;
      while (first < last && isConnector(words[first]!.word.toLowerCase())) first++;
      while (last > first && isConnector(words[last]!.word.toLowerCase())) last--;
      const start = words[first]!.start;
      const text = this.text.slice(start, words[last]!.end).replace(/[.'’-]+$/, "");
      if (text.length > 0) out.push({ text, start });
    }
    return out;
  }
}
