import { DuplicateReadFilter } from './duplicateReadFilter';
import type { MrzAssemblerEvent } from './mrzAssemblerEvent';
import { checkRecord, describeProgress, expectedLineCount, isMrzText } from './mrzRecord';
import { describeCharacter, mrzReadError } from './mrzReadError';
import { inputLimits } from '../../shared/inputLimits';

/** One keydown as the window saw it. `timeMs` is the event's own time stamp, not when it was handled. */
export interface WedgeKeyEvent {
  readonly key: string;
  readonly timeMs: number;
  readonly altKey?: boolean;
  readonly ctrlKey?: boolean;
  readonly metaKey?: boolean;
  /** Auto-repeat from a held key: a person, never a reader. */
  readonly repeat?: boolean;
  /** The key would run a booth shortcut if no scan took it: then only burst speed makes it part of a scan. */
  readonly mayBeShortcut?: boolean;
}

export interface KeyboardWedgeOptions {
  /** Keys closer than this are a reader's burst; people type slower (default 50 ms). */
  readonly maxKeyGapMs?: number;
  /**
   * The longest stall a burst survives (default 300 ms): any once it is surely a reader (`confirmAfterKeys`
   * keys), and before that one stall on a key that is no shortcut (a busy computer delays a key or two).
   */
  readonly maxScanPauseMs?: number;
  /** This many burst keys (or a filler '<' among them) are no person (default 4: a person's roll of keys is 2 or 3). */
  readonly confirmAfterKeys?: number;
  /** Fewer burst characters than this are a person's quick roll of keys, dropped without an error (default 10). */
  readonly minScanLength?: number;
  /** The same MRZ again within this window is a doubled read (default 3000 ms). */
  readonly duplicateWindowMs?: number;
}

export interface WedgeKeyResult {
  /** True when the key belongs to a scan: the caller must keep it from shortcuts and inputs. */
  readonly consumed: boolean;
  readonly events: MrzAssemblerEvent[];
}

/** Every MRZ's first character is a document code; the booth's shortcut keys (D, M, N, R) are none of them. */
const scanStart = /^[PIACV]$/;
const modifierKeys = new Set(['Shift', 'CapsLock', 'NumLock']);
const lineEndKeys = new Set(['Enter', 'Tab']);
/** A single burst longer than this is not a document: stop keeping characters. */
const maxBurstCharacters = inputLimits.wedge.maxBurstCharacters;

/**
 * The character a key typed (one code point), or undefined for a named key (Escape, ArrowLeft). Only ASCII
 * letters are upper-cased (a reader may type with Caps Lock off): any other character stays as typed, so a
 * non-MRZ key makes the scan a refused read. Upper-casing it would rewrite the MRZ: 'ı' becomes 'I', 'ß' 'SS'.
 */
function typedCharacter(key: string): string | undefined {
  const codePoints = [...key];
  if (codePoints.length !== 1) return undefined;
  return key >= 'a' && key <= 'z' ? key.toUpperCase() : key;
}

/**
 * Tells a keyboard-wedge reader's burst from a person typing, by the time between keys, and assembles the
 * burst into a read. A burst may only begin with a document code letter, so a person's shortcut key is never
 * swallowed; each following key is part of the burst only if it comes within `maxKeyGapMs` (see
 * `maxScanPauseMs` for the stalls a busy computer adds). Lines end at Enter or Tab; a reader that sends no line ends
 * is split by length (88 = 2x44, 72 = 2x36, 90 = 3x30) when the burst ends.
 * Pure: the caller passes event times and calls `expire` at `deadlineMs`.
 */
export class KeyboardWedgeAssembler {
  private readonly maxKeyGapMs: number;
  private readonly maxScanPauseMs: number;
  private readonly minScanLength: number;
  private readonly confirmAfterKeys: number;
  private readonly duplicates: DuplicateReadFilter;
  private active = false;
  private lastKeyMs = 0;
  private lines: string[] = [];
  private current = '';
  private burstCharacters = 0;
  /** The one stall allowed before the burst is surely a reader has been used. */
  private stalled = false;
  /** A filler '<' came at burst speed: people do not type it, MRZs are full of it (P<, I<, V<). */
  private sawFiller = false;

  constructor(options: KeyboardWedgeOptions = {}) {
    this.maxKeyGapMs = options.maxKeyGapMs ?? 50;
    this.maxScanPauseMs = Math.max(options.maxScanPauseMs ?? 300, this.maxKeyGapMs);
    this.minScanLength = options.minScanLength ?? 10;
    this.confirmAfterKeys = options.confirmAfterKeys ?? 4;
    this.duplicates = new DuplicateReadFilter(options.duplicateWindowMs ?? 3000);
  }

  /** True while a burst is being collected. */
  get inBurst(): boolean {
    return this.active;
  }

  /** When the burst ends if no key comes (call `expire` then), or undefined when idle. */
  get deadlineMs(): number | undefined {
    return this.active ? this.lastKeyMs + this.idleLimitMs() : undefined;
  }

  key(event: WedgeKeyEvent): WedgeKeyResult {
    const events: MrzAssemblerEvent[] = [];
    const atBurstSpeed = this.active && event.timeMs - this.lastKeyMs <= this.maxKeyGapMs;
    if (this.active && event.timeMs - this.lastKeyMs > this.allowedGapMs()) {
      if (this.mayStall(event)) this.stalled = true;
      else this.finishBurst(event.timeMs, events);
    }
    if (modifierKeys.has(event.key)) return { consumed: this.active, events };
    const character = typedCharacter(event.key);
    const isLineEnd = lineEndKeys.has(event.key);
    if (event.altKey || event.ctrlKey || event.metaKey || event.repeat || (!character && !isLineEnd)) {
      // A chord, a held key or a named key (Escape, arrows): a person is at the keyboard.
      if (this.active) this.finishBurst(event.timeMs, events);
      return { consumed: false, events };
    }
    if (!this.active) {
      if (!character || !scanStart.test(character)) return { consumed: false, events };
      this.active = true;
      this.lines = [];
      this.current = '';
      this.burstCharacters = 0;
      this.stalled = false;
      this.sawFiller = false;
    }
    this.lastKeyMs = event.timeMs;
    if (isLineEnd) this.endLine(event.timeMs, events);
    else if (this.burstCharacters < maxBurstCharacters) {
      this.current += character;
      this.burstCharacters++;
      if (character === '<' && atBurstSpeed) this.sawFiller = true;
    }
    return { consumed: true, events };
  }

  /** Ends the burst if its time is up. */
  expire(nowMs: number): MrzAssemblerEvent[] {
    const events: MrzAssemblerEvent[] = [];
    if (this.active && nowMs - this.lastKeyMs > this.idleLimitMs()) this.finishBurst(nowMs, events);
    return events;
  }

  private get surelyReader(): boolean {
    return this.burstCharacters >= this.confirmAfterKeys || this.sawFiller;
  }

  /** The gap the next key must come within to continue the burst without using the stall. */
  private allowedGapMs(): number {
    return this.surelyReader ? this.maxScanPauseMs : this.maxKeyGapMs;
  }

  /** How long the burst stays open without keys: while a stall is still allowed, for as long as one. */
  private idleLimitMs(): number {
    return this.surelyReader || !this.stalled ? this.maxScanPauseMs : this.maxKeyGapMs;
  }

  /** A late key continues a young burst once, if taking it cannot cost the officer a shortcut. */
  private mayStall(event: WedgeKeyEvent): boolean {
    const plain = !event.altKey && !event.ctrlKey && !event.metaKey && !event.repeat && !event.mayBeShortcut;
    const typed = typedCharacter(event.key) !== undefined || lineEndKeys.has(event.key);
    return !this.surelyReader && !this.stalled && plain && typed && event.timeMs - this.lastKeyMs <= this.maxScanPauseMs;
  }

  private endLine(nowMs: number, events: MrzAssemblerEvent[]): void {
    if (this.current.length === 0) return;
    this.lines.push(this.current);
    this.current = '';
    // With line ends, a read is done at its last line: the officer sees it without waiting for the pause.
    const lineCount = expectedLineCount(this.lines[0]!.length);
    if (lineCount !== undefined && this.lines.length === lineCount && checkRecord(this.lines) === null) this.emit(this.lines, nowMs, events);
  }

  private finishBurst(nowMs: number, events: MrzAssemblerEvent[]): void {
    const lines = this.current.length > 0 ? [...this.lines, this.current] : this.lines;
    const characters = lines.reduce((sum, line) => sum + line.length, 0);
    this.active = false;
    this.lines = [];
    this.current = '';
    if (lines.length === 0 || characters < this.minScanLength) return;
    const record = lines.length === 1 ? splitByLength(lines[0]!) : lines;
    const problem = checkRecord(record);
    if (!problem) {
      this.emit(record, nowMs, events);
      return;
    }
    const illegal = [...record.join('')].find((ch) => !isMrzText(ch));
    if (illegal !== undefined) {
      events.push({ kind: 'error', error: mrzReadError('garbage', `The keyboard reader typed ${describeCharacter(illegal)}, which is not MRZ text (only A-Z, 0-9 and <); the scan was discarded.`) });
    } else if (isUnfinished(record)) {
      const done = record.slice(0, -1);
      const last = record.at(-1)!;
      const finishedLast = isCompleteLength(last, done) ? [...done, last] : done;
      const progress = describeProgress(finishedLast, finishedLast.length === record.length ? 0 : last.length);
      events.push({ kind: 'error', error: mrzReadError('partial_read', `The keyboard reader's scan stopped part way (${progress}); the scan was discarded.`) });
    } else {
      events.push({ kind: 'error', error: { ...problem, message: `${problem.message} The scan was discarded.` } });
    }
  }

  private emit(lines: readonly string[], nowMs: number, events: MrzAssemblerEvent[]): void {
    this.lines = [];
    // After a whole read only the reader's own trailing keys (another line end, a doubled read) follow at
    // burst speed; the officer's next key, even a quick one, is theirs again.
    this.burstCharacters = 0;
    this.stalled = false;
    this.sawFiller = false;
    const duplicate = this.duplicates.check(lines, nowMs);
    events.push(duplicate ? { kind: 'error', error: duplicate } : { kind: 'read', lines: [...lines] });
  }
}

/** A reader set up without line ends types the MRZ as one run; its total length says the layout. */
function splitByLength(run: string): readonly string[] {
  for (const [length, count] of [
    [44, 2],
    [36, 2],
    [30, 3],
  ] as const) {
    if (run.length === length * count) return Array.from({ length: count }, (_, index) => run.slice(index * length, (index + 1) * length));
  }
  return [run];
}

function isCompleteLength(line: string, done: readonly string[]): boolean {
  return done.length > 0 ? line.length === done[0]!.length : expectedLineCount(line.length) !== undefined;
}

/** The lines so far are the start of a good MRZ that stopped: fewer lines, or a shorter last line. */
function isUnfinished(lines: readonly string[]): boolean {
  const length = lines[0]!.length;
  const count = expectedLineCount(length);
  // One run: either a first line alone, or a reader without line ends that stopped short of 2x44.
  if (lines.length === 1) return length < 88;
  if (count === undefined || lines.length > count) return false;
  const last = lines.at(-1)!;
  return lines.slice(0, -1).every((line) => line.length === length) && (lines.length < count || last.length < length);
}
