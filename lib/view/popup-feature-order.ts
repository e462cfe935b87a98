import { DEFAULT_BADGE_FEATURE } from '../alerts/defaults';

/**
 * The one order features are listed in (the quota list, the settings' choices, the history):
 * image_gen first (the badge's default), then by `rank` when the list has one (the quota list:
 * what needs attention first), then by the name the user reads.
 */
export function featureOrder<T>(
  nameOf: (item: T) => string,
  label: (name: string) => string,
  rank: (item: T) => number = () => 0,
): (a: T, b: T) => number {
  return (a, b) => {
    const [nameA, nameB] = [nameOf(a), nameOf(b)];
    return (
      Number(nameB === DEFAULT_BADGE_FEATURE) - Number(nameA === DEFAULT_BADGE_FEATURE) ||
      rank(a) - rank(b) ||
      label(nameA).localeCompare(label(nameB))
    );
  };
}
