import { BestShotSelector } from '../../app/biometrics/bestShot';
import { selectFace } from '../../app/biometrics/detectionTiles';
import { DetectionCadencePlanner } from '../../app/biometrics/detectionCadence';
import type { DetectionPlan } from '../../app/biometrics/detectionCadence';
import type { QualityRules } from '../../app/biometrics/faceQuality';
import { DEFAULT_QUALITY_RULES, REFERENCE_QUALITY_RULES, assessQuality } from '../../app/biometrics/faceQuality';
import { isFaceLike } from '../../app/biometrics/faceness';
import { liveRulesFor } from '../../app/biometrics/liveGateRules';
import { refuseStill } from '../../app/biometrics/stillGate';
import { FaceTracker } from '../../app/biometrics/faceTracker';
import type { FivePoints } from '../../app/biometrics/faceLandmarks';
import type { ToneMap } from '../../app/biometrics/faceExposure';
import type { EvaluableEmbedderManifest } from '../../app/biometrics/modelManifest';
import { cropStatistics } from '../../app/biometrics/imageStatistics';
import type { Box } from '../../app/biometrics/geometry';
import type { RgbImage } from '../../app/biometrics/presentationAttacks';
import type { WorkerModels } from './shippedModels';
import { configuredModels } from './shippedModels';
import type { Detection } from './mediapipeFaceDetector';
import type { FrameImage } from './faceCrops';
import { MediapipeFaceDetector } from './mediapipeFaceDetector';
import { OnnxFaceRecognizer, chooseBackend } from './onnxFaceRecognizer';
import { PresentationAttackDetector, loadPadModel } from './presentationAttackDetector';
import type { FaceObservation, FrameRequest, FrameResult, InitInfo, LoadProgress, StillRequest, StillResult, VisionConfig } from './visionProtocol';

const now = () => performance.now();

/** A live shot the embedder saw no face in: shown with that reason and half its score. */
const notAFace = (quality: FaceObservation['quality']): FaceObservation['quality'] => ({ ...quality, reasons: [...quality.reasons, 'not_a_face'], score: quality.score / 2 });

/**
 * The whole face pipeline behind the worker: detect -> track -> landmarks -> quality -> best shot -> embed ->
 * face-ness. Per camera it keeps a tracker and a best-shot selector. A face is embedded only when it passes the
 * quality gate the display shows (no reasons) and its shot enters the track's best shots, which bounds the
 * embedding cost on crowded frames; its embedding is emitted only when the embedder recognises a face in it,
 * and a track it saw no face in is not embedded again until a better shot of it comes (or the window passes).
 * So every consumer compares faces only: a test pattern or a poster never yields a comparable embedding.
 */
export class VisionEngine {
  private readonly trackers = new Map<string, FaceTracker>();
  private readonly shots = new Map<string, BestShotSelector<null>>();
  private readonly cadences = new Map<string, DetectionCadencePlanner>();
  /**
   * Track ids are never reused: each tracker made for a camera (after a reset too) numbers under a prefix of its
   * own, and `epoch` (new with every engine) keeps a restarted worker's ids apart from the one before.
   */
  private readonly epoch = crypto.randomUUID().slice(0, 8);
  private trackerGeneration = 0;

  private constructor(
    private readonly detector: MediapipeFaceDetector,
    private readonly recognizer: OnnxFaceRecognizer,
    private readonly config: VisionConfig,
    readonly info: InitInfo,
    /** Presentation-attack detection, when the host's set has a PAD model (PAD on); run on the shots embedded. */
    private readonly pad: PresentationAttackDetector | undefined,
    private readonly rules: QualityRules = DEFAULT_QUALITY_RULES,
    private readonly referenceRules: QualityRules = REFERENCE_QUALITY_RULES,
  ) {}

  static async create(config: VisionConfig, onProgress: (p: LoadProgress) => void, models: WorkerModels = configuredModels(config.models, config.embedderManifest)): Promise<VisionEngine> {
    const started = now();
    const report = (stage: LoadProgress['stage'], loadedBytes: number, totalBytes: number, message: string) => onProgress({ stage, loadedBytes, totalBytes, message });
    report('runtime', 0, 0, 'choosing backend');
    const choice = await chooseBackend(config.backend);
    const { ort, threads } = await OnnxFaceRecognizer.loadRuntime(choice.backend, config.assetBase, config.threads);
    report('detector', 0, 0, 'loading face detector');
    const detector = await MediapipeFaceDetector.create(config.assetBase, models.shortRange, models.fullRange, (l, t) => report('detector', l, t, 'face detector'));
    const recognizer = await OnnxFaceRecognizer.create(ort, config.assetBase, models.landmarker, models.embedder, choice.backend, (stage, l, t) =>
      report(stage, l, t, stage === 'landmarker' ? 'landmark model' : 'embedding model'),
    );
    // A PAD model that fails to load does not stop face matching: every face it should check says "not checked".
    const pad = models.pad ? PresentationAttackDetector.of(models.pad, await loadPadModel(ort, config.assetBase, models.pad, (l, t) => report('pad', l, t, 'presentation-attack model'))) : undefined;
    report('ready', 1, 1, `ready (${choice.backend}, ${threads} threads)`);
    const info: InitInfo = {
      backend: choice.backend,
      threads,
      crossOriginIsolated: self.crossOriginIsolated,
      adapter: choice.adapter,
      detectorId: models.shortRange.id,
      embedderId: models.embedder.id,
      embedderVersion: models.embedder.version,
      calibrationVersion: models.embedder.calibration?.version ?? 'uncalibrated',
      embedderCalibrated: models.embedder.calibration !== undefined,
      facenessVersion: models.embedder.faceness?.version ?? null,
      batched: recognizer.acceptsBatch,
      padModelId: pad?.manifest.id ?? null,
      ...(pad?.loadError ? { padLoadError: pad.loadError } : {}),
      initMs: now() - started,
    };
    return new VisionEngine(detector, recognizer, config, info, pad);
  }

  /**
   * Landmarks and quality of each detected face (landmarks of all faces in one batch). With `normalised`
   * exposure (the lane cameras' profile), each face's crop is stretched from its own statistics
   * (app/biometrics/faceExposure.ts) before landmarks, quality and embedding (`tone`), and the gate judges the
   * signal it held; a well-exposed face is left as it is. Stills and the booth camera stay raw: on LFW portraits
   * (faces eval --limit 300) it stretched 38 of 299 photos and lowered genuine scores a little (p01 0.256 -> 0.236).
   */
  private async observe(
    frame: FrameImage,
    detections: readonly Detection[],
    rules: QualityRules = this.rules,
    exposure: 'raw' | 'normalised' = 'raw',
  ): Promise<{ face: Omit<FaceObservation, 'trackId'>; five: FivePoints; tone: ToneMap | undefined }[]> {
    const marks = await this.recognizer.landmarksMany(frame, detections.map((d) => d.box), this.config.landmarkBoxScale, this.config.landmarkRefinementPasses, exposure === 'normalised' ? rules.exposure : undefined);
    return marks.map((lm, k) => {
      const detection = detections[k] ?? { box: { x: 0, y: 0, width: 0, height: 0 }, score: 0 };
      const input = { points: lm.five, crop: cropStatistics(lm.crop), box: detection.box, detectionScore: detection.score, frame, ...(lm.exposure ? { exposure: lm.exposure } : {}) };
      const quality = this.recognizer.clock.time('quality', () => assessQuality(input, rules));
      return { face: { box: detection.box, detectionScore: detection.score, landmarks: [...lm.five], quality: { ...quality, reasons: [...quality.reasons] } }, five: lm.five, tone: lm.exposure?.tone };
    });
  }

  /** The caller closes `gpuFrame`. */
  async processFrame(gpuFrame: ImageBitmap, request: FrameRequest): Promise<FrameResult> {
    const t0 = now();
    this.recognizer.clock.take();
    return this.processCpuFrame(this.recognizer.toCpuFrame(gpuFrame), request, t0);
  }

  private async processCpuFrame(frame: FrameImage, request: FrameRequest, t0: number): Promise<FrameResult> {
    const tracker = this.trackerFor(request.cameraId);
    const cadence = this.cadenceFor(request.cameraId);
    const followed = tracker.activeBoxes;
    const detect = (plan: DetectionPlan) => this.recognizer.clock.time('detect', () => this.detector.detect(frame, plan.tiles, plan.fullRangePass, { boxes: plan.regions, detector: plan.regionDetector, dropCut: plan.dropCut }));
    let plan = cadence.plan(request.profile, followed, frame);
    let detections = detect(plan);
    // A followed face not found around where it was (or only below the gate's detection score): the whole search, now.
    const rules = liveRulesFor(this.rules, request.profile);
    const whole = cadence.afterPartial(request.profile, plan, followed, detections, rules.minDetectionScore);
    if (whole) {
      plan = whole;
      detections = detect(plan);
    }
    const t1 = now();
    const shots = this.shotsFor(request.cameraId);
    const update = tracker.update(detections.map((d) => d.box), request.timestampMs, request.profile.expansionFocus, plan.full);
    for (const id of update.ended) shots.endTrack(id);
    const observed = (await this.observe(frame, detections, rules, request.profile.exposure)).map(({ face, five, tone }, i) => {
      const trackId = update.trackIds[i] ?? 'unknown';
      // The quality gate: a shot with any reason is shown (with its reasons) but never embedded, never compared.
      const usable = face.quality.reasons.length === 0;
      // A track the embedder already saw no face in at this quality is not embedded again (a poster passes every frame).
      const refused = usable && shots.isRefused(trackId, face.quality.score, request.timestampMs);
      return { face, five, tone, trackId, refused, embed: usable && !refused && shots.wouldKeep(trackId, face.quality.score, true, request.timestampMs) };
    });
    const t2 = now();
    // Only shots that would enter a track's best shots are embedded (the costly step), all in one batch.
    const toEmbed = observed.filter((o) => o.embed);
    const embedded = await this.recognizer.embedMany(frame, toEmbed.map((o) => o.five), this.config.flipAugmentation, toEmbed.map((o) => o.tone));
    const embeddedOf = new Map(toEmbed.map((o, k) => [o, embedded[k]]));
    const faceness = this.recognizer.embedManifest.faceness;
    const faces: FaceObservation[] = observed.map((o) => {
      if (o.refused) return { ...o.face, quality: notAFace(o.face.quality), trackId: o.trackId };
      const result = embeddedOf.get(o);
      if (!result) return { ...o.face, trackId: o.trackId };
      if (!isFaceLike(result.rawNorm, faceness)) {
        // The embedder sees no face in it: shown as such, not kept, not comparable, not embedded again at this quality.
        shots.refuse(o.trackId, o.face.quality.score, request.timestampMs);
        return { ...o.face, quality: notAFace(o.face.quality), trackId: o.trackId, rawNorm: result.rawNorm };
      }
      shots.offer({ trackId: o.trackId, timestampMs: request.timestampMs, qualityScore: o.face.quality.score, usable: true, payload: null });
      return { ...o.face, trackId: o.trackId, embedding: result.embedding, rawNorm: result.rawNorm };
    });
    const landmarksMs = t2 - t1;
    const embedMs = now() - t2;
    await this.checkPresentation(frame, faces);
    return {
      cameraId: request.cameraId,
      timestampMs: request.timestampMs,
      width: frame.width,
      height: frame.height,
      dropped: false,
      faces,
      endedTrackIds: [...update.ended],
      timings: { detectMs: t1 - t0, landmarksMs, embedMs, totalMs: now() - t0, stages: this.recognizer.clock.take() },
    };
  }

  /**
   * PAD on the shots just embedded (each a track's best shot so far), never on others: no extra per-frame work, and
   * with PAD off nothing at all. Each such face carries its check (or why it was not checked).
   */
  private async checkPresentation(frame: FrameImage, faces: FaceObservation[]): Promise<void> {
    const pad = this.pad;
    if (!pad) return;
    const context = frame.getContext('2d', { willReadFrequently: true });
    const read = (region: Box): RgbImage => {
      if (!context) throw new Error('the frame cannot be read');
      const rgba = context.getImageData(region.x, region.y, region.width, region.height).data;
      const data = new Uint8ClampedArray((rgba.length / 4) * 3);
      for (let i = 0, j = 0; i < rgba.length; i += 4, j += 3) {
        data[j] = rgba[i] ?? 0;
        data[j + 1] = rgba[i + 1] ?? 0;
        data[j + 2] = rgba[i + 2] ?? 0;
      }
      return { width: region.width, height: region.height, data };
    };
    for (const [i, face] of faces.entries()) {
      if (!face.embedding) continue;
      const presentationAttack = await this.recognizer.clock.timeAsync('pad', () => pad.check(face.box, frame.width, frame.height, read));
      faces[i] = { ...face, presentationAttack };
    }
  }

  /** The caller closes `decoded`. */
  async embedStill(decoded: ImageBitmap, request: StillRequest): Promise<StillResult> {
    const t0 = now();
    return this.embedCpuStill(this.recognizer.toCpuFrame(decoded), request, t0);
  }

  private async embedCpuStill(image: FrameImage, request: StillRequest, t0: number): Promise<StillResult> {
    const purpose = request.purpose ?? 'reference';
    // A forced box is a measurement of what the embedder makes of a crop, never a reference.
    const forced: Detection[] | undefined = purpose === 'measurement' && request.box ? [{ box: request.box, score: 0, keypoints: [] }] : undefined;
    const detections = forced ?? this.detector.detect(image, 'frame', true);
    const t1 = now();
    const faceCount = detections.length;
    const noFace: StillResult = { ok: false, faceCount, error: { code: 'no_face', message: 'no face was found in the image' } };
    if (faceCount === 0) return noFace;
    if (request.select === 'single' && faceCount > 1) {
      return { ok: false, faceCount, error: { code: 'several_faces', message: `${faceCount} faces were found; the image must show one person` } };
    }
    const chosen = selectFace(detections, request.select === 'largest' ? 'largest' : 'central', image) ?? detections[0];
    if (!chosen) return noFace;
    // Measurements report what the reference gate would say, so an evaluation shows how many faces it refuses.
    const [first] = await this.observe(image, [chosen], this.referenceRules);
    if (!first) return noFace;
    const { face: observed, five, tone } = first;
    const t2 = now();
    // Embedded before the gate: face-ness is read from the embedding itself.
    const { embedding, rawNorm } = await this.recognizer.embed(image, five, this.config.flipAugmentation, tone);
    const t3 = now();
    const faceness = this.recognizer.embedManifest.faceness;
    const faceLike = isFaceLike(rawNorm, faceness);
    const quality = faceLike ? observed.quality : { ...observed.quality, reasons: [...observed.quality.reasons, 'not_a_face' as const] };
    const face = { ...observed, quality, trackId: 'still', rawNorm };
    const minInterEyePx = Math.max(request.minInterEyePx, this.referenceRules.minInterEyePx);
    const refusal = refuseStill({ quality, faceLike, rawNorm }, purpose, minInterEyePx, faceness !== undefined);
    if (refusal) return { ok: false, faceCount, error: refusal, face };
    return {
      ok: true,
      face: { ...face, embedding },
      faceCount,
      width: image.width,
      height: image.height,
      modelId: this.recognizer.embedManifest.id,
      modelVersion: this.recognizer.embedManifest.version,
      timings: { detectMs: t1 - t0, landmarksMs: t2 - t1, embedMs: t3 - t2, totalMs: t3 - t0 },
    };
  }

  /** The embedder in use (its output size and identification calibrations, for the worker's galleries). */
  get embedder(): EvaluableEmbedderManifest {
    return this.recognizer.embedManifest;
  }

  resetCamera(cameraId: string): void {
    this.trackers.delete(cameraId);
    this.shots.delete(cameraId);
    this.cadences.delete(cameraId);
  }

  private cadenceFor(cameraId: string): DetectionCadencePlanner {
    let cadence = this.cadences.get(cameraId);
    if (!cadence) this.cadences.set(cameraId, (cadence = new DetectionCadencePlanner()));
    return cadence;
  }

  private trackerFor(cameraId: string): FaceTracker {
    let tracker = this.trackers.get(cameraId);
    if (!tracker) this.trackers.set(cameraId, (tracker = new FaceTracker({ cameraId, idPrefix: `${cameraId}:${this.epoch}.${++this.trackerGeneration}` })));
    return tracker;
  }

  private shotsFor(cameraId: string): BestShotSelector<null> {
    let shots = this.shots.get(cameraId);
    if (!shots) this.shots.set(cameraId, (shots = new BestShotSelector<null>()));
    return shots;
  }
}
