/** An address part from a title: "Xen 4.4 Released!" → "xen-4-4-released"; empty when nothing is left. */
export function slugify(text: string, maxLength = 60): string {
  return text
    .normalize("NFD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, maxLength)
    .replace(/-+$/, "");
}
