import { useCallback, useEffect, useRef, useState, type DependencyList } from 'react';
import { ApiError } from '../api/http';

export interface Async<T> {
  data?: T;
  error?: ApiError;
  loading: boolean;
  /** load again, keeping what is shown until the answer comes (live updates do not flicker) */
  reload: () => void;
}

function sameDeps(a: DependencyList | undefined, b: DependencyList): boolean {
  return !!a && a.length === b.length && a.every((value, i) => Object.is(value, b[i]));
}

/** Loads when the dependencies change (forgetting the old data) or on reload; answers that arrive late are dropped. */
export function useAsync<T>(load: () => Promise<T>, deps: DependencyList): Async<T> {
  const [state, setState] = useState<{ data?: T; error?: ApiError; loading: boolean }>({ loading: true });
  const [tick, setTick] = useState(0);
  const latest = useRef(0);
  const lastDeps = useRef<DependencyList | undefined>(undefined);

  useEffect(() => {
    const call = ++latest.current;
    const keep = sameDeps(lastDeps.current, deps);
    lastDeps.current = deps;
    setState((s) => (keep ? { ...s, loading: true } : { loading: true }));
    load().then(
      (data) => call === latest.current && setState({ data, loading: false }),
      (e: unknown) =>
        call === latest.current &&
        setState((s) => ({
          data: keep ? s.data : undefined,
          error: e instanceof ApiError ? e : new ApiError({ status: 0, title: 'Unexpected error', detail: String(e) }),
          loading: false,
        })),
    );
    // the caller's deps say when to load again (like useEffect's); `load` itself changes every render
  }, [...deps, tick]);

  const reload = useCallback(() => setTick((t) => t + 1), []);
  return { ...state, reload };
}
