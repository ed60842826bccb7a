import type { DispatchCaller, HandlersOf } from '../../../app/host/dispatch';
import { HostFailure } from '../../../app/host/result';
import { simulatorRefusal, type SimulatorChannel } from '../../../app/host/simulatorAccess';
import type { BoothSettings } from '../../../app/settings/boothSettings';
import type { BoothDevices } from '../BoothDevices';
import type { DocumentIntake } from '../DocumentIntake';
import type { HostAuditLog } from '../HostAuditLog';
import type { SignedInCallers } from '../SignedInCallers';

export interface SimulatorHandlerDeps {
  readonly devices: BoothDevices;
  readonly intake: DocumentIntake;
  readonly settings: BoothSettings;
  /** Who is signed in on each connection: the controls are a trainer's (app/host/simulatorAccess.ts). */
  readonly callers: SignedInCallers;
  /** Whether a training run is open now (a trainee may not steer it). */
  readonly trainingRunOpen: () => boolean;
  readonly audit: HostAuditLog;
}

/**
 * `sim:*`: the simulator controls trainers and tests use. A booth on real devices refuses them all (not_supported);
 * a simulated one answers only the roles app/host/simulatorAccess.ts names, on the connection they signed in on, and
 * audits every call from outside the host (done or refused, with the connection and who was signed in on it) before
 * answering. In-process calls (the host's own code, tests) are the host's and pass.
 */
export function simulatorHandlers({ devices, intake, settings, callers, trainingRunOpen, audit }: SimulatorHandlerDeps): HandlersOf<'sim'> {
  const controlled =
    <Request, Reply>(channel: SimulatorChannel, act: (request: Request) => Reply | Promise<Reply>, details: (request: Request) => Record<string, string | boolean | number> = () => ({})) =>
    async (request: Request, caller: DispatchCaller): Promise<Reply> => {
      if (!devices.simulator) throw new HostFailure('not_supported', 'Simulator controls are available only with --devices=sim.');
      if (caller.transport === 'in-process') return act(request);
      const user = callers.userOf(caller);
      const refusal = simulatorRefusal(channel, user?.role ?? null, trainingRunOpen());
      const event = { action: 'simulator_control', channel, details: details(request) } as const;
      if (refusal) {
        await audit.record(caller, user, { ...event, outcome: 'refused', reason: refusal });
        throw new HostFailure('not_permitted', refusal);
      }
      await audit.record(caller, user, { ...event, outcome: 'done' });
      return act(request);
    };
  const simulator = () => {
    if (!devices.simulator) throw new HostFailure('not_supported', 'Simulator controls are available only with --devices=sim.');
    return devices.simulator;
  };
  return {
    'sim:setChipFaults': controlled('sim:setChipFaults', (faults) => simulator().setChipFaults(faults), (faults) => ({ clone: faults.clone, sod: faults.sod, alteredDataGroups: faults.alteredDataGroups.join(',') })),
    'sim:setDeviceConnected': controlled('sim:setDeviceConnected', ({ kind, connected }) => simulator().setConnected(kind, connected), ({ kind, connected }) => ({ kind, connected })),
    'sim:readDocument': controlled(
      'sim:readDocument',
      ({ traveller, photo }) => {
        const controls = simulator();
        if (!devices.documentReader.status().connected) throw new HostFailure('device_unavailable', 'The document reader is disconnected.');
        return controls.readDocument(traveller, photo);
      },
      ({ traveller, photo }) => ({ ...(traveller !== undefined ? { traveller } : {}), photo: photo !== undefined }),
    ),
    'sim:vehicleArrives': controlled('sim:vehicleArrives', (arrival) => {
      const controls = simulator();
      if (settings.laneType !== 'vehicle') throw new HostFailure('not_supported', `Vehicles arrive only in a vehicle lane; this booth's laneType is "${settings.laneType}".`);
      return intake.vehicleArrives(controls, arrival);
    }),
    'sim:exitArrives': controlled('sim:exitArrives', (arrival) => intake.exitArrives(simulator(), arrival)),
  };
}
