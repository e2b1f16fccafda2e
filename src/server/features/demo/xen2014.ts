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
      // The source names the Napa Valley, not a venue; the talks' day is the only day it gives.
      venue: "",
      city: "Napa, California",
      country: "United States",
      // GeoNames' point for the city of Napa.
      latitude: 38.29714,
      longitude: -122.28553,
      timeZone: "America/Los_Angeles",
      startDate: "2014-03-27",
      endDate: "2014-03-27",
      hostOrganisation: "The Linux Foundation",
      description: [
        "The Linux Foundation's Collaboration Summit, in the Napa Valley wine country this year.",
        "On Thursday 27 March four talks by Xen Project members and contributors followed one another " +
          "through the afternoon, close to a small Xen Project summit of their own.",
      ].join("\n\n"),
      capacity: null,
      website: null,
      cfpClosesAt: null,
    },
    {
      kind: "external",
      slug: "cloudstack-collab-na-2014",
      // The source's joint heading: ApacheCon with the CloudStack Collaboration Conference. It
      // gives them 7–9 April and then the talks there on 10 and 11 April, so the event spans both.
      name: "ApacheCon and CloudStack Collaboration Conference 2014",
      venue: "",
      city: "Denver, Colorado",
      country: "United States",
      // GeoNames' point for the city of Denver.
      latitude: 39.73915,
      longitude: -104.9847,
      timeZone: "America/Denver",
      startDate: "2014-04-07",
      endDate: "2014-04-11",
      hostOrganisation: "",
      description: [
        "ApacheCon and the Apache CloudStack Collaboration Conference, together in Denver (announced for " +
          "7–9 April), with a CentOS Dojo alongside.",
        "Xen Project talks for the CloudStack audience on Thursday 10 April and Friday 11 April.",
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
      description: "A CentOS Dojo co-located with ApacheCon in Denver.",
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
      abstract: "The technologies needed to make full use of Xen Project software in cars.",
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
      abstract: "Running Xen as the hypervisor beneath a CentOS system.",
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
  /**
   * The blog's five posts of March 2014 ("Monthly Archives: March 2014"), retold in our own
   * words with the facts they give. The archive gives the month and the order (newest
   * first: hackathon, road, XenGT, 4.4, summit call), not the days: the days below are
   * demo placeholders chosen to keep that order. No author is named (no account is invented).
   */
  announcements: [
    {
      slug: "developer-summit-2014-call-for-participation",
      title: "Developer Summit 2014: the call for participation is open",
      tags: ["developer-summit", "cfp"],
      eventSlug: "developer-summit-2014",
      publishAt: "2014-03-05T12:00:00Z",
      body: [
        "The Xen Project Developer Summit meets in **Chicago on 18–19 August 2014**, and the programme committee now takes proposals for talks and workshops.",
        "Two kinds of material are wanted. For people who work on Xen itself: proposals for new development, progress reports on features, project news, the architecture's future, development practice, measurements of performance, scalability, security, ease of use or power, lessons learned, work with other open-source projects, and making Xen easier for distributions and integrators to ship.",
        "For people who run it: large deployments of Xen and its sister projects, good practice, user case studies, benchmarks, securing Xen-based clouds, managing Xen environments, related open-source projects and third-party integrations.",
        "Anything relevant to developing, integrating or using Xen is welcome. **Proposals are due by 2 May.**",
      ].join("\n\n"),
    },
    {
      slug: "xen-4-4-released",
      title: "Xen 4.4 is out",
      tags: ["releases", "xen-4-4"],
      eventSlug: null,
      publishAt: "2014-03-10T12:00:00Z",
      body: [
        "Xen 4.4.0 is released. It took eight months and 1,193 changesets: the first release planned on a six-month cycle, which it overran by about six weeks.",
        "Testing grew a lot this time: more tests in osstest, Citrix's XenServer team ran the release through XenRT, and the Coverity static analyser combed the code for hard-to-find bugs.",
        "Highlights:",
        "- **libvirt and libxl** now work together reliably (work by Jim Fehlig of SUSE and Ian Jackson of Citrix), opening the way for every tool built on libvirt, up to CloudStack and OpenStack.\n- A new **FIFO event channel** interface by David Vrabel of Citrix lifts the old limit (1,024 channels for 32-bit guests, 4,096 for 64-bit) to more than 200,000, and can grow further without breaking compatibility.\n- The **ARM** hypervisor ABI is declared stable: guests built for the 4.4 ABI will boot on every later version.\n- **Nested virtualisation** on Intel hardware moves from experimental to tech preview.",
        "Around Xen: GRUB 2 now runs natively as a PV guest using the PV block protocol, Xen Orchestra 3.3 adds snapshot and host management, and GlusterFS 3.5 can export iSCSI, so guest disks can live in GlusterFS.",
      ].join("\n\n"),
    },
    {
      slug: "xengt-full-gpu-virtualization",
      title: "XenGT: full GPU virtualisation on Intel processor graphics",
      tags: ["xengt", "graphics"],
      eventSlug: null,
      publishAt: "2014-03-14T12:00:00Z",
      body: [
        "More and more GPU-accelerated work moves into virtual machines, from virtual desktops to GPU capacity rented in the cloud. XenGT is Intel's answer for its integrated graphics.",
        "Of the ways to virtualise a GPU (device emulation, API forwarding, direct pass-through and mediated pass-through), XenGT takes the last: each VM runs the native graphics driver and reaches the performance-critical resources directly — its part of the global graphics memory, its own per-process address spaces and command buffers — while privileged operations (PCI configuration, the GTT tables, submitting commands) are trapped by Xen and emulated by a mediator.",
        "The mediator lives in dom0 as a module separate from dom0's own graphics driver, keeps a virtual GPU for every VM, and schedules the render engine between them. Xen therefore traps dom0's driver as well: a \"de-privileged\" dom0.",
        "The code and a setup guide are on GitHub, the team plans to upstream it, and patches are welcome. XenGT was first announced in September 2013 and shown at the 2013 Developer Summit in Edinburgh.",
      ].join("\n\n"),
    },
    {
      slug: "xen-project-team-hits-the-road",
      title: "The Xen Project team on the road this spring",
      tags: ["road", "events"],
      eventSlug: "collaboration-summit-2014",
      publishAt: "2014-03-25T12:00:00Z",
      body: [
        "Members and contributors are speaking at several conferences this spring — come and say hello to the speakers.",
        "**Linux Foundation Collaboration Summit, Napa Valley, 27 March:** Alex Azizam (GlobalLogic) on Xen versus Xen Automotive at 11:30, Zhiyuan Lv (Intel) on XenGT at 14:00, Mukesh Rathor (Oracle) on PVH at 15:00, and the community manager on what Xen Project 4.4 brings at 16:00.",
        "**Denver, 10–11 April:** 4.4 features and futures again at the CloudStack Collaboration Conference (Thursday 14:20), Xen on CentOS at the CentOS Dojo (16:20), and on Friday at 11:45 John Mark Walker (Red Hat) on CloudStack, Xen and GlusterFS together.",
        "All of them are on our calendar of talks on the road, where slides and videos are linked once they are online.",
      ].join("\n\n"),
    },
    {
      slug: "hackathon-2014-london",
      title: "Xen Project Hackathon 2014: London, 29–30 May, hosted by Rackspace",
      tags: ["hackathon", "events"],
      eventSlug: "hackathon-2014",
      publishAt: "2014-03-28T12:00:00Z",
      body: [
        "This year's Hackathon takes place at Rackspace's offices in London on **29 and 30 May**. Rackspace, which also hosts the project's wiki, mailing lists and blog, is our host.",
        "Developers meet face to face to discuss, plan and write code together, with a social evening on the 29th. Likely topics range from the new 4.4 features and the next release to cloud integration, Mirage OS and Xen in embedded, mobile, automotive and NFV — but the people in the room choose.",
        "It runs as an unconference: each day opens with a plenary where anyone can announce a topic, which is given a numbered work area and a time slot, and closes with a short plenary to report back and show demos.",
        "Places are limited, so **request an invitation**; you will hear from us within five business days. The fee is $15 and goes to a charity or open-source organisation; travel and accommodation are your own, and a few travel stipends are available for those who could not come otherwise.",
      ].join("\n\n"),
    },
  ],
};
