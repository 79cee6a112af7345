/**
 * Name normalisation of SPEC §1.3 and §2.8: ASCII-only lower-casing, then every character outside a-z0-9 removed.
 * "Final Announcement", "final_announcement" and "FINAL-ANNOUNCEMENT" all give "finalannouncement".
 */
export function norm(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    let c = text.charCodeAt(i);
    if (c >= 65 && c <= 90) c += 32;
    if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57)) out += String.fromCharCode(c);
  }
  return out;
}

/** A JSON integer inside [min, max] (SPEC §2.8 item 2: `1.0` is 1; strings, booleans and null are not). */
export function isIntIn(value: unknown, min: number, max: number): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max;
}
