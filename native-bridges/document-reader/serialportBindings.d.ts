// @serialport/binding-mock and @serialport/bindings-interface ship types that their package.json "exports"
// hide from TypeScript's Bundler resolution. These are the parts of them the simulated reader uses,
// copied from their dist/index.d.ts (binding-mock 10.2, bindings-interface 1.2).

declare module '@serialport/bindings-interface' {
  export interface PortInfo {
    path: string;
    manufacturer: string | undefined;
    serialNumber: string | undefined;
    pnpId: string | undefined;
    locationId: string | undefined;
    productId: string | undefined;
    vendorId: string | undefined;
  }
  export interface OpenOptions {
    path: string;
    baudRate: number;
    dataBits?: 5 | 6 | 7 | 8;
    lock?: boolean;
    stopBits?: 1 | 1.5 | 2;
    parity?: string;
    rtscts?: boolean;
    xon?: boolean;
    xoff?: boolean;
    xany?: boolean;
    hupcl?: boolean;
  }
  export interface UpdateOptions {
    baudRate: number;
  }
  export interface SetOptions {
    brk?: boolean;
    cts?: boolean;
    dsr?: boolean;
    dtr?: boolean;
    rts?: boolean;
    lowLatency?: boolean;
  }
  export interface PortStatus {
    cts: boolean;
    dsr: boolean;
    dcd: boolean;
  }
  export interface BindingPortInterface {
    readonly openOptions: Required<OpenOptions>;
    isOpen: boolean;
    close(): Promise<void>;
    read(buffer: Buffer, offset: number, length: number): Promise<{ buffer: Buffer; bytesRead: number }>;
    write(buffer: Buffer): Promise<void>;
    update(options: UpdateOptions): Promise<void>;
    set(options: SetOptions): Promise<void>;
    get(): Promise<PortStatus>;
    getBaudRate(): Promise<{ baudRate: number }>;
    flush(): Promise<void>;
    drain(): Promise<void>;
  }
  export interface BindingInterface<T extends BindingPortInterface = BindingPortInterface> {
    list(): Promise<PortInfo[]>;
    open(options: OpenOptions): Promise<T>;
  }
}

declare module '@serialport/binding-mock' {
  import type { BindingInterface, BindingPortInterface, OpenOptions } from '@serialport/bindings-interface';
  export interface CreatePortOptions {
    echo?: boolean;
    record?: boolean;
    readyData?: Buffer;
    maxReadSize?: number;
    manufacturer?: string;
    vendorId?: string;
    productId?: string;
  }
  export interface MockPortBinding extends BindingPortInterface {
    readonly openOptions: Required<OpenOptions>;
    emitData(data: Buffer | string): void;
  }
  export interface MockBindingInterface extends BindingInterface<MockPortBinding> {
    reset(): void;
    createPort(path: string, options?: CreatePortOptions): void;
  }
  export const MockBinding: MockBindingInterface;
}
