import { cardsForVehicle } from '../../app/inspection/laneSessionWindow';
import { maxSessionCards, maxSessionDocuments, type LaneSession } from '../../app/inspection/laneSession';
import { lookupSessionRecords } from '../../app/inspection/lookupSessionRecords';
import { RecentCardReads } from '../../app/inspection/recentCardReads';
import type { ChipReport } from '../../app/ports/chipReport';
import type { Clock } from '../../app/ports/Clock';
import type { DocumentRead } from '../../app/ports/documentRead';
import type { Ids } from '../../app/ports/Ids';
import type { VehiclePlate } from '../../app/ports/plateRead';
import type { RecordsPort } from '../../app/ports/RecordsPort';
import type { RfidCardRead } from '../../app/ports/rfidRead';
import type { LaneType } from '../../app/settings/boothSettings';
import type { LaneDirection } from '../../app/settings/laneDirection';

export interface LaneSessionServiceOptions {
  readonly laneId: string;
  readonly laneType: LaneType;
  readonly direction: LaneDirection;
  readonly records: Pick<RecordsPort, 'findTravellersByDocument' | 'findTravellersByRfid' | 'findVehiclesByPlate'>;
  readonly clock: Clock;
  readonly ids: Ids;
  /** Every change of the current session (the host forwards it as lane:onSession). */
  readonly onChange: (session: LaneSession) => void;
  /** Told when a read is left out of a full session (once per session and kind); default: console.warn. */
  readonly warn?: (message: string) => void;
}

/**
 * Gathers what the lane's devices report into the current session: in a vehicle lane a new plate opens a
 * session and cards, documents and chips join it; in other lanes each document read is a new traveller.
 * Records are looked up after every change (one lookup at a time; changes during a lookup cause one more),
 * and the session is published before and after, so the officer sees the reads at once and the records
 * when they come. A records outage is part of the session, never a thrown error. A session holds at most what
 * the contract allows (maxSessionCards, maxSessionDocuments): reads beyond are left out with a warning, so the
 * session the officer sees stays valid instead of failing the contract's schema.
 */
export class LaneSessionService {
  private session: LaneSession | undefined;
  private readonly recentCards = new RecentCardReads();
  /** The kinds of read already warned about as left out of one session (the current one). */
  private warned = { sessionId: '', kinds: new Set<'cards' | 'documents'>() };
  private lookup: Promise<void> | undefined;
  private lookupAgain = false;

  constructor(private readonly options: LaneSessionServiceOptions) {}

  current(): LaneSession | null {
    return this.session ?? null;
  }

  /** A merged plate (PlateReaderPort.onVehicle): a new vehicle opens a session, the same one updates it. */
  plateRead(plate: VehiclePlate): void {
    if (this.options.laneType !== 'vehicle') return;
    const session = this.session;
    if (session?.plate?.vehicleId === plate.vehicleId) {
      this.update({ ...session, plate });
      return;
    }
    // A card read belongs to one vehicle: those the previous vehicle took are not offered to the next.
    const taken = new Set(session?.rfidCards.map((c) => c.readId));
    const cards = cardsForVehicle(plate, this.recentCards.waiting(this.options.clock.now(), taken));
    const next = { ...this.emptySession(plate.firstReadAt), plate, rfidCards: cards.slice(0, maxSessionCards) };
    if (cards.length > maxSessionCards) this.warnFull(next, 'cards', `${cards.length - maxSessionCards} of its ${cards.length} card reads`);
    this.update(next);
  }

  /** A de-duplicated card read: joins the current vehicle when it falls in its window, else waits for one. */
  cardRead(card: RfidCardRead): void {
    if (this.options.laneType !== 'vehicle') return;
    this.recentCards.add(card, this.options.clock.now());
    const session = this.session;
    if (!session?.plate || session.rfidCards.some((c) => c.reference === card.reference)) return;
    if (cardsForVehicle(session.plate, [card]).length === 0) return;
    if (session.rfidCards.length >= maxSessionCards) return this.warnFull(session, 'cards', `card ${card.readId}`);
    this.update({ ...session, rfidCards: [...session.rfidCards, card] });
  }

  /**
   * The next traveller stepped up to a lane without a plate (pedestrian, air, sea) and handed over nothing: at exit
   * they are identified by face against the lane's gallery. A fresh session: nothing of the previous traveller
   * carries over. Vehicle lanes open sessions on plates only.
   */
  travellerArrived(): void {
    if (this.options.laneType === 'vehicle') return;
    this.update(this.emptySession(this.options.clock.now().toISOString()));
  }

  /**
   * A document read at the window (vehicle lanes), or the next traveller (every other lane); at an exit lane, a
   * document the traveller who just stepped up presents joins their session (their face was searched already).
   */
  documentRead(read: DocumentRead): void {
    const session = this.session;
    const presentedAtExit = this.options.direction === 'exit' && session?.documents.length === 0;
    if ((this.options.laneType === 'vehicle' || presentedAtExit) && session) {
      if (session.documents.some((d) => d.read.readId === read.readId)) return;
      if (session.documents.length >= maxSessionDocuments) return this.warnFull(session, 'documents', `document read ${read.readId}`);
      this.update({ ...session, documents: [...session.documents, { read }] });
      return;
    }
    this.update({ ...this.emptySession(read.readAt), documents: [{ read }] });
  }

  /** A chip report joins the document whose MRZ opened the chip (a re-read replaces the earlier report). */
  chipRead(report: ChipReport): void {
    const session = this.session;
    if (!session || !report.documentReadId) return;
    const index = session.documents.findIndex((d) => d.read.readId === report.documentReadId);
    if (index < 0) return;
    const documents = session.documents.map((d, i) => (i === index ? { ...d, chip: report } : d));
    this.update({ ...session, documents });
  }

  /** Resolves when no records lookup is in flight (tests and the lane benchmark wait on it). */
  async settled(): Promise<void> {
    while (this.lookup) await this.lookup;
  }

  private warnFull(session: LaneSession, kind: 'cards' | 'documents', what: string): void {
    if (this.warned.sessionId !== session.sessionId) this.warned = { sessionId: session.sessionId, kinds: new Set() };
    if (this.warned.kinds.has(kind)) return;
    this.warned.kinds.add(kind);
    const limit = kind === 'cards' ? maxSessionCards : maxSessionDocuments;
    const warn = this.options.warn ?? ((message: string) => console.warn(`[booth] ${message}`));
    warn(`session ${session.sessionId} holds at most ${limit} ${kind === 'cards' ? 'card reads' : 'documents'}: ${what} not added, nor any further ones (more than a vehicle carries: check the reader)`);
  }

  private emptySession(arrivedAt: string): LaneSession {
    return {
      sessionId: this.options.ids.next('session'),
      laneId: this.options.laneId,
      laneType: this.options.laneType,
      direction: this.options.direction,
      arrivedAt,
      rfidCards: [],
      documents: [],
      records: { travellers: [] },
      recordsPending: true,
    };
  }

  private update(session: LaneSession): void {
    this.session = { ...session, recordsPending: true };
    this.options.onChange(this.session);
    if (this.lookup) {
      this.lookupAgain = true;
      return;
    }
    this.lookup = this.lookUpRecords()
      .catch((error: unknown) => console.error('[booth] records lookup failed:', error))
      .finally(() => (this.lookup = undefined));
  }

  private async lookUpRecords(): Promise<void> {
    do {
      this.lookupAgain = false;
      const asked = this.session;
      if (!asked) return;
      const records = await lookupSessionRecords(this.options.records, asked, this.options.clock.now());
      const now = this.session;
      // A newer session (next vehicle) must not receive the previous one's records.
      if (!now || now.sessionId !== asked.sessionId) continue;
      this.session = { ...now, records, recordsPending: this.lookupAgain };
      this.options.onChange(this.session);
    } while (this.lookupAgain);
  }
}
