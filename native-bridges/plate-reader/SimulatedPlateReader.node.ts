import type { Clock } from '../../app/ports/Clock';
import type { Unsubscribe } from '../../app/ports/DevicePort';
import type { Ids } from '../../app/ports/Ids';
import type { PlateReaderPort, PlateReadError } from '../../app/ports/PlateReaderPort';
import { plateReadInputSchema, type PlateRead, type VehiclePlate } from '../../app/ports/plateRead';
import type { EncodedImage } from '../../app/ports/documentRead';
import { SimulatedDevice } from '../simulator/SimulatedDevice';
import { PlateReadHub } from './PlateReadHub';
import { simulatedVehicles, type SimulatedVehicle } from './simulatedVehicles.node.ts';

export interface SimulatedPlateReaderOptions {
  readonly clock: Clock;
  readonly ids: Ids;
  readonly laneId?: string;
  readonly vehicles?: readonly SimulatedVehicle[];
}

/** A drawn plate (SVG), so the vehicle header has a plate image without any photograph. */
export function drawnPlateImage(plate: string, region: string): EncodedImage {
  const svg = [
    '<svg xmlns="http://www.w3.org/2000/svg" width="320" height="160" viewBox="0 0 320 160">',
    '<rect x="4" y="4" width="312" height="152" rx="12" fill="#f5f5f0" stroke="#223" stroke-width="6"/>',
    `<text x="160" y="40" font-family="sans-serif" font-size="22" text-anchor="middle" fill="#245">${region}</text>`,
    `<text x="160" y="115" font-family="monospace" font-size="64" font-weight="bold" text-anchor="middle" fill="#112">${plate}</text>`,
    '</svg>',
  ].join('');
  return { mediaType: 'image/svg+xml', base64: Buffer.from(svg).toString('base64') };
}

/**
 * A lane LPR camera playing scripted vehicles: each arrival sends the vehicle's reads (with their OCR
 * variants) through the same merging as the network reader, timestamped by the injected clock.
 */
export class SimulatedPlateReader extends SimulatedDevice<'plateReader'> implements PlateReaderPort {
  private readonly hub: PlateReadHub;
  private readonly vehicles: readonly SimulatedVehicle[];
  private next = 0;

  constructor(private readonly options: SimulatedPlateReaderOptions) {
    super({ kind: 'plateReader', id: 'sim-plate-reader', name: 'Plate reader (simulated)', clock: options.clock });
    this.vehicles = options.vehicles ?? simulatedVehicles;
    this.hub = new PlateReadHub(this.id, options.ids, options.clock);
  }
  onRead(listener: (read: PlateRead) => void): Unsubscribe {
    return this.hub.onRead(listener);
  }
  onVehicle(listener: (vehicle: VehiclePlate) => void): Unsubscribe {
    return this.hub.onVehicle(listener);
  }
  onReadError(listener: (error: PlateReadError) => void): Unsubscribe {
    return this.hub.onReadError(listener);
  }

  /** Drives the next scripted vehicle (or the one at `index`) past the camera; returns its reads. Nothing when unplugged. */
  arrive(index?: number): readonly PlateRead[] {
    const vehicle = this.vehicles[index ?? this.next % this.vehicles.length];
    if (!vehicle) throw new RangeError(`no simulated vehicle ${index}`);
    if (index === undefined) this.next++;
    if (!this.connected) return [];
    // A scripted arrival is a new visit: the car before it has driven on, even when it is the same car again.
    this.hub.laneCleared();
    const plateImage = drawnPlateImage(vehicle.plate, vehicle.region);
    const laneId = this.options.laneId ?? 'lane-1';
    return vehicle.reads.map((r) =>
      this.hub.accept(plateReadInputSchema.parse({ plate: r.plate, region: vehicle.region, confidence: r.confidence, timestamp: this.options.clock.now().toISOString(), laneId, plateImage }), 'simulated'),
    );
  }
}
