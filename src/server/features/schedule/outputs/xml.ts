import { attr, clean } from "./shape.js";

/**
 * A streaming XML writer for schedule.xml: pieces are appended to one array and joined once.
 * A DOM builder (xmlbuilder2) made every element an object with namespace bookkeeping, and at
 * 1,000 sessions the XML cost more than every other output together; its callback writer was
 * slower still. Escaping is complete and in one place: text drops what XML 1.0 cannot carry
 * (`clean`) and escapes `&`, `<` and `>` (so `]]>` cannot appear); attribute values also turn
 * line breaks and tabs into spaces (`attr`, what a parser would make of them) and escape `"`.
 * Every ampersand is escaped, including one that already looks like an entity ("&amp;" stays
 * the five characters it was). Names are the writer's own constants, never data.
 */
const TEXT_SPECIAL = /[&<>]/;
const ATTR_SPECIAL = /[&<>"]/;
const ENTITY: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" };

export function escapeText(s: string): string {
  const c = clean(s);
  return TEXT_SPECIAL.test(c) ? c.replace(/[&<>]/g, (ch) => ENTITY[ch]!) : c;
}

export function escapeAttr(s: string): string {
  const c = attr(s);
  return ATTR_SPECIAL.test(c) ? c.replace(/[&<>"]/g, (ch) => ENTITY[ch]!) : c;
}

export type Attrs = readonly (readonly [name: string, value: string])[];

const attrs = (a: Attrs) => {
  let out = "";
  for (const [k, v] of a) out += ` ${k}="${escapeAttr(v)}"`;
  return out;
};

/** Indented two spaces per level, one element per line, text inline: what a person opening the file expects. */
export class XmlWriter {
  private readonly parts: string[] = ['<?xml version="1.0" encoding="UTF-8"?>'];
  private readonly stack: string[] = [];

  private indent(): string {
    return `\n${"  ".repeat(this.stack.length)}`;
  }

  /** Opens an element whose children follow; `close` ends it. */
  open(name: string, a: Attrs = []): this {
    this.parts.push(`${this.indent()}<${name}${attrs(a)}>`);
    this.stack.push(name);
    return this;
  }

  close(): this {
    const name = this.stack.pop()!;
    this.parts.push(`${this.indent()}</${name}>`);
    return this;
  }

  /** An element holding text only (escaped here), or nothing when `text` is undefined. */
  leaf(name: string, text?: string, a: Attrs = []): this {
    this.parts.push(text === undefined ? `${this.indent()}<${name}${attrs(a)}/>` : `${this.indent()}<${name}${attrs(a)}>${escapeText(text)}</${name}>`);
    return this;
  }

  /** An element with children written by `body`; written empty (`<links/>`) when it has none. */
  parent(name: string, body: () => void, a: Attrs = []): this {
    const at = this.parts.length;
    this.open(name, a);
    body();
    if (this.parts.length === at + 1) {
      this.parts.pop();
      this.stack.pop();
      return this.leaf(name, undefined, a);
    }
    return this.close();
  }

  end(): string {
    while (this.stack.length) this.close();
    return this.parts.join("");
  }
}
