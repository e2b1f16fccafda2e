import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

/**
 * The dependency rules of docs/architecture.md are lint rules (eslint.config.js); these
 * wrong-way imports show each one firing, so a rule that stopped working would be noticed.
 */
const eslint = new ESLint();

async function ruleIds(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.map((m) => `${m.ruleId}: ${m.message}`);
}

describe("the architecture's import rules", () => {
  it("stop the platform from importing a feature", async () => {
    const found = await ruleIds("src/server/platform/wrong-way.ts", `import { eventsFeature } from "../features/events/index.js";\nexport const x = eventsFeature;\n`);
    expect(found.join("\n")).toMatch(/no-restricted-paths: .*platform must not know the features/);
  });

  it("stop a feature from reaching into another's internals or tables", async () => {
    const internals = await ruleIds("src/server/features/registration/wrong-way.ts", `import { listRoles } from "../events/service.js";\nexport const x = listRoles;\n`);
    expect(internals.join("\n")).toMatch(/no-restricted-paths: .*through its public entry/);
    const tables = await ruleIds("src/server/features/registration/wrong-way.ts", `import { eventRoles } from "../events/tables.js";\nexport const x = eventRoles;\n`);
    expect(tables.join("\n")).toMatch(/no-restricted-paths/);
    // A foreign key from one feature's tables to another's is allowed.
    expect(await ruleIds("src/server/features/registration/tables.ts", `import { events } from "../events/tables.js";\nexport const x = events;\n`)).toEqual([]);
  });

  it("stop features from importing each other in a circle", async () => {
    // communities/index.ts importing events, which already imports communities.
    const found = await ruleIds("src/server/features/communities/index.ts", `import { eventsFeature } from "../events/index.js";\nexport const x = eventsFeature;\n`);
    expect(found.join("\n")).toMatch(/import-x\/no-cycle/);
  });

  it("let the web app import only the shared contracts", async () => {
    const found = await ruleIds("src/web/app/wrong-way.ts", `import { permitFor } from "../../server/platform/permissions.js";\nexport const x = permitFor;\n`);
    expect(found.join("\n")).toMatch(/no-restricted-paths: .*only the shared contracts/);
    expect(await ruleIds("src/web/app/right-way.ts", `import { eventParams } from "../../server/features/events/schema.js";\nexport const x = eventParams;\n`)).toEqual([]);
  });

});

describe("the translation rules", () => {
  it("refuse text people read written as a literal in JSX, and accept it from the catalogue", async () => {
    const file = "src/web/app/wrong-way.tsx";
    const head = `import { useI18n } from "./i18n.js";\nexport function X() {\n  const { t } = useI18n();\n  return `;
    for (const jsx of [`<p>Sign in</p>`, `<p>{"Sign in"}</p>`, `<p>{t("layout.nav.signIn")}{true ? "Yes" : ""}</p>`, `<button aria-label="Close" />`, `<Field label="Your name" />`]) {
      expect((await ruleIds(file, `${head}${jsx};\n}\n`)).join("\n"), jsx).toMatch(/formatjs\/no-literal-string-in-jsx/);
    }
    expect(await ruleIds(file, `${head}<p className="x" aria-label={t("layout.nav.main")}>{t("layout.nav.signIn")}</p>;\n}\n`)).toEqual([]);
  });

  it("refuse prose the JSX rule cannot see: labels in a table, a form's checks, a confirm dialog", async () => {
    const prose = /no-restricted-syntax: Text people read comes from the catalogue/;
    expect((await ruleIds("src/web/features/events/wrong-way.ts", `export const LABEL = { hackathon: "Unconference-style working days" };\n`)).join("\n")).toMatch(prose);
    expect((await ruleIds("src/web/features/events/wrong-way.ts", `export const check = (v: string) => (v ? [] : ["Enter the first day."]);\n`)).join("\n")).toMatch(prose);
    expect((await ruleIds("src/web/features/events/wrong-way.tsx", `export const ask = (name: string) => window.confirm(\`Remove \${name} as organiser?\`);\n`)).join("\n")).toMatch(prose);
    // Ids, class names, imports and a developer's Error are not prose.
    const fine = `import type { MessageId } from "../../../shared/i18n/catalogue.js";\nexport const LABEL: Record<string, MessageId> = { hackathon: "events.kind.hackathon" };\nexport function B({ className = "button primary" }: { className?: string }) {\n  if (!className) throw new Error("B outside its form");\n  return <button className={\`\${className} small secondary\`} rel="noopener noreferrer" />;\n}\n`;
    expect(await ruleIds("src/web/features/events/right-way.tsx", fine)).toEqual([]);
  });

  it("refuse prose in a domain error's message, and accept a catalogue message", async () => {
    const file = "src/server/platform/wrong-way.ts";
    const head = `import { ConflictError, NotFoundError } from "./errors.js";\nimport { msg } from "../../shared/i18n/catalogue.js";\n`;
    expect((await ruleIds(file, `${head}export const e = new NotFoundError("That role");\n`)).join("\n")).toMatch(/no-restricted-syntax: Error messages come from the catalogue/);
    expect((await ruleIds(file, `${head}export const e = (s: string) => new ConflictError("slug_taken", \`Taken: \${s}\`);\n`)).join("\n")).toMatch(/no-restricted-syntax/);
    expect(await ruleIds(file, `${head}export const e = (slug: string) => [new ConflictError("slug_taken", msg("errors.forbidden"), { slug: [msg("errors.notFound")] }, { slug }), new NotFoundError()];\n`)).toEqual([]);
  });

  it("refuse a bare noun for what was not found, which would read \"Talk was not found.\" in every language", async () => {
    const file = "src/server/features/road/wrong-way.ts";
    const head = `import { NotFoundError } from "../../platform/errors.js";\nimport type { Permit } from "../../platform/permissions.js";\nimport { msg } from "../../../shared/i18n/catalogue.js";\n`;
    expect((await ruleIds(file, `${head}export const e = new NotFoundError("Talk");\n`)).join("\n")).toMatch(/no-restricted-syntax: Say what was not found/);
    expect((await ruleIds(file, `${head}export const hide = (p: Permit, slug: string) => p.requireOrHide("event.view_unpublished", \`Event \${slug}\`);\n`)).join("\n")).toMatch(/no-restricted-syntax: Say what was not found/);
    expect(await ruleIds(file, `${head}export const hide = (p: Permit, slug: string) => [p.requireOrHide("event.view_unpublished", msg("events.errors.notFound", { slug })), new NotFoundError(msg("road.errors.talkNotFound"))];\n`)).toEqual([]);
  });
});
