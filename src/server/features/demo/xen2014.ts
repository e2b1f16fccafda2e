import type { DemoCommunity } from "./data-types.js";

/**
 * Demo data: the Xen Project community and its 2014 events.
 *
 * Facts come from the Xen Project's public 2014 material (blog announcements,
 * wiki event pages, Advisory Board minutes, sched.com listings); all prose is
 * our own wording. Where a fact could not be confirmed we leave it null (or,
 * for talks, leave the talk out) rather than guess.
 */
export const xenProject: DemoCommunity = {
  slug: "xen-project",
  name: "Xen Project",
  description:
    "The Xen Project is the open source community behind the Xen hypervisor, a bare-metal " +
    "virtualisation layer that runs underneath many public clouds, commercial server products " +
    "and, increasingly, embedded and automotive systems. Hosted as a Linux Foundation " +
    "Collaborative Project, it brings together individual contributors and member companies " +
    "that work in the open on the hypervisor, its toolstack and related efforts such as the " +
    "Mirage OS cloud operating system, and it meets in person at hackathons, developer " +
    "summits and talks at the wider open source conferences.",
  website: "https://xenproject.org",
  events: [
    {
      kind: "hackathon",
      slug: "hackathon-2014",
      name: "Xen Project Hackathon 2014",
      venue: "Rackspace Ltd, 5 Millington Road, Hyde Park Hayes, Middlesex UB3 4AZ",
      city: "Hayes (London)",
      country: "United Kingdom",
      latitude: 51.5019,
      longitude: -0.4289,
      timeZone: "Europe/London",
      startDate: "2014-05-29",
      endDate: "2014-05-30",
      hostOrganisation: "Rackspace",
      description: [
        "Two days in which Xen Project developers get together in one room to talk through designs, " +
          "plan the next hypervisor release, review and write code, and get to know the people behind " +
          "the mailing-list addresses. Rackspace is hosting this year's edition at its London site in " +
          "Hayes; work runs from 9:00 to 17:00 on both days, and there is a social evening for all " +
          "attendees on Thursday 29 May.",
        "The agenda is set by the people in the room, unconference style. Each morning opens with a " +
          "plenary: anyone who wants to work on a topic pitches it briefly, and it is pinned to one of " +
          "the numbered work areas and a time slot on a shared grid, so others can find the session and " +
          "join in. Each evening closes with another plenary in which the groups report back, often with " +
          "a short demo.",
        "Likely themes include what is new in Xen Project Hypervisor 4.4, planning for the next release, " +
          "cloud integration, cloud operating systems such as Mirage OS, and Xen in newer areas like " +
          "embedded, mobile, automotive and network function virtualisation.",
        "Places are limited and attendance is by invitation: please request an invitation rather than " +
          "simply turning up.",
      ].join("\n\n"),
      capacity: null,
      website: "https://wiki.xenproject.org/wiki/Archived/Hackathon/May2014",
      cfpClosesAt: null,
    },
    {
      kind: "conference",
      slug: "developer-summit-2014",
      name: "Xen Project Developer Summit 2014",
      venue: "Sheraton Chicago Hotel & Towers",
      city: "Chicago",
      country: "United States",
      latitude: 41.8893,
      longitude: -87.6199,
      timeZone: "America/Chicago",
      startDate: "2014-08-18",
      endDate: "2014-08-19",
      hostOrganisation: "The Linux Foundation",
      description: [
        "The Xen Project's yearly technical conference, where core developers and anyone building on " +
          "Xen meet to discuss where the hypervisor and its sub-projects are heading. In 2014 it runs " +
          "for two days in Chicago alongside LinuxCon North America (and the Linux Kernel Summit), so " +
          "it is easy to combine with the wider Linux events that week.",
        "The programme mixes scheduled talks with interactive discussion sessions organised on the day. " +
          "Expect roadmap and feature updates for the hypervisor on x86 and ARM, cloud operating systems " +
          "such as Mirage OS, security, performance and scalability work, and Xen's move into embedded " +
          "and automotive uses.",
        "The call for proposals invites both presentations and workshops; the schedule will be built " +
          "from the accepted proposals.",
      ].join("\n\n"),
      capacity: null,
      website: "http://events.linuxfoundation.org/events/xen-project-developer-summit",
      cfpClosesAt: "2014-05-02T23:59:00-05:00",
    },
    {
      kind: "external",
      slug: "collaboration-summit-2014",
      name: "Linux Foundation Collaboration Summit 2014",
      venue: "The Meritage Resort",
      city: "Napa, California",
      country: "United States",
      // GeoNames' point for the city of Napa (the resort is on its southern edge).
      latitude: 38.29714,
      longitude: -122.28553,
      timeZone: "America/Los_Angeles",
      startDate: "2014-03-26",
      endDate: "2014-03-28",
      hostOrganisation: "The Linux Foundation",
      description: [
        "The Linux Foundation's invitation-only gathering of kernel developers, distribution maintainers, " +
          "vendors and other open source community leaders, held this year at the Meritage Resort in " +
          "the Napa Valley.",
        "Members of the Xen Project community gave several talks here on Thursday 27 March, covering the " +
          "state of the project and its technology.",
      ].join("\n\n"),
      capacity: null,
      website: "https://collaborationsummit2014.sched.com/",
      cfpClosesAt: null,
    },
    {
      kind: "external",
      slug: "cloudstack-collab-na-2014",
      name: "CloudStack Collaboration Conference North America 2014",
      venue: "Sheraton Denver Downtown Hotel",
      city: "Denver, Colorado",
      country: "United States",
      // GeoNames' point for the city of Denver.
      latitude: 39.73915,
      longitude: -104.9847,
      timeZone: "America/Denver",
      startDate: "2014-04-09",
      endDate: "2014-04-11",
      hostOrganisation: "The Linux Foundation",
      description: [
        "Denver hosted a cluster of open source events in early April 2014: ApacheCon North America ran " +
          "from 7 to 9 April, the Apache CloudStack Collaboration Conference followed from 9 to 11 April " +
          "(the two shared a closing reception on the evening of the 9th), and the first CentOS Dojo " +
          "Denver took place alongside on 10 April.",
        "Xen Project community members spoke on 10 and 11 April, bringing the hypervisor to audiences of " +
          "cloud operators, CloudStack users and CentOS administrators.",
      ].join("\n\n"),
      capacity: null,
      website: null,
      cfpClosesAt: null,
    },
    {
      kind: "external",
      slug: "centos-dojo-denver-2014",
      name: "CentOS Dojo Denver 2014",
      venue: "",
      city: "Denver, Colorado",
      country: "United States",
      latitude: 39.73915,
      longitude: -104.9847,
      timeZone: "America/Denver",
      startDate: "2014-04-10",
      endDate: "2014-04-10",
      hostOrganisation: "",
      description: "A CentOS Dojo co-located with ApacheCon North America in Denver.",
      capacity: null,
      website: null,
      cfpClosesAt: null,
    },
  ],
  /**
   * "Team Hits the Road" (March 2014): seven talks with the times, titles, speakers and
   * affiliations the post gives, at the venue's local time. The post names no durations,
   * so no end is given. Where the post's author speaks ("I"), the speaker is shown as the
   * community manager rather than a guessed name. The 11 April talk is listed under the
   * post's joint Denver heading; it is placed at the CloudStack conference its title is about.
   * Abstracts are our own one-line summaries of the post's descriptions.
   */
  roadTalks: [
    {
      eventSlug: "collaboration-summit-2014",
      title: "Xen versus Xen Automotive",
      startsLocal: "2014-03-27T11:30",
      endsLocal: null,
      room: null,
      speakers: [{ name: "Alex Azizam", affiliation: "CTO, GlobalLogic" }],
      topics: ["automotive", "embedded"],
      abstract: "What it takes to run Xen Project software in cars, and how the automotive variant differs from the hypervisor everyone knows.",
      sessionUrl: null,
      slidesUrl: null,
      videoUrl: null,
    },
    {
      eventSlug: "collaboration-summit-2014",
      title: "XenGT: A Full GPU Virtualization Solution with Mediated Pass-Through",
      startsLocal: "2014-03-27T14:00",
      endsLocal: null,
      room: null,
      speakers: [{ name: "Zhiyuan Lv", affiliation: "Software Engineer, Intel" }],
      topics: ["gpu", "graphics"],
      abstract: "High-performance virtual GPUs for Xen Project guests on Intel processor graphics.",
      sessionUrl: null,
      slidesUrl: null,
      videoUrl: null,
    },
    {
      eventSlug: "collaboration-summit-2014",
      title: "PVH: A PV Guest in HVM Container",
      startsLocal: "2014-03-27T15:00",
      endsLocal: null,
      room: null,
      speakers: [{ name: "Mukesh Rathor", affiliation: "Software Engineer, Oracle" }],
      topics: ["pvh", "performance"],
      abstract: "Combining paravirtualisation with hardware virtualisation, a mode expected to be the fastest for most workloads.",
      sessionUrl: null,
      slidesUrl: null,
      videoUrl: null,
    },
    {
      eventSlug: "collaboration-summit-2014",
      title: "Xen Project 4.4: Features and Futures",
      startsLocal: "2014-03-27T16:00",
      endsLocal: null,
      room: null,
      speakers: [{ name: "Xen Project community manager", affiliation: "" }],
      topics: ["release", "roadmap"],
      abstract: "What the new 4.4 release brings, and a short look at what is coming next on the roadmap.",
      sessionUrl: null,
      slidesUrl: null,
      videoUrl: null,
    },
    {
      eventSlug: "cloudstack-collab-na-2014",
      title: "Xen Project 4.4: Features and Futures",
      startsLocal: "2014-04-10T14:20",
      endsLocal: null,
      room: null,
      speakers: [{ name: "Xen Project community manager", affiliation: "" }],
      topics: ["release", "roadmap", "cloudstack"],
      abstract: "The 4.4 release and the roadmap, presented again for the Apache CloudStack audience.",
      sessionUrl: null,
      slidesUrl: null,
      videoUrl: null,
    },
    {
      eventSlug: "centos-dojo-denver-2014",
      title: "Using and Understanding Xen CentOS",
      startsLocal: "2014-04-10T16:20",
      endsLocal: null,
      room: null,
      speakers: [{ name: "Xen Project community manager", affiliation: "" }],
      topics: ["centos"],
      abstract: "How to run the Xen Project hypervisor on top of CentOS.",
      sessionUrl: null,
      slidesUrl: null,
      videoUrl: null,
    },
    {
      eventSlug: "cloudstack-collab-na-2014",
      title: "The New Cloud Stack — CloudStack, Xen and GlusterFS",
      startsLocal: "2014-04-11T11:45",
      endsLocal: null,
      room: null,
      speakers: [{ name: "John Mark Walker", affiliation: "Gluster Community Manager, Red Hat" }],
      topics: ["cloudstack", "glusterfs", "storage"],
      abstract: "Recent work by Gluster engineers on integrating CloudStack, Xen and GlusterFS and making them scale together.",
      sessionUrl: null,
      slidesUrl: null,
      videoUrl: null,
    },
  ],
};
