import { useEffect, useRef, useState } from 'react';
import { liveState, onLiveState, subscribeRunEvents, type LiveState } from '../api/events';
import { coalesce, type RunEvent } from '../lib/live';

/** Calls `reload` (at most once a second) after run events that `matters` says could change the page. */
export function useLiveReload(reload: () => void, matters: (event: RunEvent) => boolean, enabled = true): void {
  const latest = useRef({ reload, matters });
  latest.current = { reload, matters };
  useEffect(() => {
    if (!enabled) {
      return;
    }
    const coalescer = coalesce(() => latest.current.reload(), 1000);
    const unsubscribe = subscribeRunEvents((event) => {
      if (latest.current.matters(event)) {
        coalescer.request();
      }
    });
    return () => {
      unsubscribe();
      coalescer.cancel();
    };
  }, [enabled]);
}

/** Whether the event stream is connected, for the "live" indicator. */
export function useLiveState(): LiveState {
  const [state, setState] = useState(liveState());
  useEffect(() => onLiveState(setState), []);
  return state;
}
