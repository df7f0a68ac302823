// Filters live in the URL, so that every list has a stable link (an alert or a log line can point at it).

/** The given single-valued parameters of a URL, trimmed, leaving out the empty ones. */
export function readFilter<K extends string>(params: URLSearchParams, keys: readonly K[]): Partial<Record<K, string>> {
  const filter: Partial<Record<K, string>> = {};
  for (const key of keys) {
    const value = params.get(key)?.trim();
    if (value) {
      filter[key] = value;
    }
  }
  return filter;
}

/** A filter (and a page, left out when 0) as URL parameters; arrays repeat the parameter. */
export function filterParams(filter: Record<string, string | readonly string[] | undefined>, page = 0): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filter)) {
    if (Array.isArray(value)) {
      value.filter(Boolean).forEach((v) => params.append(key, v));
    } else if (typeof value === 'string' && value.trim()) {
      params.set(key, value.trim());
    }
  }
  if (page > 0) {
    params.set('page', String(page));
  }
  return params;
}

/** Only the values a parameter may take (e.g. statuses), so that a hand-edited URL cannot send nonsense. */
export function oneOf<T extends string>(value: string | undefined, allowed: readonly T[]): T | undefined {
  const upper = value?.toUpperCase();
  return allowed.find((a) => a === upper);
}
