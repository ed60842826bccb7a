import { z } from 'zod';
import { cameraDescriptorSchema, type CameraDescriptor } from '../ports/cameraDescriptor';
import { plateReaderSettingSchema, recordsServiceSettingSchema, rfidReaderSettingSchema } from './laneDeviceSettings';
import { chipPolicySchema, defaultChipPolicy, movedChipSeverityNotice } from '../inspection/chipPolicy';
import { laneDirectionSchema } from './laneDirection';
import { faceModelsSettingSchema } from './faceModelsSetting';
import { DEFAULT_REAR_CAMERA_LAYOUT, vehicleLaneLayout } from '../scene/laneCameraLayout';

export const laneTypes = ['air', 'sea', 'pedestrian', 'vehicle'] as const;
export const laneTypeSchema = z.enum(laneTypes);
export type LaneType = z.infer<typeof laneTypeSchema>;

export const deviceModeSchema = z.enum(['sim', 'hardware']);
export type DeviceMode = z.infer<typeof deviceModeSchema>;

/**
 * The booth's MRZ reader in hardware mode: a swipe or page reader on a serial port, a keyboard-wedge reader
 * (it types into the booth window, so the host has nothing to open), or none.
 */
export const documentReaderSettingSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('serial'),
    /** e.g. /dev/ttyUSB0, /dev/serial/by-id/usb-..., COM3. */
    path: z.string().trim().min(1).max(200),
    baudRate: z.number().int().min(300).max(921_600).default(9600),
    /** Recorded with each read: a swipe reader or a page (flatbed) reader. */
    readerKind: z.enum(['swipe', 'page']).default('page'),
  }),
  z.object({ type: z.literal('keyboard') }),
  z.object({ type: z.literal('none') }),
]);
export type DocumentReaderSetting = z.infer<typeof documentReaderSettingSchema>;

/**
 * Each setting with its default. Settings are resolved field by field, so one bad value costs only that
 * value: the booth still starts, with the default, and says which field was wrong.
 */
const fieldSchemas = {
  boothId: z.string().trim().min(1).max(40).default('BOOTH-01'),
  laneType: laneTypeSchema.default('pedestrian'),
  /** Which way travellers cross at this lane: entry (as before directions existed) or exit; `--direction` overrides it. */
  direction: laneDirectionSchema.default('entry'),
  devices: deviceModeSchema.default('sim'),
  port: z.number().int().min(0).max(65535).default(5310),
  cameras: z
    .array(cameraDescriptorSchema)
    .max(8)
    .default([{ id: 'cam-traveller', label: 'Traveller camera', position: 'traveller' }]),
  /** Seconds between automatic simulated document reads; 0 means only on key press. */
  simulatedReadIntervalSeconds: z.number().min(0).max(3600).default(0),
  /** Days face images and templates of travellers other than U.S. citizens are kept (U.S. citizens': 12 hours, fixed). */
  retentionDays: z.number().int().min(1).max(3650).default(30),
  /** Minutes without a key press or pointer movement before the screen locks (the user signs in again to go on). */
  screenLockMinutes: z.number().min(1).max(60).default(5),
  /**
   * Consecutive failed sign-ins that lock an account (1-100: NIST SP 800-63B allows at most 100). Every failure
   * also makes the next attempt wait longer (1 s, 2 s, 4 s... up to 30 s), per account and per client.
   */
  signInLockoutFailures: z.number().int().min(1).max(100).default(10),
  /** Minutes an account stays locked after `signInLockoutFailures` failures (each failure after that locks it again). */
  signInLockoutMinutes: z.number().int().min(1).max(1440).default(15),
  /** Vehicle lanes: seconds between simulated vehicles arriving; 0 means only on key press (G). */
  simulatedVehicleIntervalSeconds: z.number().min(0).max(3600).default(0),
  /** Exit lanes: the port of departure whose exit gallery the booth asks the records service for. */
  exitPort: z.string().trim().min(1).max(100).default('Blaine, WA'),
  /** Vehicle lanes, hardware mode: the plate camera, the UHF card reader and the records service. */
  plateReader: plateReaderSettingSchema.default({ type: 'none' }),
  rfidReader: rfidReaderSettingSchema.default({ type: 'none' }),
  recordsService: recordsServiceSettingSchema.default({ type: 'none' }),
  /** Which MRZ reader the booth has (used with devices: "hardware"). */
  documentReader: documentReaderSettingSchema.default({ type: 'none' }),
  /**
   * Where Passive Authentication finds the CSCAs it chains Document Signers to: CSCA master lists (their own
   * signature is verified), certificate files or folders of them. Empty: the chain check is "not possible".
   */
  chipTrust: z.array(z.string().trim().min(1).max(500)).max(50).default([]),
  /**
   * What Passive Authentication must establish before a chip is "verified" (data groups read and hashed, a current
   * CRL). How a chip that cannot be verified is referred is the policy's (assets/policy).
   */
  chipPolicy: chipPolicySchema.default(defaultChipPolicy),
  /** The false-match rate face-match decisions are made at; the threshold comes from the model's calibration. */
  faceMatchTargetFmr: z.union([z.literal(0.01), z.literal(0.001), z.literal(0.0001), z.literal(0.00001)]).default(0.001),
  /**
   * The face models the booth runs, each a model manifest's path (absolute, or relative to the settings folder;
   * it may be an agency's folder outside the app). Unset: the shipped manifest. The host checks each model file
   * against its manifest's SHA-256 and prepares it at start; a set that fails is not used (the last working set is).
   */
  faceModels: faceModelsSettingSchema.default({}),
  /** Presentation-attack detection on each track's best shot: 'off', or 'flag' (a reason on the occupant card, never a silent pass). */
  presentationAttackDetection: z.enum(['off', 'flag']).default('off'),
} as const;

export type BoothSettings = { readonly [K in keyof typeof fieldSchemas]: z.output<(typeof fieldSchemas)[K]> };

export interface ResolvedSettings {
  readonly settings: BoothSettings;
  /** One sentence per rejected or unknown field, naming it; empty when the settings were clean. */
  readonly problems: readonly string[];
}

/**
 * The cameras of a vehicle lane when none are configured: the driver-side camera for the front row and the rear
 * cameras of the lane's default layout, each with its geometry and the seats it is aimed at (app/scene/laneCameraLayout.ts).
 */
export const vehicleLaneCameras: readonly CameraDescriptor[] = vehicleLaneLayout(DEFAULT_REAR_CAMERA_LAYOUT, 'cam-').map((camera) => ({ ...camera, seats: [...camera.seats] }));

/**
 * The settings for another lane type (command line `--lane`): cameras left at their default follow the lane,
 * since a vehicle lane looks at the driver's side and the rear seats; configured cameras are kept.
 */
export function withLaneType(settings: BoothSettings, laneType: LaneType): BoothSettings {
  const travellerDefault = fieldSchemas.cameras.parse(undefined);
  const camerasAreDefault = JSON.stringify(settings.cameras) === JSON.stringify(travellerDefault) || JSON.stringify(settings.cameras) === JSON.stringify(vehicleLaneCameras);
  if (!camerasAreDefault) return { ...settings, laneType };
  return { ...settings, laneType, cameras: laneType === 'vehicle' ? [...vehicleLaneCameras] : travellerDefault };
}

export const defaultSettings: BoothSettings = resolveSettings({}).settings;

/** Validates raw settings (parsed JSON, or anything) and falls back to the default for each bad field. */
export function resolveSettings(raw: unknown): ResolvedSettings {
  const problems: string[] = [];
  let source: Record<string, unknown> = {};
  if (raw !== undefined && raw !== null) {
    if (typeof raw === 'object' && !Array.isArray(raw)) source = raw as Record<string, unknown>;
    else problems.push('settings: expected an object of settings; all defaults used');
  }
  const settings: Record<string, unknown> = {};
  for (const [field, schema] of Object.entries(fieldSchemas)) {
    const parsed = (schema as z.ZodType).safeParse(source[field]);
    if (parsed.success) {
      settings[field] = parsed.data;
    } else {
      settings[field] = (schema as z.ZodType).parse(undefined);
      const issue = parsed.error.issues[0];
      const where = issue && issue.path.length > 0 ? `${field}.${issue.path.join('.')}` : field;
      problems.push(`${where}: ${issue?.message ?? 'invalid'}; default ${JSON.stringify(settings[field])} used`);
    }
  }
  for (const field of Object.keys(source)) {
    if (!(field in fieldSchemas)) problems.push(`${field}: not a known setting; ignored`);
  }
  const chip = source.chipPolicy;
  if (typeof chip === 'object' && chip !== null && 'notVerifiableSeverity' in chip) problems.push(movedChipSeverityNotice);
  const resolved = settings as BoothSettings;
  return { settings: source.cameras === undefined ? withLaneType(resolved, resolved.laneType) : resolved, problems };
}
