/** Shape of the demo facts; the seed turns these into rows. Times are local to the event's zone. */
export interface DemoTalk {
  title: string;
  /** "YYYY-MM-DDTHH:MM" in the event's time zone, or null when no time was published. */
  startsLocal: string | null;
  endsLocal: string | null;
  room: string | null;
  /** null where no speaker name was published. */
  speakerName: string | null;
  speakerAffiliation: string | null;
  abstract: string;
  slidesUrl: string | null;
  videoUrl: string | null;
}

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
  talks: DemoTalk[];
}

export interface DemoCommunity {
  slug: string;
  name: string;
  description: string;
  website: string | null;
  events: DemoEvent[];
}
