import { describe, expect, it } from 'vitest';
import { placeIncidents, reasonText } from './incidents';

const failing = (nodeId: string | undefined, failedRuns: number) => ({
  nodeId, nodeType: 'http', failedRuns, reasons: [{ code: 'HTTP_503', runs: failedRuns, lastMessage: 'down', lastRunId: 'r1' }],
});

describe('placeIncidents', () => {
  it('puts failed runs on the graph\'s nodes and keeps apart those outside any node or not in the graph', () => {
    const placed = placeIncidents([failing('call', 5), failing(undefined, 2), failing('gone', 1)], new Set(['start', 'call']));
    expect(placed.onNodes.get('call')?.failedRuns).toBe(5);
    expect(placed.onNodes.has('start')).toBe(false);
    expect(placed.outsideNodes?.failedRuns).toBe(2);
    expect(placed.elsewhere.map((n) => n.nodeId)).toEqual(['gone']);
  });

  it('places nothing without incidents', () => {
    const placed = placeIncidents([], new Set(['start']));
    expect(placed.onNodes.size).toBe(0);
    expect(placed.outsideNodes).toBeNull();
    expect(placed.elsewhere).toEqual([]);
  });
});

describe('reasonText', () => {
  it('names the code, how many runs and the latest message', () => {
    expect(reasonText({ code: 'HTTP_503', runs: 3, lastMessage: 'Service unavailable' })).toBe('HTTP_503 (3 runs): Service unavailable');
    expect(reasonText({ runs: 1 })).toBe('no error code (1 run)');
  });
});
