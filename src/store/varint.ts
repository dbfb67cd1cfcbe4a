/**
 * Unsigned LEB128 varints, as the postings of both backends pack them (postgres/postings.ts,
 * sqlite/term-counts.ts): small numbers (offsets in a block, lengths, counts) take one byte.
 */

/** Appends varints to a growing buffer. */
export class VarintWriter {
  private bytes = new Uint8Array(64);
  length = 0;
  varint(value: number): void {
    if (this.length + 5 > this.bytes.length) {
      const grown = new Uint8Array(this.bytes.length * 2);
      grown.set(this.bytes.subarray(0, this.length));
      this.bytes = grown;
    }
    let v = value >>> 0;
    while (v >= 0x80) {
      this.bytes[this.length++] = (v & 0x7f) | 0x80;
      v >>>= 7;
    }
    this.bytes[this.length++] = v;
  }
  buffer(): Buffer {
    return Buffer.from(this.bytes.buffer, this.bytes.byteOffset, this.length);
  }
}

/** Reads varints; values stay below 2^31 (turn lengths, counts, positions, offsets in a block). */
export class VarintReader {
  at = 0;
  constructor(readonly bytes: Uint8Array) {}
  get done(): boolean {
    return this.at >= this.bytes.length;
  }
  varint(): number {
    const bytes = this.bytes;
    let b = bytes[this.at++] as number;
    if (b < 0x80) return b;
    let value = b & 0x7f;
    let shift = 7;
    for (;;) {
      b = bytes[this.at++] as number;
      // A cut-off value would otherwise read "undefined" for ever.
      if (b === undefined) throw new RangeError("varint cut off at the end of its bytes");
      value |= (b & 0x7f) << shift;
      if (b < 0x80) return value >>> 0;
      shift += 7;
    }
  }
  /** Passes over `count` varints. */
  skip(count: number): void {
    const bytes = this.bytes;
    for (let k = 0; k < count; k++) while ((bytes[this.at++] as number) >= 0x80);
  }
}
