import type { HandlersOf } from '../../../app/host/dispatch';
import type { ServedFaceModelSet } from '../faceModelSet';

/** `models:*`: the face models the host verified for this booth (the prepared files stay on the host's side). */
export function modelHandlers(faceModels: () => Promise<ServedFaceModelSet>): HandlersOf<'models'> {
  return {
    'models:active': async () => {
      const { files: _files, ...active } = await faceModels();
      return active;
    },
  };
}
