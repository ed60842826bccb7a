import { useEffect, useRef } from 'react';
import type { CameraDescriptor } from '../../../app/ports/cameraDescriptor';
import { useBooth } from '../../state/StoreContext';
import type { LaneCameraStream } from './useLaneCameraStreams';

/** One vehicle camera: its picture (live, or a replayed scene) with a box and track id over every face found. */
export function SceneCameraPanel({ camera, canvas, stream }: { camera: CameraDescriptor; canvas: HTMLCanvasElement | undefined; stream: LaneCameraStream | undefined }) {
  const holder = useRef<HTMLDivElement>(null);
  const frame = useBooth((state) => state.sceneFrames[camera.id]);
  const scene = useBooth((state) => state.cameraScenes[camera.id]);

  useEffect(() => {
    if (holder.current && canvas) holder.current.replaceChildren(canvas);
  }, [canvas]);

  const faces = frame?.faces ?? [];
  return (
    <section className="panel scene-camera" data-testid={`camera-${camera.id}`} data-face-count={faces.length} aria-label={camera.label}>
      <h2>{camera.label}</h2>
      <div className="scene-frame">
        <div className="scene-stage">
          <div ref={holder} className="scene-canvas" />
          {frame &&
            faces.map((face) => (
            <div
              key={face.trackId}
              className={`scene-face ${face.qualityReasons.length === 0 ? 'good' : 'poor'}`}
              style={{ left: `${(face.box.x / frame.width) * 100}%`, top: `${(face.box.y / frame.height) * 100}%`, width: `${(face.box.width / frame.width) * 100}%`, height: `${(face.box.height / frame.height) * 100}%` }}
            >
              <span>#{face.trackId}</span>
            </div>
            ))}
        </div>
        {(scene ? scene.people.length === 0 : stream?.phase !== 'live') && (
          <p className={!scene && stream?.phase === 'error' ? 'video-message error' : 'video-message'} data-testid={`camera-${camera.id}-message`}>
            {scene ? 'Nobody in view' : stream?.phase === 'error' ? stream.message : 'Opening the camera…'}
          </p>
        )}
      </div>
    </section>
  );
}
