/** Only same-site paths are followed after sign-in ("/account", never "//evil.example" or "https://…"). */
export function safeNext(next: string | null | undefined, fallback = "/"): string {
  if (!next || !next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")) return fallback;
  return next;
}
