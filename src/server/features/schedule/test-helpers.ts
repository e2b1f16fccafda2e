import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { Ajv } from "ajv";
import addFormatsModule from "ajv-formats";
import draft6 from "ajv/dist/refs/json-schema-draft-06.json" with { type: "json" };
import { readFileSync } from "node:fs";

/**
 * The c3voc schemas (../shared/formats, test data we validate against and never copy):
 * JSON Schemas through ajv, the XSD through xmllint (Debian's libxml2-utils).
 */
// The mutation run copies the repository into a sandbox below it, so it names the folder.
const FORMATS = process.env.PLENARY_SHARED_DIR ? resolve(process.env.PLENARY_SHARED_DIR, "formats") : resolve(import.meta.dirname, "../../../../../shared/formats");

function ajv() {
  const a = new Ajv({ strict: false, allErrors: true });
  a.addMetaSchema(draft6);
  // ajv-formats is CommonJS with its function on `default`.
  const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (ajv: Ajv) => Ajv;
  addFormats(a);
  // The schemas use a "color" format no library defines: a CSS hex colour.
  a.addFormat("color", /^#[0-9a-fA-F]{3,8}$/);
  return a;
}

let validators: { v1: ReturnType<Ajv["compile"]>; v2: ReturnType<Ajv["compile"]> } | undefined;
function load() {
  if (validators) return validators;
  const a = ajv();
  const read = (f: string) => JSON.parse(readFileSync(join(FORMATS, f), "utf8")) as object;
  validators = { v1: a.compile(read("schedule.schema.json")), v2: a.compile(read("schedule2.schema.json")) };
  return validators;
}

/** The ajv errors of a schedule.json against version 1 or 2 (empty when valid). */
export function jsonSchemaErrors(doc: string, version: 1 | 2): string[] {
  const v = load()[version === 1 ? "v1" : "v2"];
  return v(JSON.parse(doc)) ? [] : (v.errors ?? []).slice(0, 10).map((e) => `${e.instancePath} ${e.message} ${JSON.stringify(e.params)}`);
}

/** xmllint's complaints about a schedule.xml against the XSD (empty when valid). */
export function xsdErrors(xml: string): string[] {
  const dir = mkdtempSync(join(tmpdir(), "plenary-xsd-"));
  const file = join(dir, "schedule.xml");
  writeFileSync(file, xml);
  try {
    execFileSync("xmllint", ["--noout", "--schema", join(FORMATS, "schedule.xml.xsd"), file], { stdio: ["ignore", "pipe", "pipe"] });
    return [];
  } catch (e) {
    return String((e as { stderr?: Buffer }).stderr ?? e)
      .split("\n")
      .filter((l) => l && !l.endsWith("validates"))
      .slice(0, 10);
  }
}
