// Where graph nodes go: where the designer put them, or (only when a definition has no positions) a left-to-right
// layout computed with dagre.
import dagre from '@dagrejs/dagre';
import type { ExecutionConnector, GraphNode } from '../api/definitions';

export interface Point {
  x: number;
  y: number;
}

export const NODE_WIDTH = 200;
export const NODE_HEIGHT = 84;
/** The least room between two nodes the console draws side by side or one above the other. */
export const NODE_GAP = 40;

function placed(node: GraphNode): boolean {
  const p = node.position;
  return !!p && Number.isFinite(p.x) && Number.isFinite(p.y);
}

/** Whether every node has the position the designer gave it. */
export function hasPositions(nodes: readonly GraphNode[]): boolean {
  return nodes.length > 0 && nodes.every(placed);
}

/** Each node's top-left corner. */
export function nodePositions(nodes: readonly GraphNode[], connectors: readonly ExecutionConnector[]): Map<string, Point> {
  if (hasPositions(nodes)) {
    return spreadOut(nodes.map((n) => [n.id, { x: n.position!.x, y: n.position!.y }]));
  }
  const graph = new dagre.graphlib.Graph();
  // a simple graph: two outputs to the same node need one edge for the layout
  graph.setGraph({ rankdir: 'LR', nodesep: 40, ranksep: 80, marginx: 0, marginy: 0 });
  graph.setDefaultEdgeLabel(() => ({}));
  nodes.forEach((n) => graph.setNode(n.id, { width: NODE_WIDTH, height: NODE_HEIGHT }));
  const known = new Set(nodes.map((n) => n.id));
  connectors
    .filter((c) => known.has(c.from) && known.has(c.to))
    .forEach((c) => graph.setEdge(c.from, c.to));
  dagre.layout(graph);
  return new Map(
    nodes.map((n) => {
      const centre = graph.node(n.id) as { x: number; y: number };
      return [n.id, { x: centre.x - NODE_WIDTH / 2, y: centre.y - NODE_HEIGHT / 2 }];
    }),
  );
}

/** The most a graph is stretched: designer positions further off than this are drawn as they are. */
export const MAX_STRETCH = 3;

/**
 * The designer's positions, stretched where the designer's canvas packed nodes closer than the console draws them
 * (a designer with 150-pixel nodes placing them 200 apart): every x is scaled by one factor so that no two nodes side
 * by side in a row overlap or touch, and every y likewise for nodes one above the other. A pair counts along the axis
 * that mostly separates it; the factor is at most {@link MAX_STRETCH}. The arrangement stays as designed; only the
 * distances grow.
 */
export function spreadOut(placed: readonly [string, Point][]): Map<string, Point> {
  let xScale = 1;
  let yScale = 1;
  for (let i = 0; i < placed.length; i++) {
    for (let j = i + 1; j < placed.length; j++) {
      const a = placed[i][1];
      const b = placed[j][1];
      const dx = Math.abs(a.x - b.x);
      const dy = Math.abs(a.y - b.y);
      // side by side: separated mostly along x (in node sizes), close enough in y to share a row
      if (dx / NODE_WIDTH >= dy / NODE_HEIGHT && dy < NODE_HEIGHT && dx > 0 && dx < NODE_WIDTH + NODE_GAP) {
        xScale = Math.max(xScale, (NODE_WIDTH + NODE_GAP) / dx);
      }
      // one above the other: separated mostly along y, close enough in x to share a column
      if (dy / NODE_HEIGHT > dx / NODE_WIDTH && dx < NODE_WIDTH && dy > 0 && dy < NODE_HEIGHT + NODE_GAP) {
        yScale = Math.max(yScale, (NODE_HEIGHT + NODE_GAP) / dy);
      }
    }
  }
  xScale = Math.min(xScale, MAX_STRETCH);
  yScale = Math.min(yScale, MAX_STRETCH);
  return new Map(placed.map(([id, p]) => [id, { x: p.x * xScale, y: p.y * yScale }]));
}
