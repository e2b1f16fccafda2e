import { readFileSync } from "node:fs";
import semver from "semver";
import { describe, expect, it } from "vitest";

/**
 * Every installed package must run on the Node we promise (package.json `engines`, the
 * README): npm only warns (EBADENGINE) and installs anyway, so a dependency that needs a
 * newer Node would otherwise slip in with an update.
 */
const pkg = JSON.parse(readFileSync("package.json", "utf8")) as { engines: { node: string } };
const lock = JSON.parse(readFileSync("package-lock.json", "utf8")) as { packages: Record<string, { version?: string; engines?: { node?: string } | string[] }> };

describe("engines", () => {
  it("every package in the lock file supports the lowest Node we promise", () => {
    const lowest = semver.minVersion(pkg.engines.node)!.version;
    const unsupported = Object.entries(lock.packages)
      .filter(([path, p]) => path !== "" && !Array.isArray(p.engines) && p.engines?.node && !semver.satisfies(lowest, p.engines.node, { includePrerelease: true }))
      .map(([path, p]) => `${path.replace(/^.*node_modules\//, "")}@${p.version} needs Node ${(p.engines as { node: string }).node}`);
    expect(unsupported).toEqual([]);
  });

  it("the README promises the same Node as package.json", () => {
    const readme = readFileSync("README.md", "utf8");
    expect(readme).toContain(`Node.js ≥ ${semver.minVersion(pkg.engines.node)!.version.replace(/\.0$/, "")}`);
  });
});
