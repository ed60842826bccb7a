import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';

/**
 * A fake-camera clip (.y4m for Chromium's --use-file-for-fake-video-capture) showing each photo in turn for
 * `secondsEach`, face-sized for a booth camera (the photo fills the frame height), with an empty grey booth
 * for `gapSeconds` after each person, so a traveller leaving ends their track. Made with Debian's ffmpeg.
 */
export function makeStillsClip(photos: readonly string[], output: string, secondsEach = 2, gapSeconds = 1.8): void {
  if (photos.length === 0) throw new Error('makeStillsClip needs at least one photo');
  mkdirSync(path.dirname(output), { recursive: true });
  const inputs = photos.flatMap((photo) => ['-loop', '1', '-t', String(secondsEach), '-i', photo, '-f', 'lavfi', '-i', `color=c=gray:s=640x480:r=15:d=${gapSeconds}`]);
  const scaled = photos.map((_, i) => `[${2 * i}:v]scale=480:480,pad=640:480:80:0,setsar=1,fps=15[v${i}];[${2 * i + 1}:v]setsar=1[g${i}]`).join(';');
  const concat = `${photos.map((_, i) => `[v${i}][g${i}]`).join('')}concat=n=${2 * photos.length}:v=1:a=0,format=yuv420p[out]`;
  execFileSync('ffmpeg', ['-y', '-loglevel', 'error', ...inputs, '-filter_complex', `${scaled};${concat}`, '-map', '[out]', output]);
}
