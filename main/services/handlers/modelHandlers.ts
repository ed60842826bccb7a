import type { HandlersOf } from '../../../app/host/dispatch';
import type { ActiveModelSet } from '../../../app/biometrics/modelSet';
import type { BoothFaceModels, ServedFaceModelSet } from '../faceModelSet';

/** What the page is told of a set: the manifests and notices; the prepared files stay on the host's side. */
const asActive = ({ files: _files, earlier: _earlier, ...active }: ServedFaceModelSet): ActiveModelSet => active;

/** `models:*`: the face models the host verified for this booth, and the fallback when the worker cannot load them. */
export function modelHandlers(faceModels: BoothFaceModels): HandlersOf<'models'> {
  return {
    'models:active': async () => asActive(await faceModels.current()),
    'models:loadFailed': async ({ origin, message }) => {
      const next = await faceModels.workerCouldNotLoad(origin, message);
      if (!next) throw new Error(`the vision worker could not load the shipped face models either (${message}); there is no other model set to fall back to`);
      return asActive(next);
    },
  };
}
