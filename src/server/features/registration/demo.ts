import type { AppContext } from "../../platform/context.js";
import { registrationSettings } from "./tables.js";

/**
 * Registration for the demo hackathon. The 2014 hackathon was by invitation, but its
 * announcement names no fee, beneficiary or capacity, so those are clearly marked demo
 * values. The demo reopens the 2014 hackathon for trying the flow: requests are open from
 * seed time for 365 days (organisers can change the window in the settings).
 */
export const DEMO_REGISTRATION = {
  capacity: 50,
  feeAmount: 1500,
  feeCurrency: "USD",
  beneficiaryName: "Software Freedom Conservancy (demo beneficiary)",
  beneficiaryUrl: "https://sfconservancy.org/",
  feeInstructions: "Demo instance: no real money moves. Pay by bank transfer with your name as the reference, or in cash at the door; the organisers record it.",
  stipendBudget: 200_000,
  stipendCurrency: "USD",
  responseBusinessDays: 5,
  confirmationDays: 7,
} as const;

export async function seedRegistrationDemo(ctx: AppContext, hackathonId: string): Promise<void> {
  const now = ctx.now();
  await ctx.db
    .insert(registrationSettings)
    .values({
      eventId: hackathonId,
      ...DEMO_REGISTRATION,
      opensAt: now,
      closesAt: new Date(now.getTime() + 365 * 86400_000),
      holidays: [],
      waiversAllowed: true,
      questions: { affiliation: true, stipend: true, extra: [{ id: "topics", label: "Which Xen Project areas would you like to discuss or hack on?", required: false, maxLength: 500 }] },
    })
    .onConflictDoNothing();
}
