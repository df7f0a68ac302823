/** A query value: empty strings, null and undefined are left out; arrays repeat the parameter. */
export type QueryValue = string | number | boolean | null | undefined | readonly string[];
export type Query = Record<string, QueryValue>;

/** `?a=1&b=x&b=y` for the set values of a query, or '' when none is set. */
export function buildQuery(query: Query | undefined): string {
  if (!query) {
    return '';
  }
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') {
      continue;
    }
    if (Array.isArray(value)) {
      value.filter((v) => v !== '').forEach((v) => params.append(name, v));
    } else {
      params.append(name, String(value));
    }
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** A path segment, encoded (ids come from URLs and the services; never trust them to be URL-safe). */
export function seg(value: string | number): string {
  return encodeURIComponent(String(value));
}
