/** Why a camera shows no picture, in words an officer can act on. */
export type CameraProblem = 'no_camera' | 'permission_denied' | 'in_use' | 'unsupported' | 'failed';

/** Turns a getUserMedia failure into a problem and a sentence that tells the officer what to do. */
export function describeCameraError(error: unknown): { problem: CameraProblem; message: string } {
  const name = error instanceof DOMException || error instanceof Error ? error.name : '';
  switch (name) {
    case 'NotAllowedError':
    case 'SecurityError':
      return { problem: 'permission_denied', message: 'Camera permission was denied. Allow camera access for Booth, then press R to retry.' };
    case 'NotFoundError':
    case 'OverconstrainedError':
      return { problem: 'no_camera', message: 'No camera found. Connect the booth camera, then press R to retry.' };
    case 'NotReadableError':
    case 'AbortError':
      return { problem: 'in_use', message: 'The camera is in use by another program or did not start. Close it, then press R to retry.' };
    default:
      return { problem: 'failed', message: `The camera could not be opened (${error instanceof Error ? error.message : String(error)}). Press R to retry.` };
  }
}
