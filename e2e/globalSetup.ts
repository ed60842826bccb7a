import { makeFakeCameraClip } from './support/makeFakeCameraClip';
import { makeTestFaceIndex } from './support/makeTestFaceIndex';
import { datasetsDir, e2eFaceIndex, fakeCameraClip } from './support/paths';

export default function globalSetup(): void {
  const source = makeFakeCameraClip(fakeCameraClip, datasetsDir);
  console.log(`fake camera clip: ${fakeCameraClip} (from ${source})`);
  // BOOTH_FACE_INDEX names an index made beforehand (e.g. of the whole dataset); otherwise a small one is made here.
  if (!process.env.BOOTH_FACE_INDEX) {
    const index = makeTestFaceIndex(e2eFaceIndex, datasetsDir);
    if (index) console.log(`face index for training scenarios: ${index}`);
  }
}
