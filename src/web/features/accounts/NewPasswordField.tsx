import type { ComponentProps } from "react";
import { LIMITS } from "../../../server/features/accounts/schema.js";
import { TextField } from "../../app/forms.js";
import { useI18n } from "../../app/i18n.js";

/** A password being chosen: the server's length limits, and the browser's password manager told so. */
export function NewPasswordField(props: Omit<ComponentProps<typeof TextField>, "type" | "autoComplete" | "minLength" | "maxLength" | "required">) {
  const { t } = useI18n();
  return <TextField hint={t("accounts.password.hint", { min: LIMITS.passwordMin })} {...props} type="password" autoComplete="new-password" minLength={LIMITS.passwordMin} maxLength={LIMITS.passwordMax} required />;
}
