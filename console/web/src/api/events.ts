// The console backend's server-sent events (GET /events, event "run"): one EventSource shared by every page.
import type { RunEvent } from '../lib/live';

export type LiveState = 'connecting' | 'open' | 'closed';

type Listener = (event: RunEvent) => void;

const listeners = new Set<Listener>();
const stateListeners = new Set<(state: LiveState) => void>();
let source: EventSource | null = null;
let state: LiveState = 'closed';

function setState(next: LiveState) {
  state = next;
  stateListeners.forEach((listener) => listener(next));
}

function open() {
  if (source || typeof EventSource === 'undefined') {
    return;
  }
  source = new EventSource('/events');
  setState('connecting');
  source.onopen = () => setState('open');
  // the browser reconnects by itself; until it has, the page says it is not live
  source.onerror = () => setState(source?.readyState === EventSource.CLOSED ? 'closed' : 'connecting');
  source.addEventListener('run', (message) => {
    let event: RunEvent;
    try {
      event = JSON.parse((message as MessageEvent<string>).data) as RunEvent;
    } catch {
      return;
    }
    listeners.forEach((listener) => listener(event));
  });
}

function closeWhenUnused() {
  if (listeners.size === 0 && source) {
    source.close();
    source = null;
    setState('closed');
  }
}

export function subscribeRunEvents(listener: Listener): () => void {
  listeners.add(listener);
  open();
  return () => {
    listeners.delete(listener);
    closeWhenUnused();
  };
}

export function liveState(): LiveState {
  return state;
}

export function onLiveState(listener: (state: LiveState) => void): () => void {
  stateListeners.add(listener);
  return () => stateListeners.delete(listener);
}
