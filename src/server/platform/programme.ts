/**
 * A published programme, the shape every schedule output is written from (frab/c3voc
 * `schedule.xml` and `schedule.json`, iCalendar, CSV, the JSON API): a conference's released
 * schedule and a hackathon's published board are both programmes. The feature that owns the
 * data (schedule, unconference) builds one through its Feature descriptor's `programme` hook;
 * the output writers know nothing of either.
 */
export interface ProgrammeRoom {
  /** Stable id (UUID); rooms keep it across versions. */
  id: string;
  name: string;
  capacity: number | null;
  /** Display order, ascending. */
  position: number;
}

export interface ProgrammePerson {
  /** Stable id (UUID) of the speaker or leader, the same in every item they appear in. */
  id: string;
  name: string;
  affiliation: string | null;
  /** Their page on this instance, when there is one. */
  url: string | null;
}

export interface ProgrammeItem {
  /** Stable id (UUID): the frab `guid`, the base of the iCalendar UID. */
  id: string;
  /** Short id for URLs and the frab `slug`. */
  slug: string;
  title: string;
  subtitle: string | null;
  /** Plain text or Markdown source, never HTML. */
  abstract: string;
  description: string | null;
  /** A track or topic list, or null. */
  track: string | null;
  /** What kind of item: presentation, workshop, panel, bof, topic, break, … */
  type: string;
  /** BCP 47 language of the session, when known. */
  language: string | null;
  roomId: string;
  start: Date;
  end: Date;
  persons: ProgrammePerson[];
  links: { title: string; url: string }[];
  /** The item's page on this instance. */
  url: string;
  /** Raised whenever the item changes in a way a subscriber should notice (iCalendar SEQUENCE). */
  revision: number;
  /**
   * A small positive integer, stable across versions and unique in the programme (the frab
   * `id`), when the owner keeps one; the writers derive one from `id` otherwise.
   */
  number?: number;
}

/** A day of the programme as its owner plans it (a conference day may run past midnight). */
export interface ProgrammeDay {
  /** The calendar date the day is named by, in the programme's zone. */
  date: string;
  start: Date;
  end: Date;
}

/** A break shown in the programme (lunch, coffee), in one room or, with `roomId` null, in all. */
export interface ProgrammeBreak {
  id: string;
  title: string;
  roomId: string | null;
  start: Date;
  end: Date;
}

export interface Programme {
  event: {
    id: string;
    slug: string;
    communitySlug: string;
    title: string;
    /** IANA zone the programme is shown in. */
    timeZone: string;
    startDate: string;
    endDate: string;
    url: string;
    /** BCP 47 language most items are in, for outputs that require one per item. */
    language?: string;
  };
  /** The published version's label ("3", "2014-05-29 morning"), for the outputs' `version`. */
  version: string;
  publishedAt: Date;
  rooms: ProgrammeRoom[];
  items: ProgrammeItem[];
  /** The owner's days; without them the writers use the event's dates and the items' local days. */
  days?: ProgrammeDay[];
  /** Breaks; outputs that have no place for them (frab XML, JSON version 1) leave them out. */
  breaks?: ProgrammeBreak[];
  /** The grid step in minutes (frab `timeslot_duration`), when the owner plans on one. */
  slotMinutes?: number;
}
