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
