import type { Clock } from '../../app/ports/Clock';
import type { Unsubscribe } from '../../app/ports/DevicePort';
import type { Ids } from '../../app/ports/Ids';
import type { PlateReadError } from '../../app/ports/PlateReaderPort';
import type { PlateRead, PlateReadInput, VehiclePlate } from '../../app/ports/plateRead';
import { PlateReadMerger, type PlateMergeOptions } from '../../app/inspection/plateReadMerger';
import { Emitter } from '../../app/shared/event';

/**
 * What every plate reader does after parsing: number the read, tell read listeners, merge it into its
 * vehicle and tell vehicle listeners when the vehicle is new or its best read improved. Shared by the
 * network adapter and the simulator so both merge exactly alike.
 */
export class PlateReadHub {
  private readonly reads = new Emitter<PlateRead>('plate reads');
  private readonly vehicleChanges = new Emitter<VehiclePlate>('vehicle plates');
  private readonly readErrors = new Emitter<PlateReadError>('plate read errors');
  private readonly merger: PlateReadMerger;
  private lastReadAt: string | undefined;

  constructor(
    private readonly readerId: string,
    private readonly ids: Ids,
    private readonly clock: Clock,
    merge: Partial<PlateMergeOptions> = {},
  ) {
    this.merger = new PlateReadMerger(ids, merge);
  }

  onRead(listener: (read: PlateRead) => void): Unsubscribe {
    return this.reads.event(listener);
  }

  onVehicle(listener: (vehicle: VehiclePlate) => void): Unsubscribe {
    return this.vehicleChanges.event(listener);
  }

  onReadError(listener: (error: PlateReadError) => void): Unsubscribe {
    return this.readErrors.event(listener);
  }

  /** Takes a parsed read; returns it numbered. A listener that throws cannot stop the others or the server. */
  accept(input: PlateReadInput, source: PlateRead['source']): PlateRead {
    const read: PlateRead = { ...input, readId: this.ids.next('plate-read'), readerId: this.readerId, source };
    this.lastReadAt = this.clock.now().toISOString();
    const { vehicle, changed } = this.merger.add(read);
    this.reads.fire(read);
    if (changed) this.vehicleChanges.fire(vehicle);
    return read;
  }

  reject(error: PlateReadError): void {
    this.readErrors.fire(error);
  }

  /** When the last read arrived (booth clock), for the status detail. */
  get lastRead(): string | undefined {
    return this.lastReadAt;
  }

  /** See PlateReadMerger.laneCleared. */
  laneCleared(): void {
    this.merger.laneCleared();
  }

  vehicles(): readonly VehiclePlate[] {
    return this.merger.vehicles();
  }
}
