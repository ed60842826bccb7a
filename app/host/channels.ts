import { z } from 'zod';
import { cameraDescriptorSchema } from '../ports/cameraDescriptor';
import { deviceKindSchema, deviceStatusSchema } from '../ports/deviceStatus';
import { documentReadSchema, imageSchema } from '../ports/documentRead';
import { chipReportSchema } from '../ports/chipReport';
import { boothInfoSchema } from './boothInfo';
import { signedInUserSchema } from './signedInUser';
import { decisionSyncChannelDoc, decisionSyncReplySchema, decisionSyncRequestSchema } from './decisionSyncChannel';
import { wedgeReadChannelDoc, wedgeReadReplySchema, wedgeReadRequestSchema } from './wedgeReadChannel';
import { simulatedChipFaultsSchema, simulatedVehicleArrivalSchema } from './simulatorControls';
import { cameraSceneSchema } from '../ports/cameraScene';
import { laneSessionSchema } from '../inspection/laneSession';
import { trainingProgressSchema, trainingRunStateSchema, trainingScenarioSummarySchema } from '../training/trainingProgress';
import { trainingScenarioNameSchema } from '../training/trainingScenario';
import { trainingAlertReportSchema, trainingDebriefSchema, trainingDecisionReportSchema, trainingDepartureReportSchema, trainingRunIdSchema, trainingRunSummarySchema } from '../training/trainingDebrief';
import { signInActivitySchema } from './signInActivity';
import { boothAuditAnchorSchema } from '../audit/auditAnchor';
import { departureGalleryResponseSchema } from '../ports/departureGallery';
import { simulatedExitArrivalSchema } from './exitSimulatorControls';
import { activeModelSetSchema, modelSetOriginSchema } from '../biometrics/modelSet';

/**
 * THE contract between the renderer and the host (Electron main or the Node host): every channel, once,
 * with the schema of its request and reply. The preload bridge, ipcMain registration, the Node host and
 * the renderer's HostClient all derive from this table; nothing else declares a channel.
 */
const channel = <Req extends z.ZodType, Rep extends z.ZodType>(definition: { request: Req; reply: Rep; doc: string }) => definition;

const noArguments = z.object({}).strict();

export const channels = {
  'app:getInfo': channel({ doc: 'Booth id, lane, officer, device mode, settings problems.', request: noArguments, reply: boothInfoSchema }),
  'models:active': channel({
    doc: "The face models this booth runs, as verified and served by the host (each manifest's file is where the host serves it), where they came from and why the configured set is not running.",
    request: noArguments,
    reply: activeModelSetSchema,
  }),
  'models:loadFailed': channel({
    doc: 'The vision worker could not load the set of `origin` (the error in `message`): the host falls back to the last working set (or the shipped one) and answers the set to load now, its notices saying why; an error when the shipped set itself failed.',
    request: z.object({ origin: modelSetOriginSchema, message: z.string().min(1).max(2000) }).strict(),
    reply: activeModelSetSchema,
  }),
  'devices:list': channel({ doc: 'Current status of every device and service.', request: noArguments, reply: z.array(deviceStatusSchema) }),
  'cameras:list': channel({ doc: 'The configured booth cameras and where they look.', request: noArguments, reply: z.array(cameraDescriptorSchema) }),
  'cameras:scenes': channel({ doc: 'What each simulated camera is shown (empty with real cameras).', request: noArguments, reply: z.array(cameraSceneSchema) }),
  'lane:current': channel({ doc: "The lane's current vehicle or traveller as the devices and records know it, or null before the first.", request: noArguments, reply: laneSessionSchema.nullable() }),
  'auth:signIn': channel({
    doc: 'Signs a user in with their local account (also unlocks a locked screen). Fails with bad_credentials; refused unchecked with sign_in_throttled (too soon after failures) or account_locked.',
    request: z.object({ userId: z.string().trim().min(1).max(40), password: z.string().min(1).max(200) }).strict(),
    reply: signedInUserSchema,
  }),
  'auth:signOut': channel({
    doc: "Signs out whoever signed in on this connection (the screen's sign-out, a change of user, a window that opens with nobody signed in): the host's role checks refuse the connection until its next sign-in. Answers who was signed out (null: nobody was).",
    request: noArguments,
    reply: z.strictObject({ userId: z.string().max(40).nullable() }),
  }),
  'auth:signInActivity': channel({
    doc: "Supervisors' view of sign-in guessing: failed and refused sign-ins of the last 24 hours and the accounts locked now.",
    request: noArguments,
    reply: signInActivitySchema,
  }),
  'audit:anchor': channel({
    doc: "The records service's latest audit anchor for this booth (the head its synced decisions carried), null before any; device_unavailable when the service cannot be asked.",
    request: noArguments,
    reply: boothAuditAnchorSchema.nullable(),
  }),
  'documents:wedgeRead': channel({ doc: wedgeReadChannelDoc, request: wedgeReadRequestSchema, reply: wedgeReadReplySchema }),
  'decisions:sync': channel({ doc: decisionSyncChannelDoc, request: decisionSyncRequestSchema, reply: decisionSyncReplySchema }),
  'storage:getKey': channel({
    doc: "The 256-bit key that encrypts personal and biometric data in the renderer's IndexedDB (held by the main process, never stored beside the data).",
    request: noArguments,
    reply: z.object({ key: z.base64().length(44) }),
  }),
  'chip:readAgain': channel({
    doc: "Reads the chip of the last document read again (after the officer re-seats the passport). The report also joins the document in the lane session (lane:onSession).",
    request: noArguments,
    reply: chipReportSchema,
  }),
  'sim:setChipFaults': channel({
    doc: 'Simulator control: faults for the next simulated passports (clone, altered data groups, forged or missing SOD).',
    request: simulatedChipFaultsSchema,
    reply: simulatedChipFaultsSchema,
  }),
  'sim:setDeviceConnected': channel({
    doc: 'Simulator control (trainers, tests): plug or unplug a simulated device. Fails with not_supported on real devices.',
    request: z.object({ kind: deviceKindSchema, connected: z.boolean() }).strict(),
    reply: deviceStatusSchema,
  }),
  'sim:readDocument': channel({
    doc: "Simulator control: the simulated reader reads the next scripted traveller's document (or the one at `traveller`), optionally with a trainer's own portrait photo (also stored on the simulated chip when JPEG).",
    request: z.object({ traveller: z.number().int().min(0).max(999).optional(), photo: imageSchema.optional() }).strict(),
    reply: documentReadSchema,
  }),
  'sim:vehicleArrives': channel({
    doc: 'Simulator control (vehicle lanes): the next scripted vehicle (or the one at `vehicle`) arrives: plate reads, RFID cards, documents at the window, occupants in front of the cameras.',
    request: simulatedVehicleArrivalSchema,
    reply: z.object({ label: z.string(), plate: z.string(), occupants: z.number().int() }),
  }),
  'exit:gallery': channel({
    doc: "Exit lanes: the travellers expected to leave through this booth's port and lane (the records service's exit gallery, photos inline). device_unavailable when the records service cannot be asked.",
    request: noArguments,
    reply: departureGalleryResponseSchema,
  }),
  'sim:exitArrives': channel({
    doc: 'Simulator control (exit lanes): a scripted departure: the exit gallery is given real faces, the occupants (or the one traveller) appear on the cameras and, in a vehicle lane, the plate is read. Nobody hands over papers.',
    request: simulatedExitArrivalSchema,
    reply: z.object({ label: z.string(), plate: z.string().nullable(), occupants: z.number().int() }),
  }),
  'training:list': channel({ doc: 'Trainer control (trainer role): the built-in training scenarios (assets/scenarios).', request: noArguments, reply: z.array(trainingScenarioSummarySchema) }),
  'training:progress': channel({
    doc: "Trainer control (trainer role): the scenario player's state, current step and open run with its live score (refetch on training:onProgress). Fails with not_permitted for other roles: the steps and the score tell what each traveller is expected to get.",
    request: noArguments,
    reply: trainingProgressSchema,
  }),
  'training:run': channel({
    doc: "Whether a training run is open at the booth, and which (also pushed as training:onProgress); every booth window reads it, since a decision made while a run is open is a training decision marked with the run. Nothing of the scenario, its steps or score.",
    request: noArguments,
    reply: trainingRunStateSchema,
  }),
  'training:start': channel({
    doc: "Trainer control (trainer role): starts the built-in scenario `scenario` from its first step as a new scored run (or restarts the loaded one), for `trainee` (default: whoever decides first). Fails with not_permitted for other roles, not_supported on real devices or when the scenario is for another lane, invalid_request naming the built-in scenarios for an unknown name.",
    request: z.strictObject({ scenario: trainingScenarioNameSchema.optional(), trainee: z.string().trim().min(1).max(40).optional() }),
    reply: trainingProgressSchema,
  }),
  'training:stop': channel({ doc: 'Trainer control (trainer role): stops the scenario playing and ends its run (the debrief is final); steps not yet played do not happen.', request: noArguments, reply: trainingProgressSchema }),
  'training:decided': channel({
    doc: "The booth recorded a training decision (kept and audited as training, never synced): the open run scores it (the score is the trainers'; the reply says only whether the run is open). Fails with not_permitted when nobody is signed in on this connection, invalid_request when the run is not the open one.",
    request: trainingDecisionReportSchema,
    reply: trainingRunStateSchema,
  }),
  'training:departed': channel({
    doc: "An exit lane recorded a training confirmation (kept and audited as training, never sent): what it did with each occupant, scored by the open run against the scenario's expected departures (the reply says only whether the run is open). not_permitted when nobody is signed in on this connection, invalid_request when the run is not the open one.",
    request: trainingDepartureReportSchema,
    reply: trainingRunStateSchema,
  }),
  'training:alerted': channel({
    doc: 'In a training run the trainee tried to clear a mandatory referral: the (simulated) supervisor alert, counted in the score (the reply says only whether the run is open). Fails with not_permitted when nobody is signed in on this connection, invalid_request when the run is not the open one.',
    request: trainingAlertReportSchema,
    reply: trainingRunStateSchema,
  }),
  'training:debrief': channel({
    doc: "A run's debrief (score, each expected traveller with what happened and the evidence on screen, times, what to practise): the current run's when `runId` is left out (live while open). Trainers see every run; others only their own as trainee (not_permitted).",
    request: z.strictObject({ runId: trainingRunIdSchema.optional() }),
    reply: trainingDebriefSchema,
  }),
  'training:runs': channel({
    doc: 'Trainer control (trainer role): the run history, newest first, of one trainee or all, with files that could not be read.',
    request: z.strictObject({ trainee: z.string().trim().min(1).max(40).optional() }),
    reply: z.strictObject({ runs: z.array(trainingRunSummarySchema).max(10_000), problems: z.array(z.string().max(2000)).max(1000) }),
  }),
} as const;

export type Channels = typeof channels;
export type ChannelName = keyof Channels;
export type RequestOf<C extends ChannelName> = z.input<Channels[C]['request']>;
export type ReplyOf<C extends ChannelName> = z.output<Channels[C]['reply']>;

export const channelNames = Object.keys(channels) as readonly ChannelName[];

export function isChannelName(name: unknown): name is ChannelName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(channels, name);
}
