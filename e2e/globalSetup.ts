import { makeFakeCameraClip } from './support/makeFakeCameraClip';
import { datasetsDir, fakeCameraClip } from './support/paths';

export default function globalSetup(): void {
  const source = makeFakeCameraClip(fakeCameraClip, datasetsDir);
  console.log(`fake camera clip: ${fakeCameraClip} (from ${source})`);
}
