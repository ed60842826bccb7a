import type { ChipReport } from '../../app/ports/chipReport';
import type { DocumentRead } from '../../app/ports/documentRead';
import type { DocumentReaderPort } from '../../app/ports/DocumentReaderPort';
import type { SimulatedExitArrival } from '../../app/host/exitSimulatorControls';
import type { SimulatedVehicleArrival } from '../../app/host/simulatorControls';
import { HostFailure } from '../../app/host/result';
import type { SimulatorControls } from './BoothDevices';
import type { ExitArrivalSummary } from './simulatedExitArrival';
import type { ChipInspectionService } from './chipInspectionService';
import type { LaneSessionService } from './laneSessionService';

export interface DocumentIntakeOptions {
  readonly documentReader: DocumentReaderPort;
  readonly chip: ChipInspectionService;
  readonly lane: LaneSessionService;
  /** In simulation, the same traveller's passport is placed on the chip reader before its chip is read. */
  readonly simulator?: SimulatorControls;
}

/**
 * Every document read, whichever reader it came from (the document reader, a keyboard wedge), enters here:
 * it is given to the lane session (published to the renderer as lane:onSession), and its chip read and inspected,
 * the report joining the session; each inspection is tracked until done.
 */
export class DocumentIntake {
  private lastRead: DocumentRead | undefined;
  /** The chip inspection of each document read in progress, so a simulated vehicle can hand over the next document after it. */
  private readonly inspections = new Map<string, Promise<void>>();

  constructor(private readonly options: DocumentIntakeOptions) {}

  accept(read: DocumentRead): void {
    const inspection = this.onRead(read)
      .catch((error: unknown) => console.error('[booth] chip inspection failed:', error))
      .finally(() => this.inspections.delete(read.readId));
    this.inspections.set(read.readId, inspection);
  }

  /** Reads the chip of the last document read again (the officer re-seated the passport). */
  async readChipAgain(): Promise<ChipReport> {
    if (!this.lastRead) throw new HostFailure('device_unavailable', 'Read the document first: its MRZ opens the chip.');
    return this.inspectChip(this.lastRead);
  }

  /** Plays a simulated vehicle; each document is handed over after the previous one's chip was read. */
  vehicleArrives(controls: SimulatorControls, arrival: SimulatedVehicleArrival) {
    return controls.vehicleArrives(arrival, async (traveller, photo) => {
      if (!this.options.documentReader.status().connected) return;
      const read = controls.readDocument(traveller, photo);
      await this.inspections.get(read.readId);
    });
  }

  /**
   * Plays a scripted departure: its faces on the cameras, then, in a lane without a plate, the traveller's own fresh
   * lane session (a vehicle's opens on its plate).
   */
  exitArrives(controls: SimulatorControls, arrival: SimulatedExitArrival): ExitArrivalSummary {
    return this.departing(controls.exitArrives(arrival));
  }

  /** A training scenario's departure (its own people's faces): played as a scripted one, its own session and all. */
  departCast(controls: SimulatorControls, ...cast: Parameters<SimulatorControls['departCast']>): ExitArrivalSummary {
    return this.departing(controls.departCast(...cast));
  }

  /** In a lane without a plate the departing traveller gets a fresh lane session (a vehicle's opens on its plate). */
  private departing(summary: ExitArrivalSummary): ExitArrivalSummary {
    this.options.lane.travellerArrived();
    return summary;
  }

  /** Resolves once every chip inspection in progress has ended. */
  async settled(): Promise<void> {
    await Promise.allSettled(this.inspections.values());
  }

  /** A document was read: into the lane session, then read its chip (in simulation, the same traveller's passport is placed first). */
  private async onRead(read: DocumentRead): Promise<void> {
    this.lastRead = read;
    this.options.lane.documentRead(read);
    await this.options.simulator?.placePassportFor(read);
    if (this.lastRead === read) await this.inspectChip(read);
  }

  private async inspectChip(read: DocumentRead): Promise<ChipReport> {
    const report = await this.options.chip.inspect(read);
    this.options.lane.chipRead(report);
    return report;
  }
}
