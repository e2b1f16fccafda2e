import { readdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import globals from "globals";
import importX from "eslint-plugin-import-x";
import formatjs from "eslint-plugin-formatjs";

const root = dirname(fileURLToPath(import.meta.url));
// import-x reads TypeScript modules (for no-cycle) only with its TypeScript settings.
const importSettings = { ...importX.flatConfigs.typescript.settings, "import-x/resolver": { typescript: { project: resolve(root, "tsconfig.json") } } };
const at = (p) => resolve(root, p);

/**
 * The dependency rules of docs/architecture.md, checked on every lint:
 * - the platform imports no feature and nothing of the composition layer;
 * - a feature imports another only through its public entry (`index.ts`) or its contracts
 *   (`schema.ts`: Zod schemas and limits; `rules.ts`: state machines and guards), and a
 *   feature's `tables.ts` may import another's `tables.ts` for foreign keys, nothing else;
 * - features do not import each other in a circle;
 * - the web app imports from the server only the features' contracts.
 * `eslint-rules.test.ts` shows each rule firing on a wrong-way import.
 */
export function boundaryZones(featuresDir = "src/server/features") {
  const features = readdirSync(at(featuresDir), { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name);
  const contract = (f, ...more) => [`${at(featuresDir)}/${f}/{${["index", "schema", "rules", ...more].join(",")}}.ts`];
  const zones = [
    {
      target: at("src/server/platform"),
      from: [at(featuresDir), at("src/server/app.ts"), at("src/server/runtime.ts"), at("src/server/main.ts"), at("src/server/features.ts"), at("src/server/tables.ts")],
      message: "The platform must not know the features or the composition layer: move what it needs into the platform, or have the feature pass it in (a Feature hook, a RoleResolver).",
    },
    {
      target: at("src/web"),
      from: `${at("src/server")}/**`,
      except: [`${at(featuresDir)}/*/schema.ts`, `${at(featuresDir)}/*/rules.ts`],
      message: "The web app imports only the shared contracts (a feature's schema.ts or rules.ts), never server code.",
    },
  ];
  for (const a of features) {
    for (const b of features) {
      if (a === b) continue;
      zones.push({
        target: `${at(featuresDir)}/${a}/**/!(tables).ts`,
        from: `${at(featuresDir)}/${b}/**`,
        except: contract(b),
        message: `Import the ${b} feature through its public entry (${b}/index.ts) or its contracts (schema.ts, rules.ts), never its internals or tables.`,
      });
      zones.push({
        target: `${at(featuresDir)}/${a}/tables.ts`,
        from: `${at(featuresDir)}/${b}/**`,
        except: contract(b, "tables"),
        message: `A feature's tables may reference the ${b} feature's tables (foreign keys), and nothing else of it but its public entry.`,
      });
    }
  }
  return zones;
}

/**
 * Text people read comes from the message catalogue (src/shared/i18n/messages/), never from a
 * literal: in JSX (text, and the props that are read or spoken: aria-*, title, placeholder,
 * alt, and our components' label, hint, busyLabel, what, …), and in the messages of the
 * server's domain errors. Files not translated yet are listed here while their areas are
 * converted; this list only shrinks, and ends empty.
 */
export const NOT_YET_TRANSLATED = {
  web: [],
  server: [
    "src/server/features/registration/**",
  ],
};
const READ_PROPS = "{label,hint,busyLabel,submitLabel,what,title,eyebrow,current,placeholder,alt,summary,caption,legend}";
const ERROR_CLASSES = "DomainError|ValidationError|ConflictError|NotFoundError|ForbiddenError|UnauthenticatedError";
/** Two words or more ("Enter the first day.", "Hosted by "): prose, where an id or a class name is one word. */
const PROSE = "/\\b[A-Za-z]{2,}[,.;:!?]?\\s+[A-Za-z]{2,}\\b/";

export default tseslint.config(
  { ignores: ["dist/**", "node_modules/**", "data/**", "drizzle/**", "bench/.instances/**", "bench/.baseline/**", ".stryker-tmp/**", "reports/**", "src/**/__fixtures__/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": "error",
      "no-console": "off",
    },
  },
  {
    files: ["src/**/*.ts", "src/**/*.tsx"],
    plugins: { "import-x": importX },
    settings: importSettings,
    rules: {
      "import-x/no-restricted-paths": ["error", { zones: boundaryZones() }],
    },
  },
  {
    // Cycles are checked between feature areas and within the platform; type-only imports do not count.
    files: ["src/server/**/*.ts"],
    ignores: ["**/*.test.ts", "src/server/test-support/**"],
    plugins: { "import-x": importX },
    settings: importSettings,
    rules: { "import-x/no-cycle": ["error", { ignoreExternal: true }] },
  },
  {
    files: ["src/web/**/*.tsx"],
    ignores: ["**/*.test.tsx", ...NOT_YET_TRANSLATED.web],
    plugins: { formatjs },
    rules: { "formatjs/no-literal-string-in-jsx": ["error", { props: { include: [["*", READ_PROPS]] } }] },
  },
  {
    // What the JSX rule cannot see: labels kept in a table, a form's own checks, a confirm
    // dialog, a status line built in code. Prose there is a literal of two or more words;
    // class names, imports and a developer's Error are not read by the page's visitors.
    files: ["src/web/**/*.ts", "src/web/**/*.tsx"],
    ignores: ["**/*.test.ts", "**/*.test.tsx", ...NOT_YET_TRANSLATED.web],
    rules: {
      "no-restricted-syntax": [
        "error",
        {
          selector: `:matches(Literal[value=${PROSE}], TemplateElement[value.raw=${PROSE}]):not(JSXAttribute > Literal, JSXAttribute[name.name="className"] TemplateElement, JSXAttribute[name.name="style"] TemplateElement, ImportDeclaration > Literal, AssignmentPattern[left.name="className"] > Literal, NewExpression[callee.name="Error"] > Literal)`,
          message: "Text people read comes from the catalogue: t(\"area.what\") or a MessageId kept in the table (src/shared/i18n/), so it is shown in the reader's language.",
        },
      ],
    },
  },
  {
    files: ["src/server/**/*.ts"],
    ignores: ["**/*.test.ts", "src/server/test-support/**", ...NOT_YET_TRANSLATED.server],
    rules: {
      "no-restricted-syntax": [
        "error",
        {
          // A code ("slug_taken") has no spaces; prose in an error is a message someone reads.
          selector: `NewExpression[callee.name=/^(${ERROR_CLASSES})$/] :matches(Literal[value=/\\s/], TemplateLiteral)`,
          message: "Error messages come from the catalogue: msg(\"area.errors.what\", { values }) (src/shared/i18n/), so they are shown in the reader's language.",
        },
        {
          // NotFoundError("Talk") reads "Talk was not found." in every language; what is hidden
          // behind requireOrHide is named the same way.
          selector: `NewExpression[callee.name="NotFoundError"] > :matches(Literal, TemplateLiteral), CallExpression[callee.property.name="requireOrHide"] > :matches(Literal[value=/[A-Z\\s]/], TemplateLiteral)`,
          message: "Say what was not found with a catalogue message: new NotFoundError(msg(\"area.errors.notFound\", { values })).",
        },
      ],
    },
  },
  {
    files: ["**/*.mjs", "**/*.js"],
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
);
