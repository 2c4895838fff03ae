/**
 * A minimal streaming ZIP writer: STORE only (no compression), UTF-8 names,
 * CRC-32, and ZIP64 end records when an archive passes 65,535 entries or 4 GiB
 * (a brat export of 50,000 articles has 100,000 files). Each entry is given
 * whole, so its CRC and size go in the local header and no data descriptor is
 * needed; only the central directory (about 60 bytes an entry) is held until
 * the end. Single entries must be under 4 GiB.
 */

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

export function crc32(data: Uint8Array, crc = 0): number {
  let c = ~crc >>> 0;
  for (let i = 0; i < data.length; i++) c = CRC_TABLE[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return ~c >>> 0;
}

const encoder = new TextEncoder();
const MAX32 = 0xffffffff;
const MAX16 = 0xffff;
const UTF8_NAMES = 0x0800;

interface CentralEntry {
  name: Uint8Array;
  crc: number;
  size: number;
  offset: number;
}

/** Little-endian byte writer over a fixed buffer. */
class Bytes {
  readonly buffer: Uint8Array;
  private readonly view: DataView;
  private at = 0;
  constructor(size: number) {
    this.buffer = new Uint8Array(size);
    this.view = new DataView(this.buffer.buffer);
  }
  u16(value: number) {
    this.view.setUint16(this.at, value, true);
    this.at += 2;
    return this;
  }
  u32(value: number) {
    this.view.setUint32(this.at, value >>> 0, true);
    this.at += 4;
    return this;
  }
  u64(value: number) {
    this.view.setBigUint64(this.at, BigInt(value), true);
    this.at += 8;
    return this;
  }
  bytes(value: Uint8Array) {
    this.buffer.set(value, this.at);
    this.at += value.length;
    return this;
  }
}

export class ZipWriter {
  private readonly entries: CentralEntry[] = [];
  private offset = 0;
  private readonly dosTime: number;
  private readonly dosDate: number;

  /** `modified` is stamped on every entry (UTC fields); default: now. */
  constructor(modified: Date = new Date()) {
    const year = Math.max(1980, modified.getUTCFullYear());
    this.dosTime = (modified.getUTCHours() << 11) | (modified.getUTCMinutes() << 5) | (modified.getUTCSeconds() >> 1);
    this.dosDate = ((year - 1980) << 9) | ((modified.getUTCMonth() + 1) << 5) | modified.getUTCDate();
  }

  /** Adds one file; returns the bytes to emit (local header and data). */
  add(name: string, content: Uint8Array | string): Uint8Array {
    const data = typeof content === "string" ? encoder.encode(content) : content;
    if (data.length >= MAX32) throw new RangeError(`zip entry ${name} is 4 GiB or larger`);
    const nameBytes = encoder.encode(name);
    const crc = crc32(data);
    const out = new Bytes(30 + nameBytes.length + data.length)
      .u32(0x04034b50)
      .u16(20) // version needed: 2.0
      .u16(UTF8_NAMES)
      .u16(0) // method: STORE
      .u16(this.dosTime)
      .u16(this.dosDate)
      .u32(crc)
      .u32(data.length)
      .u32(data.length)
      .u16(nameBytes.length)
      .u16(0)
      .bytes(nameBytes)
      .bytes(data);
    this.entries.push({ name: nameBytes, crc, size: data.length, offset: this.offset });
    this.offset += out.buffer.length;
    return out.buffer;
  }

  /** The central directory and end records; call once, after the last add. */
  finish(): Uint8Array {
    const centralStart = this.offset;
    let centralSize = 0;
    for (const entry of this.entries) centralSize += 46 + entry.name.length + (entry.offset >= MAX32 ? 12 : 0);
    const count = this.entries.length;
    const zip64 = count >= MAX16 || centralStart >= MAX32 || centralSize >= MAX32;
    const out = new Bytes(centralSize + (zip64 ? 56 + 20 : 0) + 22);
    for (const entry of this.entries) {
      const far = entry.offset >= MAX32;
      out
        .u32(0x02014b50)
        .u16(far ? 45 : 20) // version made by
        .u16(far ? 45 : 20) // version needed
        .u16(UTF8_NAMES)
        .u16(0)
        .u16(this.dosTime)
        .u16(this.dosDate)
        .u32(entry.crc)
        .u32(entry.size)
        .u32(entry.size)
        .u16(entry.name.length)
        .u16(far ? 12 : 0) // extra field length
        .u16(0) // comment
        .u16(0) // disk
        .u16(0) // internal attributes
        .u32(0) // external attributes
        .u32(far ? MAX32 : entry.offset)
        .bytes(entry.name);
      if (far) out.u16(0x0001).u16(8).u64(entry.offset); // ZIP64 extra: the local header offset
    }
    if (zip64) {
      const recordOffset = centralStart + centralSize;
      out
        .u32(0x06064b50) // ZIP64 end of central directory record
        .u64(44)
        .u16(45)
        .u16(45)
        .u32(0)
        .u32(0)
        .u64(count)
        .u64(count)
        .u64(centralSize)
        .u64(centralStart)
        .u32(0x07064b50) // ZIP64 end of central directory locator
        .u32(0)
        .u64(recordOffset)
        .u32(1);
    }
    out
      .u32(0x06054b50)
      .u16(0)
      .u16(0)
      .u16(zip64 ? MAX16 : count)
      .u16(zip64 ? MAX16 : count)
      .u32(zip64 ? MAX32 : centralSize)
      .u32(zip64 ? MAX32 : centralStart)
      .u16(0);
    this.offset += out.buffer.length;
    return out.buffer;
  }
}

/** A whole archive at once (small exports, tests). */
export function zipFiles(files: Iterable<{ name: string; content: Uint8Array | string }>, modified?: Date): Uint8Array {
  const writer = new ZipWriter(modified);
  const parts = [...files].map((file) => writer.add(file.name, file.content));
  parts.push(writer.finish());
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}
