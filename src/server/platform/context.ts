import type { Logger } from "pino";
import type { Config } from "./config.js";
import type { Database, Db } from "./db/index.js";
import type { InstanceSecrets } from "./db/secrets.js";
import type { Bus } from "./bus.js";
import type { Feature } from "./feature.js";
import type { RoleResolver } from "./permissions.js";

/** What services need from the platform; built once at start (or once per test file). */
export interface AppContext {
  config: Config;
  database: Database;
  db: Db;
  /** Shared by every process on the database; reloaded in place after a restore. */
  secrets: InstanceSecrets;
  bus: Bus;
  log: Logger;
  /** Injected so tests can move time (token expiry, rate-limit windows). */
  now: () => Date;
  /** The feature areas, as the composition layer lists them. */
  features: readonly Feature[];
  /** Every feature's role resolver, collected once from `features`. */
  roleResolvers: readonly RoleResolver[];
}
