import type { Occupant } from '../../../app/inspection/assembleVehicleSession';

/** What the officer reads for how an occupant's face and papers were put together (occupant cards, booth decision). */
export const occupantStatusText: Readonly<Record<Occupant['status'], string>> = {
  matched: 'Face matched to papers',
  face_mismatch: 'Face does NOT match these papers: possible impostor',
  not_compared: 'Face NOT verified: no reference photo to compare it with',
  face_without_identity: 'Face with NO matching document, card or record',
  identity_without_face: 'Papers with NO matching face: not captured by the cameras',
  opted_out: 'Opted out of photography: inspect the document by hand',
};
