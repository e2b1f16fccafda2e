import { useState } from "react";
import { post } from "../../app/api.js";
import { toFormErrors } from "../../app/errors.js";

/** "Send the confirmation link again" for an unverified address. */
export function ResendVerification({ email, className = "button secondary" }: { email: string; className?: string }) {
  const [state, setState] = useState<{ busy: boolean; message: string; error: string }>({ busy: false, message: "", error: "" });
  return (
    <div className="resend">
      <button
        type="button"
        className={className}
        disabled={state.busy}
        onClick={async () => {
          setState({ busy: true, message: "", error: "" });
          try {
            const r = await post<{ message: string }>("/auth/resend-verification", { email });
            setState({ busy: false, message: r.message, error: "" });
          } catch (err) {
            setState({ busy: false, message: "", error: toFormErrors(err).summary });
          }
        }}
      >
        {state.busy ? "Sending…" : "Resend the confirmation link"}
      </button>
      <p role="status" className={state.error ? "field-error" : "success-text"}>
        {state.message || state.error}
      </p>
    </div>
  );
}
