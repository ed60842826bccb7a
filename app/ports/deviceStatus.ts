import { z } from 'zod';

/** Every kind of device or outside service the booth depends on; each has a status light in the header. */
export const deviceKinds = ['camera', 'documentReader', 'chipReader', 'plateReader', 'rfidReader', 'recordsService'] as const;
export const deviceKindSchema = z.enum(deviceKinds);
export type DeviceKind = z.infer<typeof deviceKindSchema>;

export const deviceStatusSchema = z.object({
  kind: deviceKindSchema,
  /** Stable id of this device instance (several cameras may exist). */
  id: z.string().min(1).max(100),
  /** Name an officer recognises, e.g. "Passport reader (simulated)". */
  name: z.string().min(1).max(200),
  connected: z.boolean(),
  /** Why it is disconnected, or what it is doing; shown as a tooltip and in the device list. */
  detail: z.string().max(500).optional(),
  /** When the connection state last changed (ISO 8601). */
  since: z.iso.datetime(),
});
export type DeviceStatus = z.infer<typeof deviceStatusSchema>;

/** Human labels for device kinds, shared by the UI and CLI messages. */
export const deviceKindLabels: Readonly<Record<DeviceKind, string>> = {
  camera: 'Cameras',
  documentReader: 'Document reader',
  chipReader: 'Chip reader',
  plateReader: 'Plate reader',
  rfidReader: 'RFID reader',
  recordsService: 'Records service',
};
