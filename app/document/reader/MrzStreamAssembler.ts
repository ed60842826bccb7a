import { inputLimits } from '../../shared/inputLimits';
import { DuplicateReadFilter } from './duplicateReadFilter';
import type { MrzAssemblerEvent } from './mrzAssemblerEvent';
import { checkNextLine, describeProgress, isCompleteRecord, isMrzText } from './mrzRecord';
import { describeCharacter, describeNoise, mrzReadError, type MrzReadError } from './mrzReadError';

export interface MrzStreamAssemblerOptions {
  /** A read that goes quiet for this long is over: complete, or a partial read. */
  readonly readTimeoutMs?: number;
  /** The same MRZ again within this window is a doubled read. */
  readonly duplicateWindowMs?: number;
}

const STX = '\u0002';
const ETX = '\u0003';
/** Far above any MRZ line (44): a longer run without a line end is not MRZ text, and is not kept. */
const maxLineLength = inputLimits.serialMrz.maxLineCharacters;
/** Noise readers put around lines: whitespace, control bytes, DEL and bytes above ASCII. */
// eslint-disable-next-line no-control-regex -- control bytes are exactly the noise to strip
const edgeNoise = /^[\s\u0000-\u001f\u007f-\u00ff]+|[\s\u0000-\u001f\u007f-\u00ff]+$/g;

/**
 * Turns the text a serial MRZ reader sends (in chunks of any size) into whole reads or precise errors.
 *
 * Lines end at CR, LF or CRLF (empty lines are ignored); a read may be framed by STX ... ETX. Unframed, a
 * read is complete as soon as it has its layout's line count; framed, at ETX. Noise around a line is
 * stripped; a line of noise alone is reported and skipped; noise inside a line spoils the whole read, and
 * the rest of that read is skipped until the next frame or a quiet period, so a half is never emitted.
 * Pure: time arrives as milliseconds with each call, the caller owns the timer (see `deadlineMs`).
 */
export class MrzStreamAssembler {
  private readonly readTimeoutMs: number;
  private readonly duplicates: DuplicateReadFilter;
  private framed = false;
  private lines: string[] = [];
  private line = '';
  private lineLength = 0;
  /** The current read is spoiled (already reported): drop input until a boundary. */
  private skipping = false;
  private lastInputMs = Number.NEGATIVE_INFINITY;

  constructor(options: MrzStreamAssemblerOptions = {}) {
    this.readTimeoutMs = options.readTimeoutMs ?? 1000;
    this.duplicates = new DuplicateReadFilter(options.duplicateWindowMs ?? 3000);
  }

  /** True while a read has begun and not ended. */
  get inProgress(): boolean {
    return this.framed || this.skipping || this.lines.length > 0 || this.lineLength > 0;
  }

  /** When the read in progress times out (call `expire` then), or undefined when idle. */
  get deadlineMs(): number | undefined {
    return this.inProgress ? this.lastInputMs + this.readTimeoutMs : undefined;
  }

  /** Feeds text as it arrived (bytes decoded one to one, e.g. latin1). */
  push(text: string, nowMs: number): MrzAssemblerEvent[] {
    const events: MrzAssemblerEvent[] = [];
    if (this.inProgress && nowMs - this.lastInputMs > this.readTimeoutMs) this.endPending('timeout', nowMs, events);
    this.lastInputMs = nowMs;
    for (const ch of text) {
      switch (ch) {
        case STX:
          if (this.inProgress && !this.skipping) {
            this.fail(mrzReadError('partial_read', `A new read began before the previous one ended (${describeProgress(this.lines, this.lineLength)} had arrived); the unfinished read was discarded.`), events);
          }
          this.reset();
          this.framed = true;
          break;
        case ETX:
          this.endLine(nowMs, events);
          this.endFrame(nowMs, events);
          break;
        case '\r':
        case '\n':
          this.endLine(nowMs, events);
          break;
        default:
          if (this.lineLength < maxLineLength) this.line += ch;
          this.lineLength++;
      }
    }
    return events;
  }

  /** Call when `deadlineMs` has passed: a quiet reader has finished, or stopped part way. */
  expire(nowMs: number): MrzAssemblerEvent[] {
    const events: MrzAssemblerEvent[] = [];
    if (this.inProgress && nowMs - this.lastInputMs >= this.readTimeoutMs) this.endPending('timeout', nowMs, events);
    return events;
  }

  /** The reader went away: whatever was under way is reported and discarded, never completed. */
  disconnect(nowMs: number): MrzAssemblerEvent[] {
    const events: MrzAssemblerEvent[] = [];
    this.endPending('disconnected', nowMs, events);
    return events;
  }

  private endPending(reason: 'timeout' | 'disconnected', nowMs: number, events: MrzAssemblerEvent[]): void {
    if (!this.inProgress) return;
    if (this.skipping) {
      this.reset();
      return;
    }
    // A reader that sends no terminator after its last line is done when it goes quiet.
    if (reason === 'timeout' && !this.framed && this.currentLineLooksFinished()) this.endLine(nowMs, events);
    if (!this.inProgress || this.skipping) {
      this.reset();
      return;
    }
    const progress = describeProgress(this.lines, this.lineLength);
    this.fail(
      reason === 'timeout'
        ? mrzReadError('partial_read', `The reader stopped in the middle of a read (${progress} arrived, then nothing for ${this.readTimeoutMs} ms); the read was discarded.`)
        : mrzReadError('disconnected', `The reader was disconnected in the middle of a read (${progress} had arrived); the read was discarded.`),
      events,
    );
    this.reset();
  }

  /** The unterminated line has a whole MRZ line's length (not just the first characters of one). */
  private currentLineLooksFinished(): boolean {
    const text = this.line.replace(edgeNoise, '');
    const wanted = this.lines.length > 0 ? [this.lines[0]!.length] : [30, 36, 44];
    return this.lineLength <= maxLineLength && isMrzText(text) && wanted.includes(text.length);
  }

  private endLine(nowMs: number, events: MrzAssemblerEvent[]): void {
    if (this.lineLength === 0) return;
    const raw = this.line;
    const rawLength = this.lineLength;
    this.line = '';
    this.lineLength = 0;
    if (this.skipping) return;
    if (rawLength > maxLineLength) {
      this.fail(mrzReadError('line_length', `A line of ${rawLength} characters arrived, longer than any MRZ line; the read was discarded.`), events);
      return;
    }
    const text = raw.replace(edgeNoise, '');
    if (text.length === 0) {
      // Only noise, no MRZ text: say so, but a read around it is still whole.
      if (raw.trim().length > 0) events.push({ kind: 'error', error: mrzReadError('garbage', `Ignored ${raw.length} stray byte${raw.length === 1 ? '' : 's'} that held no MRZ text: ${describeNoise(raw)}.`) });
      return;
    }
    if (!isMrzText(text)) {
      const bad = [...text].findIndex((ch) => !isMrzText(ch));
      this.fail(
        mrzReadError('garbage', `Line ${this.lines.length + 1} holds ${describeCharacter(text.charAt(bad))} at column ${bad + 1}, which is not MRZ text (only A-Z, 0-9 and <); the read was discarded.`),
        events,
      );
      return;
    }
    const problem = checkNextLine(this.lines, text);
    if (problem) {
      this.fail({ ...problem, message: `${problem.message} The read was discarded.` }, events);
      return;
    }
    this.lines.push(text);
    if (!this.framed && isCompleteRecord(this.lines)) this.complete(nowMs, events);
  }

  private endFrame(nowMs: number, events: MrzAssemblerEvent[]): void {
    if (this.skipping || this.lines.length === 0) {
      this.reset();
      return;
    }
    if (isCompleteRecord(this.lines)) {
      this.complete(nowMs, events);
      return;
    }
    this.fail(mrzReadError('line_count', `The read ended after ${describeProgress(this.lines, 0)}; it was discarded.`), events);
    this.reset();
  }

  private complete(nowMs: number, events: MrzAssemblerEvent[]): void {
    const lines = this.lines;
    this.reset();
    const duplicate = this.duplicates.check(lines, nowMs);
    events.push(duplicate ? { kind: 'error', error: duplicate } : { kind: 'read', lines });
  }

  private fail(error: MrzReadError, events: MrzAssemblerEvent[]): void {
    events.push({ kind: 'error', error });
    this.lines = [];
    this.skipping = true;
  }

  private reset(): void {
    this.framed = false;
    this.lines = [];
    this.line = '';
    this.lineLength = 0;
    this.skipping = false;
  }
}
