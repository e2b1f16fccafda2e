/**
 * A JSON decoder for assignment instances that stores arrays of equal-width number tuples
 * (`affinity`, `conflicts`, …) as one Float64Array instead of millions of small JS arrays.
 * JSON.parse needs about 1.2 s and 700 MB for 2.2 million affinity triples; this needs a
 * fraction of both. Any other JSON value decodes as JSON.parse would decode it, and syntax
 * errors name the line and column: the other `plenary solve` commands, which parse with
 * JSON.parse, re-read a failed input with this decoder to say where (src/cli/solve-io.ts).
 */

/** Rows of `width` numbers, row-major: row i is data[i*width .. i*width+width). */
export class PackedRows {
  constructor(
    readonly width: number,
    readonly length: number,
    readonly data: Float64Array,
  ) {}
}

export class JsonSyntaxError extends Error {
  override name = "JsonSyntaxError";
}

const QUOTE = 0x22;
const COMMA = 0x2c;
const MINUS = 0x2d;
const DOT = 0x2e;
const ZERO = 0x30;
const NINE = 0x39;
const COLON = 0x3a;
const OPEN_ARRAY = 0x5b;
const BACKSLASH = 0x5c;
const CLOSE_ARRAY = 0x5d;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;

// Powers of ten up to 1e22 are exact doubles, so mantissa / 10^k is correctly rounded (Clinger's fast path).
const EXACT_POW10 = Array.from({ length: 23 }, (_, i) => 10 ** i);

export function decodeJson(bytes: Uint8Array): unknown {
  const d = new Decoder(bytes);
  d.ws();
  const v = d.value();
  d.ws();
  if (d.pos < bytes.length) d.fail("unexpected data after the JSON value");
  return v;
}

class Decoder {
  pos = 0;
  constructor(private readonly b: Uint8Array) {}

  fail(what: string): never {
    let line = 1;
    let start = 0;
    for (let i = 0; i < this.pos && i < this.b.length; i++) {
      if (this.b[i] === 0x0a) {
        line++;
        start = i + 1;
      }
    }
    const found = this.pos < this.b.length ? `'${String.fromCharCode(this.b[this.pos]!)}'` : "end of input";
    throw new JsonSyntaxError(`input is not valid JSON at line ${line}, column ${this.pos - start + 1}: ${what} (found ${found})`);
  }

  ws(): void {
    const b = this.b;
    let p = this.pos;
    for (;;) {
      const c = b[p];
      if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) p++;
      else break;
    }
    this.pos = p;
  }

  value(): unknown {
    const c = this.b[this.pos];
    if (c === OPEN_OBJECT) return this.object();
    if (c === OPEN_ARRAY) return this.tuples() ?? this.array();
    if (c === QUOTE) return this.string();
    if (c === MINUS || (c !== undefined && c >= ZERO && c <= NINE)) return this.number();
    if (this.literal("true")) return true;
    if (this.literal("false")) return false;
    if (this.literal("null")) return null;
    return this.fail("expected a JSON value");
  }

  private literal(word: string): boolean {
    for (let i = 0; i < word.length; i++) if (this.b[this.pos + i] !== word.charCodeAt(i)) return false;
    this.pos += word.length;
    return true;
  }

  private object(): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    this.pos++;
    this.ws();
    if (this.b[this.pos] === CLOSE_OBJECT) {
      this.pos++;
      return out;
    }
    for (;;) {
      this.ws();
      if (this.b[this.pos] !== QUOTE) this.fail("expected a property name in double quotes");
      const key = this.string();
      this.ws();
      if (this.b[this.pos] !== COLON) this.fail("expected ':' after a property name");
      this.pos++;
      this.ws();
      // defineProperty so that a "__proto__" key is data, as with JSON.parse.
      Object.defineProperty(out, key, { value: this.value(), enumerable: true, writable: true, configurable: true });
      this.ws();
      const c = this.b[this.pos];
      this.pos++;
      if (c === CLOSE_OBJECT) return out;
      if (c !== COMMA) {
        this.pos--;
        this.fail("expected ',' or '}' after a property value");
      }
    }
  }

  private array(): unknown[] {
    const out: unknown[] = [];
    this.pos++;
    this.ws();
    if (this.b[this.pos] === CLOSE_ARRAY) {
      this.pos++;
      return out;
    }
    for (;;) {
      this.ws();
      out.push(this.value());
      this.ws();
      const c = this.b[this.pos];
      this.pos++;
      if (c === CLOSE_ARRAY) return out;
      if (c !== COMMA) {
        this.pos--;
        this.fail("expected ',' or ']' after an array element");
      }
    }
  }

  /**
   * Decodes `[[n, n, …], [n, n, …], …]` with rows of one width into PackedRows; returns
   * undefined (position unchanged) for any other array, which is then decoded generically.
   */
  private tuples(): PackedRows | undefined {
    const b = this.b;
    const start = this.pos;
    this.pos++;
    this.ws();
    if (b[this.pos] !== OPEN_ARRAY) {
      this.pos = start;
      return undefined;
    }
    let data = new Float64Array(1024);
    let n = 0;
    let width = -1;
    let rows = 0;
    for (;;) {
      // at '[' of a row
      this.pos++;
      let w = 0;
      this.ws();
      if (b[this.pos] !== CLOSE_ARRAY) {
        for (;;) {
          this.ws();
          const c = b[this.pos];
          if (!(c === MINUS || (c !== undefined && c >= ZERO && c <= NINE))) {
            this.pos = start;
            return undefined;
          }
          if (n === data.length) {
            const grown = new Float64Array(data.length * 2);
            grown.set(data);
            data = grown;
          }
          data[n++] = this.number();
          w++;
          this.ws();
          const sep = b[this.pos];
          if (sep === CLOSE_ARRAY) break;
          if (sep !== COMMA) {
            this.pos = start;
            return undefined;
          }
          this.pos++;
        }
      }
      this.pos++;
      if (width === -1) width = w;
      if (w !== width || w === 0) {
        this.pos = start;
        return undefined;
      }
      rows++;
      this.ws();
      const sep = b[this.pos];
      this.pos++;
      if (sep === CLOSE_ARRAY) return new PackedRows(width, rows, data.slice(0, n));
      this.ws();
      if (sep !== COMMA || b[this.pos] !== OPEN_ARRAY) {
        this.pos = start;
        return undefined;
      }
    }
  }

  private string(): string {
    const b = this.b;
    const start = this.pos;
    let p = start + 1;
    let plain = true;
    for (;;) {
      const c = b[p];
      if (c === undefined) {
        this.pos = p;
        this.fail("unterminated string");
      }
      if (c === QUOTE) break;
      if (c === BACKSLASH) {
        plain = false;
        p += 2;
        continue;
      }
      if (c < 0x20) {
        this.pos = p;
        this.fail("control character in a string");
      }
      if (c >= 0x80) plain = false;
      p++;
    }
    this.pos = p + 1;
    if (plain) return Buffer.from(b.buffer, b.byteOffset + start + 1, p - start - 1).toString("latin1");
    try {
      return JSON.parse(Buffer.from(b.buffer, b.byteOffset + start, p + 1 - start).toString("utf8")) as string;
    } catch {
      this.pos = start;
      return this.fail("invalid escape in a string");
    }
  }

  number(): number {
    const b = this.b;
    const start = this.pos;
    let p = start;
    const negative = b[p] === MINUS;
    if (negative) p++;
    let mantissa = 0;
    let digits = 0;
    let c = b[p];
    if (c === ZERO) {
      p++;
      c = b[p];
      if (c !== undefined && c >= ZERO && c <= NINE) {
        this.pos = p;
        this.fail("leading zero in a number");
      }
    } else if (c !== undefined && c >= ZERO && c <= NINE) {
      while (c !== undefined && c >= ZERO && c <= NINE) {
        mantissa = mantissa * 10 + (c - ZERO);
        digits++;
        c = b[++p];
      }
    } else {
      this.pos = p;
      this.fail("expected a digit");
    }
    let fraction = 0;
    if (c === DOT) {
      c = b[++p];
      if (c === undefined || c < ZERO || c > NINE) {
        this.pos = p;
        this.fail("expected a digit after '.'");
      }
      while (c !== undefined && c >= ZERO && c <= NINE) {
        mantissa = mantissa * 10 + (c - ZERO);
        digits++;
        fraction++;
        c = b[++p];
      }
    }
    let exact = digits <= 15;
    if (c === 0x65 || c === 0x45) {
      exact = false;
      c = b[++p];
      if (c === 0x2b || c === MINUS) c = b[++p];
      if (c === undefined || c < ZERO || c > NINE) {
        this.pos = p;
        this.fail("expected a digit in the exponent");
      }
      while (c !== undefined && c >= ZERO && c <= NINE) c = b[++p];
    }
    this.pos = p;
    if (exact) {
      const v = fraction === 0 ? mantissa : mantissa / EXACT_POW10[fraction]!;
      return negative ? -v : v;
    }
    return Number(Buffer.from(b.buffer, b.byteOffset + start, p - start).toString("latin1"));
  }
}
