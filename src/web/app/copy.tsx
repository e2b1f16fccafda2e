import { useState } from "react";

/** A secret shown once (a token, a signing secret) with a button that copies it. */
export function CopyBox({ value, label }: { value: string; label: string }) {
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
        {copied ? "Copied" : "Copy"}
      </button>
    </div>
  );
}
