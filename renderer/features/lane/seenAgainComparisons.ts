import { fuseEmbeddings, type Embedding } from '../../../app/biometrics/embeddingMath';
import { verify } from '../../../app/biometrics/faceMatching';
import type { EmbedderManifest } from '../../../app/biometrics/modelManifest';
import { mayBeOnePersonOnTwoCameras } from '../../../app/inspection/faceOnTwoCameras';
import { oneAfterTheOther } from '../../../app/inspection/faceSeenAgain';
import { SeatPaths } from '../../../app/inspection/seatOfTrack';
import type { SeatFace, TrackComparison } from '../../../app/inspection/vehicleSessionInput';
import type { CameraDescriptor } from '../../../app/ports/cameraDescriptor';
import { defaultGeometryFor, type LaneCameraGeometry } from '../../../app/scene/laneCameraGeometry';
import type { SessionFace } from '../../state/laneSlice';

/**
 * Face against face for the pairs of tracks that may be one occupant: one camera's tracks one after the other in a
 * seat (seen again: app/inspection/faceSeenAgain.ts), or two cameras' tracks their geometry puts in one seat (seen by
 * both: app/inspection/faceOnTwoCameras.ts); each fused track against the other as a reference, at the booth's target
 * false-match rate. Only those pairs: two tracks of one camera seen together are two people whatever their faces.
 */
export function seenAgainComparisons(seatFaces: readonly SeatFace[], faces: Readonly<Record<string, Pick<SessionFace, 'probes'>>>, embedder: EmbedderManifest, policy: { readonly targetFmr: number }): TrackComparison[] {
  const comparisons: TrackComparison[] = [];
  for (const [i, a] of seatFaces.entries()) {
    for (const b of seatFaces.slice(i + 1)) {
      const candidates = a.cameraId === b.cameraId ? a.sighted !== undefined && b.sighted !== undefined && oneAfterTheOther(a.sighted, b.sighted) : mayBeOnePersonOnTwoCameras(a, b);
      if (!candidates) continue;
      const probes = (trackId: string) => (faces[trackId]?.probes ?? []).map((p) => p.embedding as Embedding);
      const [probeA, probeB] = [probes(a.trackId), probes(b.trackId)];
      if (probeA.length === 0 || probeB.length === 0) continue;
      comparisons.push({ trackId: a.trackId, otherTrackId: b.trackId, match: verify(probeA, [fuseEmbeddings(probeB)], embedder, policy) });
    }
  }
  return comparisons;
}

const seatPathsByGeometry = new WeakMap<LaneCameraGeometry, SeatPaths>();
/**
 * One default geometry per position: `defaultGeometryFor` builds a new object on every call, which the WeakMap above
 * would never find again (a camera without a geometry setting had its seat paths, ~1 ms, rebuilt for every face on
 * every assessment).
 */
const defaultGeometries = { driver: defaultGeometryFor('driver'), rear: defaultGeometryFor('rear') } as const;

/** A vehicle camera's seat paths from its geometry setting (else its position's default); none for a camera that sees no car. */
function seatPathsOf(camera: CameraDescriptor): SeatPaths | undefined {
  if (camera.position !== 'driver' && camera.position !== 'rear') return undefined;
  const geometry = camera.geometry ?? defaultGeometries[camera.position];
  let paths = seatPathsByGeometry.get(geometry);
  if (!paths) seatPathsByGeometry.set(geometry, (paths = new SeatPaths(geometry)));
  return paths;
}

/** The seats its camera's geometry puts a track in (app/inspection/seatOfTrack.ts), for the session input; none without a sighting or a vehicle camera. */
export function seatFitsOf(face: Pick<SeatFace, 'cameraId' | 'sighted'>, cameras: readonly CameraDescriptor[]): Pick<SeatFace, 'seatFits'> {
  const camera = cameras.find((c) => c.id === face.cameraId);
  const paths = camera && seatPathsOf(camera);
  return paths && face.sighted ? { seatFits: [...paths.fits(face.sighted)].sort() } : {};
}
