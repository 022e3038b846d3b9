/** "Did you mean" for unknown keys: the closest known key, if it is close. */

export function editDistance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = prev[0] as number;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = prev[j] as number;
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      prev[j] = Math.min(above + 1, (prev[j - 1] as number) + 1, diagonal + cost);
      diagonal = above;
    }
  }
  return prev[b.length] as number;
}

export const normalise = (key: string): string => key.toLowerCase().replace(/[^a-z0-9]/g, '');

/** The candidate the user most likely meant (`montly_fee` → `monthly_fee`, `monthlyFee` → `monthly_fee`). */
export function closest(key: string, candidates: readonly string[]): string | undefined {
  const n = normalise(key);
  const same = candidates.find((c) => normalise(c) === n);
  if (same) return same;
  // a key written without its unit: `payment_terms` → `payment_terms_days`, `notice` → `notice_days`
  const longer = n.length >= 4 ? candidates.filter((c) => c.toLowerCase().startsWith(`${key.toLowerCase()}_`)) : [];
  if (longer.length === 1) return longer[0];
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const c of candidates) {
    const d = editDistance(n, normalise(c));
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  const limit = Math.max(1, Math.min(3, Math.floor(n.length / 3)));
  return bestDistance <= limit ? best : undefined;
}
