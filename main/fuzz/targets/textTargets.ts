import fc from 'fast-check';
import { ModelManifestError, parseDetectorManifest, parseEmbedderManifest } from '../../../app/biometrics/modelManifest';
import { parseMrz } from '../../../app/document/mrz/parseMrz';
import { KeyboardWedgeAssembler, type WedgeKeyEvent } from '../../../app/document/reader/KeyboardWedgeAssembler';
import type { MrzAssemblerEvent } from '../../../app/document/reader/mrzAssemblerEvent';
import { MrzStreamAssembler } from '../../../app/document/reader/MrzStreamAssembler';
import { resolveSettings } from '../../../app/settings/boothSettings';
import { parseTrainingScenario, TrainingScenarioError } from '../../../app/training/trainingScenario';
import { parseLprLine } from '../../../native-bridges/plate-reader/lprLineProtocol';
import { parseRfidLine } from '../../../native-bridges/rfid-reader/rfidLineProtocol';
import { ContractBroken, defineTarget, type FuzzTarget } from '../fuzzTarget';
import { hostileJsonText, hostileText } from '../hostileInputs';
import type { FuzzSeeds } from '../seeds';

const today = new Date('2026-11-23T10:00:00Z');
const mrzText = /^[A-Z0-9<]+$/;

/** Every read an assembler hands on is MRZ text, and appears in what was typed (upper-cased only for a-z). */
function readsOnlyWhatWasTyped(events: readonly MrzAssemblerEvent[], typed: string): void {
  for (const event of events) {
    if (event.kind !== 'read') continue;
    for (const line of event.lines) {
      if (!mrzText.test(line)) throw new ContractBroken(`a read line holds non-MRZ text: ${JSON.stringify(line)}`);
      if (!typed.includes(line)) throw new ContractBroken(`a read line was never typed as such: ${JSON.stringify(line)}`);
    }
  }
}

/** Keys as a wedge reader (or a person, or an attacker) sends them. */
const wedgeKeys = (seeds: FuzzSeeds): fc.Arbitrary<WedgeKeyEvent[]> =>
  fc
    .tuple(
      hostileText(seeds.mrzLines.map((lines) => `${lines.join('\n')}\n`)),
      fc.array(fc.integer({ min: 0, max: 400 }), { minLength: 1, maxLength: 8 }),
      fc.array(fc.constantFrom('Enter', 'Tab', 'Shift', 'Escape', 'ArrowLeft', 'CapsLock'), { maxLength: 3 }),
    )
    .map(([text, gaps, named]) => {
      let time = 1000;
      const keys: WedgeKeyEvent[] = [...text.slice(0, 2000)].map((ch, index) => {
        time += gaps[index % gaps.length]! % 60;
        return { key: ch === '\n' ? 'Enter' : ch, timeMs: time };
      });
      named.forEach((key, i) => keys.splice(Math.floor((keys.length * (i + 1)) / (named.length + 1)), 0, { key, timeMs: keys[0]?.timeMs ?? 0 }));
      return keys.sort((a, b) => a.timeMs - b.timeMs);
    });

/** Outside text: MRZ input, the wedge and serial assemblers, plate and RFID lines, settings, scenario and manifest files. */
export function textTargets(seeds: FuzzSeeds): FuzzTarget[] {
  const mrzSeeds = seeds.mrzLines.map((lines) => lines.join('\n'));
  return [
    defineTarget({ name: 'mrz.parseMrz (text)', input: hostileText(mrzSeeds), run: (text: string) => parseMrz(text, { today }), typedErrors: [], quickRuns: 400 }),
    defineTarget({
      name: 'mrz.parseMrz (lines)',
      input: fc.array(hostileText(seeds.mrzLines.flat()), { maxLength: 5 }),
      run: (lines: string[]) => parseMrz(lines, { today }),
      typedErrors: [],
      check: (value: unknown) => {
        const result = value as ReturnType<typeof parseMrz>;
        if (result.valid && result.lines.some((line) => !mrzText.test(line))) throw new ContractBroken('an MRZ with non-MRZ characters was called valid');
      },
      quickRuns: 400,
    }),
    defineTarget({
      name: 'reader.KeyboardWedgeAssembler',
      input: wedgeKeys(seeds),
      run: (keys: WedgeKeyEvent[]) => {
        const assembler = new KeyboardWedgeAssembler();
        const events = keys.flatMap((key) => assembler.key(key).events);
        events.push(...assembler.expire((keys.at(-1)?.timeMs ?? 0) + 10_000));
        // What was typed, as the assembler may see it: modifiers are no characters, other named keys end a line.
        const typed = keys.map((k) => (['Shift', 'CapsLock'].includes(k.key) ? '' : [...k.key].length !== 1 ? '\n' : k.key >= 'a' && k.key <= 'z' ? k.key.toUpperCase() : k.key));
        return { events, typed: typed.join('') };
      },
      typedErrors: [],
      check: (value: unknown) => {
        const { events, typed } = value as { events: MrzAssemblerEvent[]; typed: string };
        readsOnlyWhatWasTyped(events, typed);
      },
      quickRuns: 300,
    }),
    defineTarget({
      name: 'reader.MrzStreamAssembler (serial)',
      input: fc.array(hostileText(seeds.mrzLines.map((lines) => `\u0002${lines.join('\r\n')}\r\n\u0003`)), { minLength: 1, maxLength: 4 }),
      run: (chunks: string[]) => {
        const assembler = new MrzStreamAssembler();
        const events = chunks.flatMap((chunk, i) => assembler.push(chunk, i * 10));
        events.push(...assembler.expire(chunks.length * 10 + 5000));
        return { events, typed: chunks.join('') };
      },
      typedErrors: [],
      check: (value: unknown) => {
        const { events } = value as { events: MrzAssemblerEvent[] };
        for (const event of events) if (event.kind === 'read' && event.lines.some((line) => !mrzText.test(line))) throw new ContractBroken('a serial read holds non-MRZ text');
      },
      quickRuns: 300,
    }),
    defineTarget({ name: 'plate.parseLprLine', input: hostileText(['PLATE|AB123CD|FR|0.93|2026-11-23T10:00:00Z|lane-1', 'PING']), run: parseLprLine, typedErrors: [], quickRuns: 300 }),
    defineTarget({ name: 'rfid.parseRfidLine', input: hostileText(['TAG|E2801160600002|nexus|lane-1|2026-11-23T10:00:00Z|2|-61.5', 'PING']), run: parseRfidLine, typedErrors: [], quickRuns: 300 }),
    defineTarget({
      name: 'settings.resolveSettings (policy file)',
      input: hostileJsonText([JSON.stringify({ boothId: 'BOOTH-07', laneType: 'vehicle', devices: 'sim', retentionDays: 30, screenLockMinutes: 5, faceMatchTargetFmr: 0.001, cameras: [{ id: 'c1', label: 'Traveller', position: 'traveller' }] })]),
      run: (text: string) => withParsedJson(text, resolveSettings),
      typedErrors: [],
      quickRuns: 200,
    }),
    defineTarget({ name: 'training.parseTrainingScenario', input: hostileJsonText(seeds.scenarioFiles), run: (text: string) => parseTrainingScenario(text, 'fuzz.json'), typedErrors: [TrainingScenarioError], quickRuns: 200 }),
    defineTarget({
      name: 'models.parseManifest',
      input: hostileJsonText(seeds.manifestFiles),
      run: (text: string) =>
        withParsedJson(text, (raw) => ((raw as { kind?: unknown } | null)?.kind === 'detector' ? parseDetectorManifest(raw) : parseEmbedderManifest(raw))),
      typedErrors: [ModelManifestError],
      quickRuns: 200,
    }),
  ];
}

/** Text that is not JSON is the file reader's concern (it names the file); these targets fuzz the parse after it. */
function withParsedJson<T>(text: string, parse: (raw: unknown) => T): T | undefined {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return undefined;
  }
  return parse(raw);
}
