import type { DemoCallSeed } from "../cfp/index.js";

/**
 * The Developer Summit 2014's call for participation (Chicago, 18–19 August 2014; proposals
 * were due on 2 May 2014): presentations and workshops, its development topics and its
 * deployment and user topics as the two tracks. The demo reopens it from seed time; the sample
 * proposals are demo content by the demo speaker account, not talks anyone gave.
 */
export const summitCall: Omit<DemoCallSeed, "communitySlug" | "eventSlug"> = {
  chairEmail: "chair@example.org",
  openDays: 30,
  phase: "reviewing",
  settings: {
    sessionTypes: [
      { key: "presentation", label: "Presentation", minutes: 40 },
      { key: "workshop", label: "Workshop", minutes: 90 },
      { key: "panel", label: "Panel", minutes: 45 },
      { key: "bof", label: "Birds of a feather", minutes: 45 },
    ],
    tracks: [
      {
        key: "development",
        name: "Development",
        topics: [
          "Development proposals",
          "Feature development updates",
          "Project updates",
          "Architectural evolution of the Xen Project",
          "Development best practices",
          "Performance, scalability, security, usability and power studies and benchmarks",
          "Lessons learned",
          "Working with other open source projects",
          "Easier consumption by distributions and integrators",
        ],
      },
      {
        key: "deployment",
        name: "Deployment and users",
        topics: [
          "Deploying Xen Project software and its sister projects at scale",
          "Best practices for working with the Xen Project",
          "User case studies",
          "Xen Project benchmarks",
          "Securing clouds built on the Xen Project",
          "Managing Xen Project based environments",
          "Related open source projects that benefit users",
          "Third-party integrations",
        ],
      },
    ],
    questions: [
      { key: "audience", target: "proposal", kind: "choice", label: "Who is the session for?", help: "", required: true, maxLength: null, min: null, max: null, options: ["Developers", "Integrators", "Power users"], maxChoices: null },
      { key: "first_time", target: "speaker", kind: "boolean", label: "Is this your first talk at the summit?", help: "", required: false, maxLength: null, min: null, max: null, options: [], maxChoices: null },
    ],
    criteria: [
      {
        key: "relevance",
        label: "Relevance to Xen Project developers and users",
        weight: 2,
        scale: [
          { value: 1, label: "Off topic" },
          { value: 2, label: "Marginal" },
          { value: 3, label: "Relevant" },
          { value: 4, label: "Central" },
        ],
      },
      {
        key: "quality",
        label: "Quality of the proposal",
        weight: 1,
        scale: [
          { value: 1, label: "Weak" },
          { value: 2, label: "Fair" },
          { value: 3, label: "Good" },
          { value: 4, label: "Excellent" },
        ],
      },
    ],
    maxProposalsPerSpeaker: 6,
    lateAccessCode: "demo-late-2014",
    blind: true,
    page:
      "**Demo content.** The Developer Summit's call closed on 2 May 2014; this demo reopened it when the demo was set up, so you can try submitting, reviewing and deciding.\n\n" +
      "The summit brings together developers, integrators and power users of the Xen Project in Chicago on 18 and 19 August 2014. " +
      "The programme committee looks for presentations and workshops on developing the Xen Project, and for experience from deploying and running it: pick the topics of your proposal from the two tracks below.\n\n" +
      "If it matters to Xen Project development, integration or use, we want to hear about it.",
  },
  profiles: [
    { email: "speaker@example.org", name: "Demo Speaker", affiliation: "Example Virtualisation Lab (demo)", biography: "A demo account that proposes talks." },
    { email: "reviewer@example.org", name: "Demo Reviewer", affiliation: "Example Cloud Co. (demo)", biography: "" },
    { email: "reviewer2@example.org", name: "Second Demo Reviewer", affiliation: "Example Hosting (demo)", biography: "" },
    { email: "chair@example.org", name: "Demo Chair", affiliation: "Example Foundation (demo)", biography: "" },
  ],
  proposals: [
    { speakerEmail: "speaker@example.org", title: "Demo: a proposal for faster guest migration", abstract: "Demo content. A sample proposal on the development track about moving running guests between hosts with less downtime.", sessionType: "presentation", topics: ["Development proposals"] },
    { speakerEmail: "speaker@example.org", title: "Demo: benchmarking the 4.4 scheduler on many cores", abstract: "Demo content. A sample proposal with measurements of scheduling on large machines.", sessionType: "presentation", topics: ["Performance, scalability, security, usability and power studies and benchmarks", "Xen Project benchmarks"] },
    { speakerEmail: "speaker@example.org", title: "Demo: hardening a Xen Project based cloud, hands on", abstract: "Demo content. A sample workshop on securing a cloud built on the hypervisor.", sessionType: "workshop", topics: ["Securing clouds built on the Xen Project"] },
    { speakerEmail: "speaker@example.org", title: "Demo: packaging the hypervisor for distributions", abstract: "Demo content. A sample birds-of-a-feather session for packagers and integrators.", sessionType: "bof", topics: ["Easier consumption by distributions and integrators"] },
  ],
  conflicts: [{ title: "Demo: hardening a Xen Project based cloud, hands on", email: "reviewer2@example.org" }],
};
