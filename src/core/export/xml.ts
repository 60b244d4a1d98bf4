// Escaping for XML, SVG and HTML output: every piece of user text passes through here so it can
// never become markup, and characters XML 1.0 forbids are dropped so parsers never choke.

// XML 1.0 allows tab, LF, CR and U+0020 upwards except surrogates and U+FFFE/U+FFFF; lone
// surrogates are removed too (a paired one is a valid astral character).
const INVALID_XML =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Removes characters that may not appear in an XML 1.0 document. */
export function stripInvalidXml(text: string): string {
  return text.replace(INVALID_XML, '');
}

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/**
 * Escapes text for element content and attribute values alike (quotes included), so one helper
 * is safe everywhere. Non-strings are stringified; null/undefined become ''.
 */
export function escapeXml(value: unknown): string {
  if (value === null || value === undefined) return '';
  return stripInvalidXml(String(value)).replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
}

/** HTML uses the same rules: one name for readers of report code. */
export const escapeHtml = escapeXml;
