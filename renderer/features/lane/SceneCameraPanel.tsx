import { useEffect, useRef } from 'react';
import type { CameraDescriptor } from '../../../app/ports/cameraDescriptor';
import { useBooth } from '../../state/StoreContext';
import type { LaneCameraStream } from './useLaneCameraStreams';

/**
 * One camera: its picture with a box and track id over every face the vision worker found. The large
 * (one-traveller) panel shows a camera's own video live (the capture loop copies frames from it for the
 * worker); otherwise, and for a simulated scene, the panel shows the loop's canvas. When there is no picture
 * it says why, and what to do.
 */
export function SceneCameraPanel({ camera, canvas, stream, large = false }: { camera: CameraDescriptor; canvas: HTMLCanvasElement | undefined; stream: LaneCameraStream | undefined; large?: boolean }) {
  const holder = useRef<HTMLDivElement>(null);
  const frame = useBooth((state) => state.sceneFrames[camera.id]);
  const scene = useBooth((state) => state.cameraScenes[camera.id]);
  // The traveller camera shows its live video at the camera's own pace; a vehicle's small panels show the loop's canvas.
  const video = large && !scene && stream?.phase === 'live' ? stream.video : undefined;

  useEffect(() => {
    const element = holder.current;
    if (!element) return;
    // The canvas stays in the panel either way (hidden under live video): it is the loop's copy of what the worker sees.
    element.replaceChildren(...[video, canvas].filter((node): node is HTMLVideoElement | HTMLCanvasElement => Boolean(node)));
    // A media element taken out of the page pauses: shown again (a scene withdrawn), it plays on.
    if (video?.paused) void video.play().catch(() => undefined);
  }, [canvas, video]);

  const faces = frame?.faces ?? [];
  // The camera's own stream, whether or not a scene is shown instead.
  const phase = stream?.phase ?? 'starting';
  let message: { text: string; problem?: string } | null = null;
  // A camera that cannot open is said even while a simulated scene is shown: the booth's camera is broken.
  if (stream?.phase === 'error') message = { text: stream.message, problem: stream.problem };
  else if (scene && scene.people.length === 0) message = { text: scene.note ?? 'Nobody in view' };
  else if (!scene && stream?.phase !== 'live') message = { text: 'Opening the camera…' };
  return (
    <section className={`panel scene-camera${large ? ' large' : ''}`} data-testid={`camera-${camera.id}`} data-face-count={faces.length} data-camera-phase={phase} data-scene={scene ? 'shown' : undefined} aria-label={camera.label}>
      <h2>{camera.label}</h2>
      <div className="scene-frame">
        <div className="scene-stage">
          <div ref={holder} className={video ? 'scene-canvas live-video' : 'scene-canvas'} />
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
        {message && (
          <p className={message.problem ? 'video-message error' : 'video-message'} role={message.problem ? 'alert' : undefined} data-testid={`camera-${camera.id}-message`} data-problem={message.problem}>
            {message.text}
          </p>
        )}
      </div>
      {video && stream?.phase === 'live' && <p className="caption">{stream.label}</p>}
    </section>
  );
}
