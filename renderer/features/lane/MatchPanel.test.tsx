import { readFileSync } from 'node:fs';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { embedderManifestSchema } from '../../../app/biometrics/modelManifest';
import { assembleVehicleSession, type Occupant } from '../../../app/inspection/assembleVehicleSession';
import { evaluateVehicleSession, evidenceOf } from '../../../app/inspection/evaluateVehicleSession';
import { scriptedVehicleSession } from '../../../native-bridges/records-service/scriptedVehicleSession.node.ts';
import type { ReferenceEmbedding } from '../../state/laneSlice';
import { imageKey } from './encodedImages';
import { MatchPanel } from './MatchPanel';

const model = embedderManifestSchema.parse(JSON.parse(readFileSync(new URL('../../../assets/models/fr_feature.json', import.meta.url), 'utf8')));
const now = new Date('2026-11-23T10:00:00Z');
const clock = { now: () => now };
const ready = { phase: 'ready', backend: 'wasm' } as const;

/** One traveller at an air booth (Anna Eriksson, traveller 0), assessed by the real rules: herself, or an impostor. */
function traveller({ impostor = false, faceInView = true } = {}) {
  const input = scriptedVehicleSession({ now, model, occupants: [0], ...(impostor ? { impostors: [0] } : {}) });
  const { plate: _plate, ...rest } = input;
  const session = assembleVehicleSession({ ...rest, laneType: 'air', rfidCards: [], faces: faceInView ? input.faces : [], comparisons: faceInView ? input.comparisons : [] }, clock);
  const [recommendation] = evaluateVehicleSession(session, clock).occupants;
  return { occupant: session.occupants[0]!, recommendation: recommendation! };
}

const text = (occupant: Occupant | undefined, references: Readonly<Record<string, ReferenceEmbedding>> = {}, sceneNote?: string) =>
  renderToStaticMarkup(<MatchPanel occupant={occupant} references={references} vision={ready} sceneNote={sceneNote} />)
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ');
const verdictOf = (occupant: Occupant | undefined, references: Readonly<Record<string, ReferenceEmbedding>> = {}) =>
  /data-verdict="([^"]+)"/.exec(renderToStaticMarkup(<MatchPanel occupant={occupant} references={references} vision={ready} sceneNote={undefined} />))?.[1];

describe('the one-traveller face match panel shows the comparison the decision rests on', () => {
  it('a genuine traveller: the score and false-match rate of the decision’s face evidence', () => {
    const { occupant, recommendation } = traveller();
    const evidence = evidenceOf(recommendation).find((e) => e.kind === 'face_match');
    if (evidence?.kind !== 'face_match') throw new Error('no face evidence');
    expect(evidence.decision).toBe('match');
    expect(verdictOf(occupant)).toBe('match');
    const shown = text(occupant);
    expect(shown).toContain('Face matches');
    expect(shown).toContain(`Score ${evidence.score.toFixed(3)}`);
    expect(shown).toContain(`False-match rate ${evidence.falseMatchRate.text}`);
  });

  it('an impostor: no match, with the best score there was', () => {
    const { occupant, recommendation } = traveller({ impostor: true });
    expect(recommendation.mandatory).toBe(true);
    expect(verdictOf(occupant)).toBe('no_match');
    expect(text(occupant)).toContain(`Score ${occupant.bestComparison!.score.toFixed(3)}`);
  });

  it('names the reference it was best against; the printed photo that is also on the chip by the chip', () => {
    const { occupant } = traveller();
    const image = (base64: string) => ({ mediaType: 'image/jpeg', base64 }) as const;
    const passport = image('UEFTU1BPUlQ=');
    const earlier = image('R0FMTEVSWQ==');
    const identity = { ...occupant.identity!, references: [{ source: 'document', image: passport }, { source: 'chip', image: passport }, { source: 'gallery', image: earlier }] } as const;
    const references = Object.fromEntries([passport, earlier].map((i) => [imageKey(i), { phase: 'ready', embedding: new Float32Array(4) } as const]));
    const bestAt = (bestReference: number): Occupant => ({ ...occupant, identity, match: { ...occupant.match!, bestReference } });
    expect(text(bestAt(0), references)).toContain('Face matches the chip photo');
    expect(text(bestAt(2), references)).toContain('Face matches the gallery photo');
  });

  it('claims no match without a face, and says why when the scene says so', () => {
    const { occupant } = traveller({ faceInView: false });
    const identity = occupant.identity!;
    const allReady = Object.fromEntries(identity.references.map((r) => [imageKey(r.image), { phase: 'ready', embedding: new Float32Array(4) } as const]));
    expect(verdictOf(occupant, allReady)).toBe('waiting');
    expect(text(occupant, allReady, 'Simulation without the faces dataset')).toContain('Simulation without the faces dataset');
    const refused = Object.fromEntries(identity.references.map((r) => [imageKey(r.image), { phase: 'error', message: 'no face found' } as const]));
    expect(verdictOf(occupant, refused)).toBe('no_reference');
    expect(text(occupant, refused)).toContain('No usable reference photo');
  });

  it('says what it waits for before there is a traveller, and when matching is off', () => {
    expect(text(undefined)).toContain('Waiting for the document photo');
    expect(renderToStaticMarkup(<MatchPanel occupant={undefined} references={{}} vision={{ phase: 'unavailable', message: 'Face matching is unavailable: no WebAssembly' }} sceneNote={undefined} />)).toContain('data-verdict="unavailable"');
  });
});
