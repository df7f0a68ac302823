import { describe, expect, it } from 'vitest';
import { edgeKey, overviewPath, runPath } from './path';
import type { ExecutionConnector } from '../api/definitions';

const connectors: ExecutionConnector[] = [
  { from: 'start', output: 'next', to: 'check' },
  { from: 'check', output: 'true', to: 'call' },
  { from: 'check', output: 'false', to: 'end' },
  { from: 'call', output: 'next', to: 'end' },
];

const step = (seq: number, nodeId: string, status: 'COMPLETED' | 'FAILED' | 'WAITING' | 'RUNNING', output?: string) =>
  ({ seq, nodeId, status, output });

describe('runPath', () => {
  it('follows the outputs the steps took', () => {
    const path = runPath([step(1, 'start', 'COMPLETED', 'next'), step(2, 'check', 'COMPLETED', 'true'),
      step(3, 'call', 'FAILED')], connectors);
    expect([...path.edges]).toEqual([edgeKey(connectors[0]), edgeKey(connectors[1])]);
    expect(path.outcomes.get('call')).toBe('FAILED');
    expect(path.outcomes.has('end')).toBe(false);
  });

  it('does not mark the branch not taken', () => {
    const path = runPath([step(1, 'start', 'COMPLETED', 'next'), step(2, 'check', 'COMPLETED', 'false'),
      step(3, 'end', 'COMPLETED')], connectors);
    expect(path.edges.has(edgeKey(connectors[2]))).toBe(true);
    expect(path.edges.has(edgeKey(connectors[1]))).toBe(false);
    expect(path.edges.has(edgeKey(connectors[3]))).toBe(false);
  });

  it('takes a node\'s latest outcome after a retry, and counts its executions', () => {
    const path = runPath([step(1, 'start', 'COMPLETED', 'next'), step(2, 'check', 'COMPLETED', 'true'),
      step(4, 'call', 'COMPLETED', 'next'), step(3, 'call', 'FAILED'), step(5, 'end', 'COMPLETED')], connectors);
    expect(path.outcomes.get('call')).toBe('COMPLETED');
    expect(path.executions.get('call')).toBe(2);
    expect(path.edges.has(edgeKey(connectors[3]))).toBe(true);
  });

  it('falls back to the node that ran next when a completed step names no output', () => {
    const path = runPath([step(1, 'start', 'COMPLETED'), step(2, 'check', 'WAITING')], connectors);
    expect([...path.edges]).toEqual([edgeKey(connectors[0])]);
    expect(path.outcomes.get('check')).toBe('WAITING');
  });

  it('is empty for a run without steps', () => {
    const path = runPath([], connectors);
    expect(path.outcomes.size).toBe(0);
    expect(path.edges.size).toBe(0);
  });
});

describe('overviewPath', () => {
  const node = (nodeId: string, status: 'COMPLETED' | 'FAILED' | 'WAITING', executions = 1) => ({ nodeId, status, executions });

  it('takes outcomes and executions from the nodes and the connectors from the steps when they cover the run', () => {
    const path = overviewPath([node('start', 'COMPLETED'), node('check', 'COMPLETED'), node('end', 'COMPLETED')],
      [step(1, 'start', 'COMPLETED', 'next'), step(2, 'check', 'COMPLETED', 'false'), step(3, 'end', 'COMPLETED')],
      connectors);
    expect(path.outcomes.get('end')).toBe('COMPLETED');
    expect([...path.edges]).toEqual([edgeKey(connectors[0]), edgeKey(connectors[2])]);
    expect(path.inferred.size).toBe(0);
  });

  it('colours nodes reached after the first steps from the node outcomes', () => {
    // 300 executions of check: the steps at hand stop before the run reached call
    const path = overviewPath([node('start', 'COMPLETED'), node('check', 'COMPLETED', 300), node('call', 'FAILED', 2)],
      [step(1, 'start', 'COMPLETED', 'next'), step(2, 'check', 'COMPLETED', 'false')], connectors);
    expect(path.outcomes.get('call')).toBe('FAILED');
    expect(path.executions.get('call')).toBe(2);
    expect(path.executions.get('check')).toBe(300);
  });

  it('infers only connectors from a node that ran beyond the steps to a node the run reached', () => {
    const path = overviewPath([node('start', 'COMPLETED'), node('check', 'COMPLETED', 3), node('call', 'COMPLETED'),
      node('end', 'WAITING')], [step(1, 'start', 'COMPLETED', 'next'), step(2, 'check', 'COMPLETED', 'false')], connectors);
    // check ran twice more than shown: true -> call may have been taken; false -> end is known from its step
    expect(path.edges.has(edgeKey(connectors[1]))).toBe(true);
    expect(path.inferred.has(edgeKey(connectors[1]))).toBe(true);
    expect(path.edges.has(edgeKey(connectors[2]))).toBe(true);
    expect(path.inferred.has(edgeKey(connectors[2]))).toBe(false);
    // call has no step at hand but ran once: call -> end is inferred too; start ran only as shown
    expect(path.inferred.has(edgeKey(connectors[3]))).toBe(true);
    expect(path.inferred.size).toBe(2);
  });

  it('infers nothing towards a node the run never reached', () => {
    const path = overviewPath([node('start', 'COMPLETED'), node('check', 'FAILED', 2)],
      [step(1, 'start', 'COMPLETED', 'next'), step(2, 'check', 'FAILED')], connectors);
    expect([...path.edges]).toEqual([edgeKey(connectors[0])]);
    expect(path.outcomes.get('check')).toBe('FAILED');
    expect(path.inferred.size).toBe(0);
  });
});
