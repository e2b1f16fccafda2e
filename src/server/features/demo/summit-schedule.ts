import type { DemoScheduleSeed } from "../schedule/index.js";

/**
 * The Developer Summit's demo schedule (Chicago, 18–19 August 2014). The dates, the city and
 * the themes come from the summit's call for participation; the rooms, times, sessions and
 * speakers are demo content, invented to show the schedule (labelled as such on every
 * session), until the call for participation's sample accepted proposals take their place.
 */
const d1 = "2014-08-18";
const d2 = "2014-08-19";
const demo = (s: string) => `Demo content. ${s}`;

export const summitSchedule: Omit<DemoScheduleSeed, "communitySlug" | "eventSlug" | "organiserEmail"> = {
  slotMinutes: 15,
  rooms: [
    { name: "Main hall", capacity: 250 },
    { name: "Room A", capacity: 80 },
    { name: "Room B", capacity: 40 },
  ],
  days: [
    { date: d1, startTime: "09:00", endTime: "17:30" },
    { date: d2, startTime: "09:00", endTime: "17:00" },
  ],
  breaks: [d1, d2].flatMap((date) => [
    { date, start: "10:30", end: "11:00", title: "Coffee" },
    { date, start: "12:30", end: "13:30", title: "Lunch" },
    { date, start: "15:00", end: "15:30", title: "Coffee" },
  ]),
  speakers: [
    { key: "speaker", name: "Demo Speaker", affiliation: "Demo content", email: "speaker@example.org" },
    ...[2, 3, 4, 5, 6, 7, 8, 9].map((n) => ({ key: `s${n}`, name: `Demo speaker ${n}`, affiliation: "Demo content" })),
  ],
  sessions: [
    { title: "Welcome: the state of the Xen Project", abstract: demo("Where the project stands and what the two days hold."), type: "talk", track: "Project updates", minutes: 30, audience: 200, speakers: ["s2"], room: "Main hall", date: d1, start: "09:00" },
    { title: "Feature update: the hypervisor on x86", abstract: demo("What landed since the last summit and what is being worked on."), type: "talk", track: "Development", minutes: 60, audience: 150, speakers: ["s3"], room: "Main hall", date: d1, start: "09:30" },
    { title: "Xen on ARM: where the port stands", abstract: demo("An update on ARM servers and embedded boards."), type: "talk", track: "Development", minutes: 60, audience: 70, speakers: ["speaker"], room: "Room A", date: d1, start: "09:30" },
    { title: "Lessons learned deploying Xen at scale", abstract: demo("A case study of running many hosts."), type: "talk", track: "Deploying Xen", minutes: 45, audience: 120, speakers: ["s4"], room: "Main hall", date: d1, start: "11:00" },
    { title: "Securing Xen-based clouds: tips and tricks", abstract: demo("Practical hardening for cloud operators."), type: "talk", track: "Deploying Xen", minutes: 45, audience: 75, speakers: ["s5"], room: "Room A", date: d1, start: "11:00" },
    { title: "Making Xen easier to consume for distributions", abstract: demo("A working session with packagers and integrators."), type: "workshop", track: "Development", minutes: 90, audience: 30, speakers: ["s6"], room: "Room B", date: d1, start: "11:00" },
    { title: "Benchmarks: performance and scalability", abstract: demo("Measurements, methods and surprises."), type: "talk", track: "Development", minutes: 45, audience: 110, speakers: ["s7"], room: "Main hall", date: d1, start: "13:30" },
    { title: "A cloud operating system on Xen", abstract: demo("Building single-purpose guests."), type: "talk", track: "Related projects", minutes: 45, audience: 60, speakers: ["s8"], room: "Room A", date: d1, start: "13:30" },
    { title: "Design proposals: the architecture's next steps", abstract: demo("A panel discussion on proposals for the architecture."), type: "panel", track: "Development", minutes: 45, audience: 140, speakers: ["s3", "s9"], room: "Main hall", date: d1, start: "14:15" },
    { title: "Managing Xen-based environments", abstract: demo("Tooling for day-to-day operations."), type: "talk", track: "Deploying Xen", minutes: 45, audience: 90, speakers: ["s4"], room: "Main hall", date: d1, start: "15:30" },
    { title: "Working with other open source projects", abstract: demo("Interfaces with the kernel, QEMU and the cloud stacks."), type: "talk", track: "Related projects", minutes: 45, audience: 35, speakers: ["s9"], room: "Room B", date: d1, start: "15:30" },
    { title: "Case study: Xen in a car", abstract: demo("Embedded and automotive uses of the hypervisor."), type: "talk", track: "Deploying Xen", minutes: 45, audience: 130, speakers: ["s5"], room: "Main hall", date: d2, start: "09:00" },
    { title: "Power consumption on embedded Xen", abstract: demo("Measuring and reducing energy use."), type: "talk", track: "Development", minutes: 45, audience: 50, speakers: ["speaker"], room: "Room A", date: d2, start: "09:00" },
    { title: "Third-party integrations and toolstacks", abstract: demo("How other tools drive Xen."), type: "talk", track: "Related projects", minutes: 45, audience: 80, speakers: ["s6"], room: "Main hall", date: d2, start: "09:45" },
    { title: "Hands-on: development best practices", abstract: demo("Reviewing, testing and sending patches."), type: "workshop", track: "Development", minutes: 90, audience: 35, speakers: ["s7", "s2"], room: "Room B", date: d2, start: "11:00" },
    { title: "Project update: the road to the next release", abstract: demo("Release planning, in the open."), type: "talk", track: "Project updates", minutes: 45, audience: 180, speakers: ["s2"], room: "Main hall", date: d2, start: "13:30" },
  ],
};
