/**
 * Every size the booth accepts from something it does not control (a chip, a document reader, a camera, a
 * records service, a process on loopback), in one place. Each parser refuses input over its limit *before*
 * doing work proportional to it, with its own typed error naming the limit. README "Security" lists them.
 */
export const inputLimits = {
  mrz: {
    /** The longest layout's characters: TD1 is 3 x 30 = 90 (TD3 2 x 44 = 88). */
    maxCharacters: 90,
    /**
     * Whole input (string or lines together) before any parsing: the longest layout, its line breaks and
     * some surrounding whitespace a reader or a pasted text adds. Longer is no MRZ and is refused unread.
     */
    maxInputCharacters: 256,
    /** Array input: more lines than this is refused unread (an MRZ has 1 to 3). */
    maxInputLines: 8,
    /** Character errors reported for one input; the rest are counted, not built. */
    maxCharacterErrors: 5,
  },
  wedge: {
    /** Keys a single keyboard-wedge burst keeps (a whole MRZ with line ends is under 100). */
    maxBurstCharacters: 400,
  },
  serialMrz: {
    /** Characters kept of one serial line before it is declared over-long noise. */
    maxLineCharacters: 120,
  },
  tlv: {
    /** Nesting depth of constructed TLVs; ICAO 9303 and ISO 39794-5 structures nest well under 16. */
    maxDepth: 32,
    /** One TLV's declared value length; a whole data group (DG2 with a large portrait included) is smaller. */
    maxValueBytes: 4 * 1024 * 1024,
  },
  lds: {
    /** A text element (MRZ, name, address, version): DG11's longest fields hold a few hundred bytes. */
    maxTextElementBytes: 4096,
  },
  faceImage: {
    /** Declared width and height of a JPEG 2000 portrait (ICAO portraits are a few hundred pixels a side). */
    maxWidth: 4096,
    maxHeight: 4096,
    /** Bytes the decoder may produce (all components, at their sample size) and the RGBA output. */
    maxDecodedBytes: 64 * 1024 * 1024,
    /** A decode that has not finished by then is stopped (its worker terminated). */
    maxDecodeMilliseconds: 10_000,
    /** JavaScript heap of the decoding worker, in MB (the WASM memory is bounded by maxDecodedBytes). */
    workerHeapMegabytes: 128,
  },
  host: {
    /** An HTTP request body to /api/<channel>; photos travel base64-encoded inside document reads. */
    maxRequestBodyBytes: 8 * 1024 * 1024,
    /** A WebSocket frame, either direction. */
    maxWebSocketFrameBytes: 8 * 1024 * 1024,
    /** A channel name in a URL or a frame. */
    maxChannelNameCharacters: 100,
  },
} as const;
