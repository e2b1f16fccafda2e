import type { AnnouncementSeed } from "../announcements/index.js";
import type { RoadTalkSeed } from "../road/index.js";

/** Shape of the demo facts; the seed turns these into rows. Times are local to the event's zone. */
export interface DemoEvent {
  kind: "hackathon" | "conference" | "external";
  slug: string;
  name: string;
  venue: string;
  city: string;
  country: string;
  latitude: number | null;
  longitude: number | null;
  timeZone: string;
  startDate: string;
  endDate: string;
  hostOrganisation: string;
  /** Markdown, in our own words. */
  description: string;
  capacity: number | null;
  website: string | null;
  /** ISO date-time with offset, conferences only. */
  cfpClosesAt: string | null;
}

export interface DemoCommunity {
  slug: string;
  name: string;
  description: string;
  website: string | null;
  events: DemoEvent[];
  /** Talks members gave at the external events above. */
  roadTalks: RoadTalkSeed[];
  /** The community's news, published. */
  announcements: AnnouncementSeed[];
}
