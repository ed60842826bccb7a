// `node --import tsx --import ./main/launcher/registerNodeSuffix.mjs`: see nodeSuffixHook.mjs.
import { register } from 'node:module';

register('./nodeSuffixHook.mjs', import.meta.url);
