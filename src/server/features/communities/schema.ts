import { z } from "zod";
import { msgId } from "../../../shared/i18n/catalogue.js";

export const LIMITS = { nameMax: 120, descriptionMax: 20_000, slugMax: 60 } as const;

export const slug = z
  .string()
  .min(2)
  .max(LIMITS.slugMax)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, msgId("communities.form.slugFormat"));
const url = z.url({ protocol: /^https?$/ }).max(500);

export const communityParams = z.object({ community: slug });

/** Each field once, without defaults: a PATCH changes exactly the fields it sends. */
const communityFields = z.object({ slug, name: z.string().trim().min(1, msgId("communities.form.nameRequired")).max(LIMITS.nameMax), description: z.string().max(LIMITS.descriptionMax), website: url.nullable() });

export const createCommunityBody = communityFields.extend({ description: communityFields.shape.description.default(""), website: communityFields.shape.website.optional() }).strict();
export type CreateCommunityBody = z.infer<typeof createCommunityBody>;

export const updateCommunityBody = communityFields.omit({ slug: true }).partial().strict();
export type UpdateCommunityBody = z.infer<typeof updateCommunityBody>;

export const communityView = z.object({
  id: z.uuid(),
  slug: z.string(),
  name: z.string(),
  description: z.string(),
  descriptionHtml: z.string(),
  website: z.string().nullable(),
});
export type CommunityView = z.infer<typeof communityView>;
export const communityList = z.object({ communities: z.array(communityView) });

export const organiserBody = z.object({ email: z.email() }).strict();
export const organiserParams = communityParams.extend({ userId: z.uuid(msgId("communities.form.unknownPerson")) });
export const personView = z.object({ userId: z.uuid(), name: z.string(), email: z.string() });
export const organiserList = z.object({ organisers: z.array(personView) });
