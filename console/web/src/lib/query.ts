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

/**
 * A comma-separated list parameter (status=FAILED,WAITING, as the runner takes it): the allowed values it names, in
 * the order of `allowed`, each once; unknown ones are dropped (a hand-edited URL cannot send nonsense).
 */
export function listOf<T extends string>(value: string | undefined, allowed: readonly T[]): T[] {
  const named = new Set((value ?? '').split(',').map((v) => v.trim().toUpperCase()));
  return allowed.filter((a) => named.has(a.toUpperCase()));
}

/** A list as one comma-separated parameter, or undefined when it is empty (the parameter is then left out). */
export function listParam(values: readonly string[] | undefined): string | undefined {
  return values && values.length > 0 ? values.join(',') : undefined;
}

/** The list with `value` added, or taken out when it was in, in the order of `allowed`. */
export function toggled<T extends string>(values: readonly T[], value: T, allowed: readonly T[]): T[] {
  const next = new Set(values);
  if (next.has(value)) {
    next.delete(value);
  } else {
    next.add(value);
  }
  return allowed.filter((a) => next.has(a));
}
