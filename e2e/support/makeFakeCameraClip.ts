import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * Makes the fake camera's clip with ffmpeg at test time: from a shared face video when the datasets are
 * present (so later face tests see real faces), otherwise from ffmpeg's moving test pattern.
 */
export function makeFakeCameraClip(output: string, datasetsDir: string): string {
  mkdirSync(dirname(output), { recursive: true });
  // People walking towards the camera: real faces, and motion in every frame.
  const faceVideo = join(datasetsDir, 'videos', 'facenet_pytorch_video.mp4');
  const input = existsSync(faceVideo) ? ['-i', faceVideo] : ['-f', 'lavfi', '-i', 'testsrc2=size=640x480:rate=15'];
  const source = existsSync(faceVideo) ? faceVideo : 'ffmpeg testsrc2 pattern';
  execFileSync('ffmpeg', ['-y', '-loglevel', 'error', ...input, '-t', '4', '-vf', 'scale=640:480:force_original_aspect_ratio=decrease,pad=640:480:(ow-iw)/2:(oh-ih)/2,fps=15', '-pix_fmt', 'yuv420p', output], { stdio: 'inherit' });
  return source;
}
