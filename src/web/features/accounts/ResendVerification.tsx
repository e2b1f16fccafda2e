import { useState } from "react";
import { post } from "../../app/api.js";
import { toFormErrors } from "../../app/errors.js";
import { useI18n } from "../../app/i18n.js";

/** "Send the confirmation link again" for an unverified address. */
export function ResendVerification({ email, className = "button secondary" }: { email: string; className?: string }) {
  const { t } = useI18n();
  const [state, setState] = useState<{ busy: boolean; sent: boolean; error: string }>({ busy: false, sent: false, error: "" });
  return (
    <div className="resend">
      <button
        type="button"
        className={className}
        disabled={state.busy}
        onClick={async () => {
          setState({ busy: true, sent: false, error: "" });
          try {
            await post("/auth/resend-verification", { email });
            setState({ busy: false, sent: true, error: "" });
          } catch (err) {
            setState({ busy: false, sent: false, error: toFormErrors(err).summary });
          }
        }}
      >
        {state.busy ? t("accounts.resend.busy") : t("accounts.resend.button")}
      </button>
      <p role="status" className={state.error ? "field-error" : "success-text"}>
        {state.sent ? t("accounts.resend.sent") : state.error}
      </p>
    </div>
  );
}
