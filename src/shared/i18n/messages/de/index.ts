/** The German catalogue: complete (the catalogue test and each area's type say so). */
import type { UnionToIntersection } from "../../catalogue.js";
import type { AREAS as EN } from "../en/index.js";
import accounts from "./accounts.js";
import announcements from "./announcements.js";
import cfp from "./cfp.js";
import common from "./common.js";
import communities from "./communities.js";
import errors from "./errors.js";
import events from "./events.js";
import layout from "./layout.js";
import mailbox from "./mailbox.js";
import platform from "./platform.js";
import registration from "./registration.js";
import registrationServer from "./registration-server.js";
import road from "./road.js";
import schedule from "./schedule.js";
import unconference from "./unconference.js";
import validation from "./validation.js";
import webhooks from "./webhooks.js";

export const AREAS = {
  accounts,
  announcements,
  cfp,
  common,
  communities,
  errors,
  events,
  layout,
  mailbox,
  platform,
  registration,
  "registration.errors": registrationServer,
  road,
  schedule,
  unconference,
  validation,
  webhooks,
} satisfies Record<keyof typeof EN, unknown>;

export default Object.assign({}, ...Object.values(AREAS)) as UnionToIntersection<(typeof AREAS)[keyof typeof AREAS]>;
