import { useCallback, useState } from 'react';
import { ApiError } from '../api/http';

export interface ActionState {
  busy: boolean;
  error?: ApiError;
  done?: string;
  /** runs the call; on success shows `doneMessage` and calls `after` (e.g. reload) */
  run: <T>(call: () => Promise<T>, doneMessage?: string | ((result: T) => string), after?: (result: T) => void) => Promise<T | undefined>;
  clear: () => void;
}

/** A button's call: busy while it runs, its problem or its outcome afterwards. */
export function useAction(): ActionState {
  const [state, setState] = useState<{ busy: boolean; error?: ApiError; done?: string }>({ busy: false });
  const run = useCallback(async <T,>(call: () => Promise<T>, doneMessage?: string | ((result: T) => string),
    after?: (result: T) => void) => {
    setState({ busy: true });
    try {
      const result = await call();
      const done = typeof doneMessage === 'function' ? doneMessage(result) : doneMessage;
      setState({ busy: false, done });
      after?.(result);
      return result;
    } catch (e) {
      setState({ busy: false, error: e instanceof ApiError ? e : new ApiError({ status: 0, title: String(e) }) });
      return undefined;
    }
  }, []);
  const clear = useCallback(() => setState({ busy: false }), []);
  return { ...state, run, clear };
}
