/**
 * The few platform globals the dataset layer needs, typed here because core code compiles without the DOM
 * library. DecompressionStream, CompressionStream and TextDecoder exist in every browser, in workers and as
 * globals in Node >= 18. Nothing is declared globally: the types stay local to this module.
 */

export interface ByteStreamReader {
  read(): Promise<{ done: boolean; value?: Uint8Array }>;
  cancel(reason?: unknown): Promise<void>;
}

export interface ByteStreamWriter {
  write(chunk: Uint8Array): Promise<void>;
  close(): Promise<void>;
}

/** The shape shared by DecompressionStream and CompressionStream. */
export interface ByteTransform {
  readable: { getReader(): ByteStreamReader };
  writable: { getWriter(): ByteStreamWriter };
}

export type CompressionFormat = 'gzip' | 'deflate' | 'deflate-raw';
type TransformConstructor = new (format: CompressionFormat) => ByteTransform;

interface TextDecoderLike {
  decode(bytes: Uint8Array): string;
}

interface PlatformGlobals {
  DecompressionStream?: TransformConstructor;
  CompressionStream?: TransformConstructor;
  TextDecoder?: new (label?: string) => TextDecoderLike;
}

const globals = globalThis as unknown as PlatformGlobals;

function need<T>(value: T | undefined, what: string): T {
  if (value === undefined) {
    throw new Error(`${what} is not available on this platform (needs a modern browser or Node >= 18)`);
  }
  return value;
}

export const platform = {
  decompressionStream(format: CompressionFormat): ByteTransform {
    const Ctor = need(globals.DecompressionStream, 'DecompressionStream');
    return new Ctor(format);
  },
  compressionStream(format: CompressionFormat): ByteTransform {
    const Ctor = need(globals.CompressionStream, 'CompressionStream');
    return new Ctor(format);
  },
  textDecoder(): TextDecoderLike {
    const Ctor = need(globals.TextDecoder, 'TextDecoder');
    return new Ctor('utf-8');
  },
};
