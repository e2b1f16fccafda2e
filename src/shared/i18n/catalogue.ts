/**
 * The types of the message catalogue. The English catalogue (messages/en/) is the source:
 * its keys are the message ids, so a mistyped id is a type error, and a German area file
 * that misses or adds a key does not compile. Importing this module costs nothing at run
 * time; the messages themselves are loaded by `catalogues.ts` (server, CLI, tests) or one
 * locale at a time by the web app.
 */
import type en from "./messages/en/index.js";

export type Messages = typeof en;
export type MessageId = keyof Messages & string;

export type Value = string | number | boolean | Date | null | undefined;
export type Values = Record<string, Value>;

/** A message to be rendered later, in the locale of whoever reads it (an API error, a field message). */
export interface Msg {
  id: MessageId;
  values?: Values;
}

/** What an error or field message may be: a catalogue message, or text that is already final (a legacy literal, a name). */
export type Text = string | Msg;

export function msg(id: MessageId, values?: Values): Msg {
  return values ? { id, values } : { id };
}

/** A catalogue id where only a string fits (a Zod schema's message): checked by the type, rendered by the error map. */
export function msgId<const I extends MessageId>(id: I): I {
  return id;
}

export function isMsg(t: unknown): t is Msg {
  return typeof t === "object" && t !== null && typeof (t as Msg).id === "string";
}

/** Looks like a message id ("events.form.nameRequired"), not like prose. */
export const ID_SHAPE = /^[a-z][A-Za-z0-9]*(?:\.[A-Za-z0-9-]+)+$/;

/** The type an area file of a complete locale satisfies: exactly the English area's keys. */
export type AreaTranslation<T> = { [K in keyof T]: string };
/** A partial locale's area file: any subset of the English keys, nothing else. */
export type PartialAreaTranslation<T> = { [K in keyof T]?: string };

/** A | B → A & B: the locale catalogue is every area's messages at once. */
export type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never;
