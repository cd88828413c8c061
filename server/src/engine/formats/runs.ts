/**
 * Runs of neighbours: the editors of every format remove several properties of one object in one
 * go, and neighbouring ones must go in one edit (two edits may not overlap).
 */

/** The runs of consecutive items of `items` that are in `chosen`, as [first, last] indexes. */
export function runsOf<T>(items: readonly T[], chosen: ReadonlySet<T>): [number, number][] {
  const runs: [number, number][] = [];
  for (let i = 0; i < items.length; i++) {
    if (!chosen.has(items[i]!)) continue;
    let j = i;
    while (j + 1 < items.length && chosen.has(items[j + 1]!)) j++;
    runs.push([i, j]);
    i = j;
  }
  return runs;
}
