import { describe, expect, it } from 'vitest';
import { hasPositions, nodePositions, NODE_WIDTH } from './layout';
import type { ExecutionConnector, GraphNode } from '../api/definitions';

const connectors: ExecutionConnector[] = [
  { from: 'start', output: 'next', to: 'check' },
  { from: 'check', output: 'true', to: 'yes' },
  { from: 'check', output: 'false', to: 'no' },
];

describe('nodePositions', () => {
  it('keeps the positions the designer gave', () => {
    const nodes: GraphNode[] = [
      { id: 'start', type: 'start', position: { x: 0, y: 0 } },
      { id: 'check', type: 'if', position: { x: 250, y: 40 } },
    ];
    expect(hasPositions(nodes)).toBe(true);
    expect(nodePositions(nodes, connectors).get('check')).toEqual({ x: 250, y: 40 });
  });

  it('lays out left to right when a node has no position', () => {
    const nodes: GraphNode[] = [
      { id: 'start', type: 'start', position: { x: 0, y: 0 } },
      { id: 'check', type: 'if' },
      { id: 'yes', type: 'set', position: null },
      { id: 'no', type: 'set' },
    ];
    expect(hasPositions(nodes)).toBe(false);
    const at = nodePositions(nodes, connectors);
    expect(at.get('check')!.x).toBeGreaterThanOrEqual(at.get('start')!.x + NODE_WIDTH);
    expect(at.get('yes')!.x).toBeGreaterThanOrEqual(at.get('check')!.x + NODE_WIDTH);
    expect(at.get('yes')!.x).toBe(at.get('no')!.x);
    expect(at.get('yes')!.y).not.toBe(at.get('no')!.y);
  });

  it('ignores connectors to nodes that do not exist', () => {
    const nodes: GraphNode[] = [{ id: 'start', type: 'start' }];
    const at = nodePositions(nodes, [{ from: 'start', output: 'next', to: 'ghost' }]);
    expect([...at.keys()]).toEqual(['start']);
  });
});
