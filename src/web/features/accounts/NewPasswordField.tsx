import type { ComponentProps } from "react";
import { LIMITS } from "../../../server/features/accounts/schema.js";
import { TextField } from "../../app/forms.js";

/** A password being chosen: the server's length limits, and the browser's password manager told so. */
export function NewPasswordField(props: Omit<ComponentProps<typeof TextField>, "type" | "autoComplete" | "minLength" | "maxLength" | "required">) {
  return <TextField hint={`At least ${LIMITS.passwordMin} characters.`} {...props} type="password" autoComplete="new-password" minLength={LIMITS.passwordMin} maxLength={LIMITS.passwordMax} required />;
}
