import { useEffect, useRef } from 'react';
import { useBooth } from '../../state/StoreContext';

const reasonWords: Readonly<Record<string, string>> = {
  too_far: 'too far',
  turned_away: 'turned away',
  tilted: 'head tilted',
  too_dark: 'too dark',
  too_bright: 'too bright',
  blurred: 'blurred',
  partly_outside: 'partly outside',
};

/** Face boxes, track ids and quality hints, drawn over the video where the faces are. */
export function FaceOverlay() {
  const canvas = useRef<HTMLCanvasElement>(null);
  const faces = useBooth((state) => state.liveFaces);
  const frame = useBooth((state) => state.frameSize);

  useEffect(() => {
    const element = canvas.current;
    const context = element?.getContext('2d');
    if (!element || !context) return;
    const { clientWidth: width, clientHeight: height } = element;
    element.width = width;
    element.height = height;
    context.clearRect(0, 0, width, height);
    if (!frame) return;
    // The video is letterboxed (object-fit: contain): map frame pixels to where they are shown.
    const scale = Math.min(width / frame.width, height / frame.height);
    const offsetX = (width - frame.width * scale) / 2;
    const offsetY = (height - frame.height * scale) / 2;
    context.font = '600 15px system-ui, sans-serif';
    for (const face of faces) {
      const good = face.qualityReasons.length === 0;
      const x = offsetX + face.box.x * scale;
      const y = offsetY + face.box.y * scale;
      context.strokeStyle = good ? '#2ecc71' : '#f5b83d';
      context.lineWidth = 3;
      context.strokeRect(x, y, face.box.width * scale, face.box.height * scale);
      const label = `#${face.trackId}${good ? '' : `: ${face.qualityReasons.map((reason) => reasonWords[reason] ?? reason).join(', ')}`}`;
      context.fillStyle = 'rgba(0, 0, 0, 0.7)';
      context.fillRect(x, y - 20, context.measureText(label).width + 8, 20);
      context.fillStyle = good ? '#2ecc71' : '#f5b83d';
      context.fillText(label, x + 4, y - 5);
    }
  }, [faces, frame]);

  return <canvas ref={canvas} className="face-overlay" data-testid="face-overlay" data-face-count={faces.length} aria-hidden="true" />;
}
