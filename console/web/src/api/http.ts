import { buildQuery, type Query } from '../lib/url';

/** An RFC 9457 problem as the services and the console backend answer it. */
export interface Problem {
  type?: string;
  title?: string;
  status: number;
  detail?: string;
  errors?: { field: string; message: string }[];
  /** definition-service adds the incidents that refused a start or publish */
  incidents?: { code: string; nodeId?: string; property?: string; message: string }[];
}

/** A call that did not succeed, with the problem the server gave (or one made up for a network fault). */
export class ApiError extends Error {
  readonly problem: Problem;

  constructor(problem: Problem) {
    super(problem.detail ?? problem.title ?? `HTTP ${problem.status}`);
    this.problem = problem;
  }

  get status(): number {
    return this.problem.status;
  }
}

let csrfToken: string | null = null;
const unauthorizedListeners = new Set<() => void>();

/** The token every non-GET call carries (X-CSRF-Token), from /auth/me. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Called when a call answers 401: the session has expired or was signed out. */
export function onUnauthorized(listener: () => void): () => void {
  unauthorizedListeners.add(listener);
  return () => unauthorizedListeners.delete(listener);
}

export interface RequestOptions {
  query?: Query;
  /** sent as JSON */
  body?: unknown;
  /** sent as multipart/form-data (the browser sets the boundary) */
  form?: FormData;
  headers?: Record<string, string>;
}

/** One call to the console's origin; answers the parsed JSON body (undefined for 204). */
export async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json, application/problem+json', ...options.headers };
  let body: BodyInit | undefined;
  if (options.form) {
    body = options.form;
  } else if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  if (method !== 'GET' && csrfToken) {
    headers['X-CSRF-Token'] = csrfToken;
  }
  let response: Response;
  try {
    response = await fetch(path + buildQuery(options.query), { method, headers, body, credentials: 'same-origin' });
  } catch (e) {
    throw new ApiError({ status: 0, title: 'The console could not be reached', detail: String(e) });
  }
  if (response.status === 401 && !path.startsWith('/auth/me')) {
    unauthorizedListeners.forEach((listener) => listener());
  }
  if (!response.ok) {
    throw new ApiError(await problemOf(response));
  }
  if (response.status === 204) {
    return undefined as T;
  }
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

async function problemOf(response: Response): Promise<Problem> {
  const text = await response.text().catch(() => '');
  try {
    const parsed = JSON.parse(text) as Partial<Problem>;
    if (parsed && typeof parsed === 'object') {
      return { ...parsed, status: response.status };
    }
  } catch {
    // not JSON: fall through to a problem made from the status
  }
  return { status: response.status, title: response.statusText || `HTTP ${response.status}`, detail: text || undefined };
}

export const get = <T>(path: string, query?: Query) => request<T>('GET', path, { query });
export const post = <T>(path: string, body?: unknown, query?: Query) => request<T>('POST', path, { body, query });
export const put = <T>(path: string, body?: unknown) => request<T>('PUT', path, { body });
export const del = <T>(path: string, query?: Query) => request<T>('DELETE', path, { query });
