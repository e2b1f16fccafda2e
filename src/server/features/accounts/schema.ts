import { z } from "zod";
import { LOCALES } from "../../../shared/i18n/locales.js";

/** Limits shared by the API and the web forms. */
export const LIMITS = {
  nameMax: 120,
  emailMax: 254,
  passwordMin: 10,
  passwordMax: 256,
  tokenNameMax: 80,
} as const;

export const email = z.email("Enter a valid email address.").max(LIMITS.emailMax).transform((e) => e.trim());
export const password = z
  .string()
  .min(LIMITS.passwordMin, `Use at least ${LIMITS.passwordMin} characters.`)
  .max(LIMITS.passwordMax, `Use at most ${LIMITS.passwordMax} characters.`);
export const displayName = z.string().trim().min(1, "Enter your name.").max(LIMITS.nameMax);
const token = z.string().min(10, "This link is not valid.").max(200);

export const signUpBody = z.object({ email, name: displayName, password, locale: z.enum(LOCALES).default("en") }).strict();
export type SignUpBody = z.infer<typeof signUpBody>;

export const signInBody = z.object({ email, password: z.string().min(1, "Enter your password.").max(LIMITS.passwordMax) }).strict();
export type SignInBody = z.infer<typeof signInBody>;

export const emailOnlyBody = z.object({ email }).strict();
export type EmailOnlyBody = z.infer<typeof emailOnlyBody>;

export const tokenBody = z.object({ token }).strict();
export type TokenBody = z.infer<typeof tokenBody>;

export const resetCompleteBody = z.object({ token, password }).strict();
export type ResetCompleteBody = z.infer<typeof resetCompleteBody>;

export const updateAccountBody = z.object({ name: displayName.optional(), locale: z.enum(LOCALES).optional() }).strict();
export type UpdateAccountBody = z.infer<typeof updateAccountBody>;

export const changePasswordBody = z.object({ currentPassword: z.string().min(1).max(LIMITS.passwordMax), newPassword: password }).strict();
export type ChangePasswordBody = z.infer<typeof changePasswordBody>;

export const deleteAccountBody = z.object({ password: z.string().max(LIMITS.passwordMax).optional(), confirm: z.literal("DELETE", { message: "Type DELETE to confirm." }) }).strict();
export type DeleteAccountBody = z.infer<typeof deleteAccountBody>;

export const createTokenBody = z.object({ name: z.string().trim().min(1, "Name the token.").max(LIMITS.tokenNameMax) }).strict();
export type CreateTokenBody = z.infer<typeof createTokenBody>;

export const tokenIdParams = z.object({ tokenId: z.uuid("Unknown token.") });

export const userView = z.object({
  id: z.uuid(),
  email: z.string(),
  name: z.string(),
  isAdmin: z.boolean(),
  locale: z.string(),
  emailVerified: z.boolean(),
});
export type UserView = z.infer<typeof userView>;

export const sessionView = z.object({ user: userView.nullable(), csrfToken: z.string().nullable() });
export type SessionView = z.infer<typeof sessionView>;

export const accountView = userView.extend({
  roles: z.array(z.object({ eventId: z.uuid(), eventName: z.string(), communitySlug: z.string(), eventSlug: z.string(), role: z.string() })),
  communities: z.array(z.object({ slug: z.string(), name: z.string() })),
});
export type AccountView = z.infer<typeof accountView>;

export const tokenView = z.object({ id: z.uuid(), name: z.string(), prefix: z.string(), createdAt: z.string(), lastUsedAt: z.string().nullable() });
export const tokenList = z.object({ tokens: z.array(tokenView) });
export const createdToken = tokenView.extend({ token: z.string() });

export const acceptedView = z.object({ message: z.string() });
