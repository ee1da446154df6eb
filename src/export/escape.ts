// Escaping for the XML and HTML that exports and record pages write: one escaper for both.

/** Text for XML or HTML content and attribute values; drops the control characters XML 1.0 forbids. */
export function escapeMarkup(value: unknown): string {
  return (
    String(value ?? "")
      .replace(/&/g, "&amp;")
      .replace(/</g, "&lt;")
      .replace(/>/g, "&gt;")
      .replace(/"/g, "&quot;")
      // XML 1.0 cannot carry these control characters at all, even escaped.
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, "")
  );
}

/** A property value as text: strings as they are, anything else as JSON. */
export function valueText(v: unknown): string {
  return typeof v === "string" ? v : JSON.stringify(v);
}
