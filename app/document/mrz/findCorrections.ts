/**
 * OCR-confusion corrections a check digit proves. For each failing check we try the confusable readings
 * of the characters it covers and offer a reading only when exactly one cheapest reading satisfies the
 * check digit and every character's field syntax. Characters illegal for their field (a letter in a date)
 * must change, so changing them costs nothing; changing a character that already fits costs one.
 * Composite checks span many fields, so there only such forced changes are tried.
 */
import { computeCheckDigitOverRanges, mrzCharValue } from './checkDigit';
import { confusableWith, fitsClass, type MrzCharClass } from './mrzCharacters';
import type { MrzCheckSpec, MrzFieldKind, MrzFieldSpec, MrzLayout } from './mrzLayout';
import type { MrzCorrection, MrzField } from './mrzTypes';

/** Above this many candidate readings a group falls back to forced changes only, then gives up. */
const maxCandidates = 4096;

function classOf(spec: MrzFieldSpec): MrzCharClass {
  if (spec.charClass) return spec.charClass;
  const byKind: Readonly<Record<MrzFieldKind, MrzCharClass>> = {
    documentCode: 'alpha',
    stateCode: 'alpha',
    names: 'alpha',
    name: 'alpha',
    documentNumber: 'alnum',
    checkDigit: 'digit',
    birthDate: 'digit',
    expirationDate: 'digit',
    issueYearMonth: 'digit',
    sex: 'alpha',
    optional: 'alnum',
    digits: 'digit',
    code: 'alnum',
    languageCode: 'alpha',
  };
  return byKind[spec.kind];
}

const classCache = new WeakMap<MrzLayout, MrzCharClass[][]>();

/** Per line and column, the character class the layout expects. */
function charClasses(layout: MrzLayout): MrzCharClass[][] {
  let classes = classCache.get(layout);
  if (!classes) {
    classes = layout.lineLengths.map((length) => new Array<MrzCharClass>(length).fill('alnum'));
    for (const spec of layout.fields) for (let i = spec.start; i < spec.end; i++) classes[spec.line]![i] = classOf(spec);
    classCache.set(layout, classes);
  }
  return classes;
}

type Slot = { readonly line: number; readonly column: number; readonly options: readonly string[]; readonly forced: boolean };

const weights = [7, 3, 1] as const;

type Search = {
  readonly slots: readonly Slot[];
  readonly lines: string[][];
  readonly checkOptions: readonly string[];
  readonly choice: string[];
  bestCost: number;
  bestCount: number;
  best: string[];
};

/** Depth-first over the slots' options, keeping the weighted sum as it goes; prunes costlier branches. */
function visit(search: Search, index: number, sum: number, cost: number): void {
  if (cost > search.bestCost) return;
  const { slots } = search;
  if (index === slots.length) {
    for (const digit of search.checkOptions) {
      if (sum % 10 !== digit.charCodeAt(0) - 48) continue;
      if (cost < search.bestCost) {
        search.bestCost = cost;
        search.bestCount = 0;
      }
      search.bestCount++;
      search.best = [...search.choice, digit];
    }
    return;
  }
  const slot = slots[index]!;
  const original = search.lines[slot.line]![slot.column]!;
  for (const option of slot.options) {
    search.choice[index] = option;
    const extra = !slot.forced && option !== original ? 1 : 0;
    visit(search, index + 1, sum + mrzCharValue(option.charCodeAt(0)) * weights[index % 3]!, cost + extra);
  }
}

/** The unique cheapest reading of one check group, as changed slots, or null when none or several. */
function searchGroup(check: MrzCheckSpec, lines: string[][], classes: MrzCharClass[][], tryFitting: boolean): Map<Slot, string> | null {
  const checkChar = lines[check.line]![check.position]!;
  const checkOptions = checkChar >= '0' && checkChar <= '9' ? [checkChar] : confusableWith(checkChar).filter((c) => fitsClass(c, 'digit'));
  if (checkOptions.length === 0) return null;
  const slots: Slot[] = [];
  let product = checkOptions.length;
  for (const r of check.covers) {
    for (let column = r.start; column < r.end; column++) {
      const ch = lines[r.line]![column]!;
      const cls = classes[r.line]![column] ?? 'alnum';
      if (fitsClass(ch, cls)) {
        const options = tryFitting ? [ch, ...confusableWith(ch).filter((c) => fitsClass(c, cls))] : [ch];
        slots.push({ line: r.line, column, options, forced: false });
        product *= options.length;
      } else {
        const options = confusableWith(ch).filter((c) => fitsClass(c, cls));
        if (options.length === 0) return null;
        slots.push({ line: r.line, column, options, forced: true });
        product *= options.length;
      }
      if (product > maxCandidates) return tryFitting ? searchGroup(check, lines, classes, false) : null;
    }
  }
  const search: Search = { slots, lines, checkOptions, choice: new Array<string>(slots.length), bestCost: Infinity, bestCount: 0, best: [] };
  visit(search, 0, 0, 0);
  const { bestCount, best } = search;
  if (bestCount !== 1) return null;
  const changes = new Map<Slot, string>();
  slots.forEach((slot, i) => {
    if (best[i] !== lines[slot.line]![slot.column]) changes.set(slot, best[i]!);
  });
  if (best[slots.length] !== checkChar) changes.set({ line: check.line, column: check.position, options: [], forced: true }, best[slots.length]!);
  return changes;
}

function groupFails(check: MrzCheckSpec, lines: string[][], classes: MrzCharClass[][]): boolean {
  let sum = 0;
  let w = 0;
  for (const r of check.covers) {
    for (let column = r.start; column < r.end; column++) {
      const ch = lines[r.line]![column]!;
      if (!fitsClass(ch, classes[r.line]![column] ?? 'alnum')) return true;
      sum += mrzCharValue(ch.charCodeAt(0)) * weights[w]!;
      w = w === 2 ? 0 : w + 1;
    }
  }
  const checkChar = lines[check.line]![check.position]!;
  if (checkChar === '<' || String(sum % 10) === checkChar) return false;
  if (!check.alternativeCovers) return true;
  const alternative = computeCheckDigitOverRanges(check.alternativeCovers.map((r) => lines[r.line]!.slice(r.start, r.end).join('')));
  return String(alternative) !== checkChar;
}

function fieldAt(fields: readonly MrzField[], line: number, column: number): MrzField | undefined {
  return fields.find((f) => f.position.line === line && column >= f.position.start && column < f.position.end);
}

/** Corrections proven by the layout's check digits; the lines themselves are left untouched. */
export function findCorrections(layout: MrzLayout, lines: readonly string[], checks: readonly MrzCheckSpec[], fields: readonly MrzField[]): MrzCorrection[] {
  const classes = charClasses(layout);
  // Indexed by UTF-16 unit, as every layout position is (split by code points, an emoji would shift the columns).
  const virtual = lines.map((line) => line.split(''));
  const corrections: MrzCorrection[] = [];
  const ordered = [...checks.filter((c) => !c.composite), ...checks.filter((c) => c.composite)];
  for (const check of ordered) {
    if (!groupFails(check, virtual, classes)) continue;
    const changes = searchGroup(check, virtual, classes, !check.composite);
    if (!changes) continue;
    for (const [slot, to] of changes) {
      const from = virtual[slot.line]![slot.column]!;
      virtual[slot.line]![slot.column] = to;
      const field = fieldAt(fields, slot.line, slot.column);
      if (!field) continue;
      corrections.push({
        field: field.name,
        line: slot.line,
        position: slot.column,
        from,
        to,
        reason: `'${from}' read as '${to}': the only reading that satisfies the ${check.label} check digit (line ${check.line + 1}, column ${check.position + 1})`,
      });
    }
  }
  return corrections.sort((a, b) => a.line - b.line || a.position - b.position);
}
