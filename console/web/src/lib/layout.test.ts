import { describe, expect, it } from 'vitest';
import { hasPositions, NODE_GAP, NODE_HEIGHT, nodePositions, NODE_WIDTH, spreadOut } from './layout';
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

  it('stretches positions packed closer than the console draws nodes, keeping the arrangement', () => {
    // a template placed for 150-pixel nodes: 200 apart in a row, 80 apart in a column
    const at = spreadOut([
      ['start', { x: 0, y: 0 }],
      ['check', { x: 200, y: 0 }],
      ['yes', { x: 400, y: -80 }],
      ['no', { x: 400, y: 80 }],
    ]);
    expect(at.get('check')!.x - at.get('start')!.x).toBe(NODE_WIDTH + NODE_GAP);
    expect(at.get('yes')!.x - at.get('check')!.x).toBe(NODE_WIDTH + NODE_GAP);
    expect(at.get('no')!.y - at.get('yes')!.y).toBeGreaterThanOrEqual(NODE_HEIGHT + NODE_GAP);
    expect(at.get('yes')!.y).toBeLessThan(at.get('start')!.y);
    expect(at.get('no')!.y).toBeGreaterThan(at.get('start')!.y);
  });

  it('stretches along the axis that separates a pair, and at most three times', () => {
    // nearly one above the other (5 apart in x, 80 in y): a column, not a row squeezed 48 times wider
    const column = spreadOut([
      ['a', { x: 0, y: 0 }],
      ['b', { x: 5, y: 80 }],
    ]);
    expect(column.get('b')!.x).toBe(5);
    expect(column.get('b')!.y).toBeGreaterThanOrEqual(NODE_HEIGHT + NODE_GAP);
    const stacked = spreadOut([
      ['a', { x: 0, y: 0 }],
      ['b', { x: 10, y: 0 }],
    ]);
    expect(stacked.get('b')!.x).toBe(30);
  });

  it('leaves positions with room between the nodes as they are', () => {
    const at = spreadOut([
      ['a', { x: 0, y: 0 }],
      ['b', { x: 300, y: 0 }],
      ['c', { x: 0, y: 200 }],
    ]);
    expect(at.get('b')).toEqual({ x: 300, y: 0 });
    expect(at.get('c')).toEqual({ x: 0, y: 200 });
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
