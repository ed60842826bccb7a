import { z } from 'zod';

/** Which interface a host listens on or a service lives at: a name or an address, no scheme, no path. */
const hostSchema = z
  .string()
  .trim()
  .min(1)
  .max(253)
  .regex(/^[A-Za-z0-9.:-]+$/, 'a host name or IP address');
const portSchema = z.number().int().min(1).max(65535);

/**
 * The lane's licence-plate camera (hardware mode): the booth listens for its reads over HTTP (JSON) and/or
 * a TCP line protocol (native-bridges/plate-reader/README.md).
 */
export const plateReaderSettingSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('none') }).strict(),
  z
    .object({ type: z.literal('network'), host: hostSchema.default('127.0.0.1'), httpPort: portSchema.optional(), tcpPort: portSchema.optional() })
    .strict()
    .refine((s) => s.httpPort !== undefined || s.tcpPort !== undefined, 'give httpPort, tcpPort or both'),
]);
export type PlateReaderSetting = z.infer<typeof plateReaderSettingSchema>;

/** The lane's UHF card reader (hardware mode): it connects to the booth and sends tag lines (native-bridges/rfid-reader/README.md). */
export const rfidReaderSettingSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('none') }).strict(),
  z.object({ type: z.literal('tcp'), host: hostSchema.default('127.0.0.1'), port: portSchema }).strict(),
]);
export type RfidReaderSetting = z.infer<typeof rfidReaderSettingSchema>;

/** The records service (hardware mode): its base URL (OpenAPI in native-bridges/records-service/openapi.json). */
export const recordsServiceSettingSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('none') }).strict(),
  z
    .object({
      type: z.literal('http'),
      baseUrl: z.url({ protocol: /^https?$/ }).max(500),
      timeoutMs: z.number().int().min(100).max(30_000).default(1500),
    })
    .strict(),
]);
export type RecordsServiceSetting = z.infer<typeof recordsServiceSettingSchema>;
