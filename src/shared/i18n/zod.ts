/**
 * Zod's messages in the reader's language. A shared schema (`schema.ts`, used by the server
 * and by the web forms) writes its own messages as catalogue ids (`msgId("events.form.nameRequired")`);
 * every other issue gets a catalogue id from `zodErrorMap`, passed to each parse
 * (`schema.safeParse(value, LOCALISED)`). Either way the issue's message is an id, and
 * `issueMessage` pairs it with the issue's numbers (minimum, maximum, …) so the server renders
 * it in the request's locale and a form in the page's: the same words on both sides.
 */
import type { z } from "zod";
import { ID_SHAPE, msg, type MessageId, type Text, type Values } from "./catalogue.js";

type RawIssue = z.core.$ZodRawIssue;
type Issue = z.core.$ZodIssue;
type AnyIssue = RawIssue | Issue;

const FORMAT_IDS: Partial<Record<string, MessageId>> = {
  email: "validation.email",
  url: "validation.url",
  uuid: "validation.identifier",
  guid: "validation.identifier",
  datetime: "validation.dateTime",
  date: "validation.date",
  time: "validation.time",
};

/** The catalogue id for an issue that its schema gave no message of its own. */
function genericId(issue: AnyIssue, input?: { given: boolean; value: unknown }): MessageId {
  switch (issue.code) {
    case "invalid_type":
      if (input?.given && input.value === undefined) return "validation.required";
      if (issue.expected === "number") return "validation.number";
      if (issue.expected === "int") return "validation.wholeNumber";
      if (issue.expected === "string") return "validation.text";
      if (issue.expected === "boolean") return "validation.yesNo";
      if (issue.expected === "array") return "validation.list";
      return "validation.invalid";
    case "too_small":
      return issue.origin === "string" ? "validation.tooShort" : issue.origin === "array" || issue.origin === "set" ? "validation.tooFew" : "validation.tooSmall";
    case "too_big":
      return issue.origin === "string" ? "validation.tooLong" : issue.origin === "array" || issue.origin === "set" ? "validation.tooMany" : "validation.tooBig";
    case "invalid_format":
      return FORMAT_IDS[issue.format] ?? "validation.format";
    case "not_multiple_of":
      return "validation.multipleOf";
    case "unrecognized_keys":
      return "validation.unknownFields";
    case "invalid_value":
      return "validation.oneOf";
    default:
      return "validation.invalid";
  }
}

/** Pass to every parse whose messages a person reads: `schema.safeParse(value, LOCALISED)`. */
export function zodErrorMap(issue: RawIssue): string {
  return genericId(issue, { given: true, value: issue.input });
}
export const LOCALISED = { error: zodErrorMap } as const;

/** An issue as Zod reports it, or one a form builds itself (then only path and message). */
export interface IssueLike {
  readonly path: readonly PropertyKey[];
  readonly message: string;
  readonly code?: string;
}

/** The numbers and names an issue's message may use. */
function issueValues(issue: Issue): Values {
  const v: Values = {};
  if ("minimum" in issue) v.minimum = Number(issue.minimum);
  if ("maximum" in issue) v.maximum = Number(issue.maximum);
  if ("inclusive" in issue) v.inclusive = issue.inclusive === false ? "false" : "true";
  if ("divisor" in issue) v.divisor = issue.divisor;
  if (issue.code === "unrecognized_keys") {
    v.keys = issue.keys.join(", ");
    v.count = issue.keys.length;
  }
  if (issue.code === "invalid_value") {
    v.values = issue.values.map(String).join(", ");
    v.count = issue.values.length;
  }
  return v;
}

/**
 * The message of a parsed issue, to render in a locale: a catalogue message (the schema's own
 * id, or the error map's), or, for a schema that still writes prose, that prose unchanged.
 * `known` says which ids exist; an id-shaped message that does not (a typo) gets the generic
 * message for its issue rather than showing the id.
 */
export function issueMessage(like: IssueLike, known: (id: string) => boolean): Text {
  if (!ID_SHAPE.test(like.message)) return like.message;
  // What is read below exists only on Zod's issues, and is looked for before it is used.
  const issue = like as Issue;
  const id = known(issue.message) ? (issue.message as MessageId) : genericId(issue);
  const values = issueValues(issue);
  return msg(id, Object.keys(values).length ? values : undefined);
}
