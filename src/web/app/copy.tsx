import { useState } from "react";
import { useI18n } from "./i18n.js";

/** A secret shown once (a token, a signing secret) with a button that copies it. */
export function CopyBox({ value, label }: { value: string; label: string }) {
  const { t } = useI18n();
  const [copied, setCopied] = useState(false);
  return (
    <div className="token-box">
      <code aria-label={label}>{value}</code>
      <button
        type="button"
        className="button small secondary"
        onClick={async () => {
          try {
            await navigator.clipboard.writeText(value);
            setCopied(true);
          } catch {
            setCopied(false);
          }
        }}
      >
        {t(copied ? "common.copied" : "common.copy")}
      </button>
    </div>
  );
}
