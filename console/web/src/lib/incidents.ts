// A definition's runtime incidents (runner: GET /stats/definitions/{id}/incidents) placed on its graph: the runs
// FAILED now, per node that failed them, with the reasons by error code.
import type { IncidentNode, IncidentReason } from '../api/runner';

export interface PlacedIncidents {
  /** by node id, the nodes of the graph shown */
  onNodes: Map<string, IncidentNode>;
  /** failed at a node the graph shown does not have (another version's node) */
  elsewhere: IncidentNode[];
  /** runs failed outside any node, such as by their timeout */
  outsideNodes: IncidentNode | null;
}

/** Places each node's failed runs on the graph's node of that id, and keeps apart those the graph cannot show. */
export function placeIncidents(nodes: readonly IncidentNode[], graphNodeIds: ReadonlySet<string>): PlacedIncidents {
  const onNodes = new Map<string, IncidentNode>();
  const elsewhere: IncidentNode[] = [];
  let outsideNodes: IncidentNode | null = null;
  for (const node of nodes) {
    if (!node.nodeId) {
      outsideNodes = node;
    } else if (graphNodeIds.has(node.nodeId)) {
      onNodes.set(node.nodeId, node);
    } else {
      elsewhere.push(node);
    }
  }
  return { onNodes, elsewhere, outsideNodes };
}

/** One reason as a node shows it: "HTTP_503 (3 runs): Service unavailable". */
export function reasonText(reason: IncidentReason): string {
  const code = reason.code || 'no error code';
  const runs = `${reason.runs} run${reason.runs === 1 ? '' : 's'}`;
  return reason.lastMessage ? `${code} (${runs}): ${reason.lastMessage}` : `${code} (${runs})`;
}
