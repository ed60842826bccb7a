import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { thresholdForFmr } from '../../app/biometrics/calibration';
import type { EmbedderManifest } from '../../app/biometrics/modelManifest';
import type { EncodedImage } from '../../app/ports/documentRead';
import { pickGenuineNonMatch, pickLookAlike, type IndexedFace, type StepFaces } from '../../app/training/lookAlike';
import { datasetImage, datasetsDirectory, scriptedDocumentPhotoFile, scriptedFaceIdentities } from './simulatedOccupantFaces';
import { faceIndexPath, loadFaceIndex } from './TrainingFaceIndex';

/** Who a training step puts at the camera (and on the document), and why, for the trainer. */
export interface CastFaces {
  readonly documentPhoto?: EncodedImage;
  readonly live: EncodedImage;
  readonly note: string;
}

export interface TrainingFacePickerOptions {
  /** The embedder the booth matches faces with (its active model set): its calibration gives the threshold, its id the index. */
  readonly embedder: () => Promise<EmbedderManifest>;
  readonly targetFmr: number;
  readonly userData: string;
  readonly datasets?: string;
  readonly env?: NodeJS.ProcessEnv;
}

/**
 * Picks the faces a training step asks for (a look-alike impostor, a genuine non-match) from the face index,
 * against the booth's own threshold at its target false-match rate. A step that cannot be cast (no dataset, no
 * index, an index of another embedder, nobody fitting) throws with the reason: the scenario player lists it.
 */
export class TrainingFacePicker {
  private index: Promise<readonly IndexedFace[]> | undefined;

  constructor(private readonly options: TrainingFacePickerOptions) {}

  async cast(traveller: number, faces: StepFaces): Promise<CastFaces> {
    const datasets = this.options.datasets ?? datasetsDirectory();
    if (!existsSync(join(datasets, 'faces-lfw', 'identities.csv'))) throw new Error(`this step needs the faces dataset (${join(datasets, 'faces-lfw')}), which is absent`);
    const manifest = await this.options.embedder();
    const threshold = thresholdOf(manifest, this.options.targetFmr);
    const indexed = await this.loadIndex(manifest);
    if (faces.kind === 'genuineNonMatch') {
      const pick = pickGenuineNonMatch(indexed, threshold, faces.seed, scriptedFaceIdentities);
      if (!pick) throw new Error(`the face index has no person two of whose photos score below the booth's threshold ${threshold.toFixed(3)}`);
      return { documentPhoto: datasetImage(pick.documentFile, datasets), live: datasetImage(pick.liveFile, datasets), note: `genuine non-match: ${pick.identity}, own photos score ${pick.score.toFixed(3)} < ${threshold.toFixed(3)}` };
    }
    const holderFile = scriptedDocumentPhotoFile(traveller, datasets);
    const holder = indexed.find((face) => face.file === holderFile);
    if (!holder) throw new Error(`the face index has no embedding of scripted traveller ${traveller}'s document photo (${holderFile ?? 'none'}): make the index again`);
    const pick = pickLookAlike(indexed, holder, threshold, faces.match, faces.seed);
    if (!pick) throw new Error(`the face index has nobody else scoring ${faces.match} the booth's threshold ${threshold.toFixed(3)} against ${holder.identity}`);
    return { live: datasetImage(pick.file, datasets), note: `look-alike impostor: ${pick.identity} scores ${pick.score.toFixed(3)} against ${holder.identity}'s document photo (threshold ${threshold.toFixed(3)})` };
  }

  private loadIndex(manifest: EmbedderManifest): Promise<readonly IndexedFace[]> {
    // Loaded once; a failed load is tried again at the next step (the trainer may have made the index meanwhile).
    this.index ??= (async () => {
      const file = faceIndexPath(this.options.userData, 'faces-lfw', manifest.id, this.options.env);
      const loaded = await loadFaceIndex(file, { dataset: 'faces-lfw', modelId: manifest.id, modelVersion: manifest.version });
      if ('problem' in loaded) throw new Error(loaded.problem);
      return loaded.faces;
    })().catch((error: unknown) => {
      this.index = undefined;
      throw error;
    });
    return this.index;
  }
}

function thresholdOf(manifest: EmbedderManifest, targetFmr: number): number {
  if (!manifest.calibration) throw new Error(`the embedder ${manifest.id} is not calibrated: no threshold to pick look-alikes against`);
  return thresholdForFmr(manifest.calibration, targetFmr);
}
