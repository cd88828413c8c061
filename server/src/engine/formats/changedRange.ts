/**
 * Where a document's new version differs from its previous one: the readers that re-use their
 * previous reading (Terraform, YAML templates) are given only the texts, and find the edit here.
 */

/**
 * The one range where two texts differ: the end of their common prefix (`start`), and where the
 * changed text ends in each (before the common suffix). Offsets are string indices.
 */
export function changedRange(
  before: string,
  after: string,
): { start: number; oldEnd: number; newEnd: number } {
  const max = Math.min(before.length, after.length);
  let start = 0;
  while (start < max && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let oldEnd = before.length;
  let newEnd = after.length;
  while (
    oldEnd > start &&
    newEnd > start &&
    before.charCodeAt(oldEnd - 1) === after.charCodeAt(newEnd - 1)
  ) {
    oldEnd--;
    newEnd--;
  }
  return { start, oldEnd, newEnd };
}
