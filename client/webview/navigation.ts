/**
 * The graph's keyboard model: the containers are one tab stop, and the arrow keys move between them.
 * Up and Down move within a drawn column; Left follows an arrow back to a container this one waits
 * for, Right follows an arrow on to a container that waits for it (or, where no arrow leads that
 * way, to the nearest container in the next column); Home and End go to the first and the last. Pure.
 */

export interface NavigationModel {
  /** The containers as drawn: columns left to right, each top to bottom. */
  columns: string[][];
  /** Where each container is drawn vertically, to pick the nearest of several. */
  rowOf: ReadonlyMap<string, number>;
  /** The arrows: `to` waits for `from`. */
  edges: readonly { from: string; to: string }[];
}

export const NAVIGATION_KEYS = [
  'ArrowUp',
  'ArrowDown',
  'ArrowLeft',
  'ArrowRight',
  'Home',
  'End',
] as const;
export type NavigationKey = (typeof NAVIGATION_KEYS)[number];

export function isNavigationKey(key: string): key is NavigationKey {
  return (NAVIGATION_KEYS as readonly string[]).includes(key);
}

/** The container the key moves to from `current`, or undefined when it stays. */
export function move(
  model: NavigationModel,
  current: string,
  key: NavigationKey,
): string | undefined {
  const all = model.columns.flat();
  if (key === 'Home') return all[0];
  if (key === 'End') return all.at(-1);
  const column = model.columns.findIndex((c) => c.includes(current));
  if (column < 0) return all[0];
  const members = model.columns[column]!;
  const index = members.indexOf(current);
  if (key === 'ArrowUp') return members[index - 1];
  if (key === 'ArrowDown') return members[index + 1];

  const right = key === 'ArrowRight';
  const columnOf = (id: string) => model.columns.findIndex((c) => c.includes(id));
  const row = (id: string) => model.rowOf.get(id) ?? 0;
  const nearest = (ids: string[]) =>
    [...new Set(ids)]
      .filter((id) => id !== current && columnOf(id) >= 0)
      .sort(
        (a, b) =>
          Math.abs(columnOf(a) - column) - Math.abs(columnOf(b) - column) ||
          Math.abs(row(a) - row(current)) - Math.abs(row(b) - row(current)) ||
          all.indexOf(a) - all.indexOf(b),
      )[0];
  const along = nearest(
    model.edges
      .filter((e) => (right ? e.from === current : e.to === current))
      .map((e) => (right ? e.to : e.from)),
  );
  if (along !== undefined) return along;
  const next = model.columns[column + (right ? 1 : -1)];
  return next ? nearest(next) : undefined;
}
