import type { DemoBoardSeed } from "../unconference/index.js";

const DEMO = "*Demo content: a plausible pre-event topic, drawn from the themes the 2014 Hackathon announcement names; not a record of what was discussed.*";
const ATTENDEE = "attendee@example.org";
const ORGANISER = "organiser@example.org";

/**
 * The Xen Project Hackathon 2014's unconference board. From the announcement: London, 29–30
 * May, a plenary opening and closing each day, a social evening on the 29th, and the themes
 * below. Demo assumptions (the announcement gives none of them): two days of 9:00–17:00, six
 * hour-long slots a day around lunch, and six numbered work areas with these capacities and
 * features.
 */
export const hackathonBoard: Omit<DemoBoardSeed, "communitySlug" | "eventSlug"> = {
  days: [
    { date: "2014-05-29", startTime: "09:00", endTime: "17:00" },
    { date: "2014-05-30", startTime: "09:00", endTime: "17:00" },
  ],
  slots: [
    { startTime: "09:30", endTime: "10:30" },
    { startTime: "10:30", endTime: "11:30" },
    { startTime: "11:30", endTime: "12:30" },
    { startTime: "13:30", endTime: "14:30" },
    { startTime: "14:30", endTime: "15:30" },
    { startTime: "15:30", endTime: "16:30" },
  ],
  areas: [
    { label: "1", capacity: 30, features: ["projector", "whiteboard"] },
    { label: "2", capacity: 15, features: ["projector"] },
    { label: "3", capacity: 12, features: ["whiteboard"] },
    { label: "4", capacity: 10, features: ["whiteboard"] },
    { label: "5", capacity: 8, features: ["quiet"] },
    { label: "6", capacity: 6, features: ["quiet"] },
  ],
  fixed: [
    ...["2014-05-29", "2014-05-30"].flatMap((date) => [
      { date, startTime: "09:00", endTime: "09:30", kind: "plenary" as const, title: "Morning plenary" },
      { date, startTime: "12:30", endTime: "13:30", kind: "lunch" as const, title: "Lunch" },
      { date, startTime: "16:30", endTime: "17:00", kind: "plenary" as const, title: "Evening plenary" },
    ]),
    { date: "2014-05-29", startTime: "18:30", endTime: "22:00", kind: "social", title: "Social evening" },
  ],
  topics: [
    { title: "What is new in Xen Project Hypervisor 4.4", description: `A walk through the 4.4 release for those who have not followed it closely, with time for questions.\n\n${DEMO}`, needs: ["projector"], length: 1, leaders: [ORGANISER], interested: [ATTENDEE] },
    { title: "Planning the next hypervisor release", description: `Which features are close, who works on what, and what the release schedule should be.\n\n${DEMO}`, needs: ["whiteboard"], length: 2, leaders: [ORGANISER], interested: [ATTENDEE] },
    { title: "Cloud integration: what toolstacks need from Xen", description: `Gaps that cloud orchestration projects run into when they drive Xen, and who can close them.\n\n${DEMO}`, needs: [], length: 1, leaders: [ATTENDEE], interested: [ORGANISER] },
    { title: "Cloud operating systems and Mirage OS", description: `Library operating systems on Xen: where Mirage OS stands and what the hypervisor could do for it.\n\n${DEMO}`, needs: ["projector"], length: 1, leaders: [ATTENDEE], interested: [] },
    { title: "Xen on ARM for embedded and mobile devices", description: `Porting status, boards people have working, and what embedded users ask for.\n\n${DEMO}`, needs: [], length: 1, leaders: [ATTENDEE], interested: [ORGANISER] },
    { title: "Xen in automotive systems", description: `Running several in-car systems side by side on one hypervisor: requirements and open questions.\n\n${DEMO}`, needs: [], length: 1, leaders: [ORGANISER], interested: [ATTENDEE] },
    { title: "Network function virtualisation on Xen", description: `Network performance for NFV workloads: where the time goes and what to measure.\n\n${DEMO}`, needs: ["whiteboard"], length: 1, leaders: [ATTENDEE], interested: [] },
  ],
};
