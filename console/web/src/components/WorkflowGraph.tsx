import { useMemo } from 'react';
import {
  Background, Controls, Handle, MarkerType, Position, ReactFlow,
  type Edge, type Node, type NodeProps,
} from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import type { GraphContent, Incident } from '../api/definitions';
import type { IncidentNode, NodeStats, StepStatus } from '../api/runner';
import { reasonText } from '../lib/incidents';
import { nodePositions, hasPositions } from '../lib/layout';
import { edgeKey } from '../lib/path';
import { toneOf } from '../lib/status';

/**
 * What a page adds to a node: a run's outcome, a definition's live counts, what keeps the definition from starting
 * (incidents, definition-service) and the runs FAILED now at the node (failures, the runner's incidents).
 */
export interface NodeDecoration {
  outcome?: StepStatus;
  executions?: number;
  counts?: NodeStats;
  incidents?: Incident[];
  failures?: IncidentNode;
}

interface WorkflowNodeData extends Record<string, unknown> {
  label: string;
  type: string;
  nodeId: string;
  decoration: NodeDecoration;
  onPath: boolean;
  dimmed: boolean;
}

type WorkflowFlowNode = Node<WorkflowNodeData, 'workflow'>;

function WorkflowNodeView({ data }: NodeProps<WorkflowFlowNode>) {
  const { decoration, label, type, nodeId } = data;
  const incidents = decoration.incidents ?? [];
  const failures = decoration.failures;
  const classes = ['graph-node'];
  if (decoration.outcome) {
    classes.push(`tone-${toneOf(decoration.outcome)}`);
  }
  if (incidents.length > 0) {
    classes.push('has-incidents');
  }
  if ((decoration.counts && decoration.counts.failed > 0) || failures) {
    classes.push('has-failures');
  }
  if (data.dimmed) {
    classes.push('dimmed');
  }
  return (
    <div
      className={classes.join(' ')}
      data-testid={`graph-node-${nodeId}`}
      data-node-id={nodeId}
      data-outcome={decoration.outcome ?? 'none'}
      data-on-path={data.onPath}
      data-incidents={incidents.length}
      data-failed={decoration.counts?.failed}
      data-failed-runs={failures?.failedRuns ?? 0}
      title={[...incidents.map((i) => `${i.code}: ${i.message}`), ...(failures?.reasons ?? []).map(reasonText)].join('\n') || undefined}
    >
      <Handle type="target" position={Position.Left} isConnectable={false} />
      <div className="graph-node-type">{type}</div>
      <div className="graph-node-name">{label}</div>
      {decoration.outcome && (
        <div className="graph-node-outcome">
          {decoration.outcome.toLowerCase()}
          {decoration.executions && decoration.executions > 1 ? ` · ran ${decoration.executions}×` : ''}
        </div>
      )}
      {decoration.counts && (
        <div className="graph-node-counts" data-testid={`node-counts-${nodeId}`}>
          <span title="entered" data-testid="node-count-entered">▶ {decoration.counts.entered}</span>
          <span title="completed" className="tone-ok" data-testid="node-count-completed">✓ {decoration.counts.completed}</span>
          <span title="failed" className="tone-bad" data-testid="node-count-failed">✗ {decoration.counts.failed}</span>
          <span title="waiting now" className="tone-warn" data-testid="node-count-waiting">wait {decoration.counts.waiting}</span>
        </div>
      )}
      {incidents.length > 0 && (
        <div className="graph-node-incident" data-testid={`node-incident-${nodeId}`}>
          ⚠ {incidents[0].message}
          {incidents.length > 1 ? ` (+${incidents.length - 1})` : ''}
        </div>
      )}
      {failures && (
        <div className="graph-node-incident" data-testid={`node-failures-${nodeId}`}>
          ✗ {failures.failedRuns} failed run{failures.failedRuns === 1 ? '' : 's'}
          {failures.reasons[0] && <>: {reasonText(failures.reasons[0])}</>}
          {failures.reasons.length > 1 ? ` (+${failures.reasons.length - 1} more reasons)` : ''}
        </div>
      )}
      <Handle type="source" position={Position.Right} isConnectable={false} />
    </div>
  );
}

const nodeTypes = { workflow: WorkflowNodeView };

interface Props {
  content: GraphContent;
  decorate?: (nodeId: string) => NodeDecoration;
  /** the connectors a run followed (edgeKey); with it, nodes off the path are dimmed */
  takenEdges?: ReadonlySet<string>;
  height?: number;
}

/** A workflow's graph, laid out as the designer placed it (dagre only where positions are missing). */
export function WorkflowGraph({ content, decorate, takenEdges, height = 420 }: Props) {
  const { nodes, edges } = useMemo(() => {
    const at = nodePositions(content.nodes, content.executionConnectors);
    const highlighting = takenEdges !== undefined;
    const flowNodes: WorkflowFlowNode[] = content.nodes.map((n) => {
      const decoration = decorate?.(n.id) ?? {};
      return {
        id: n.id,
        type: 'workflow',
        position: at.get(n.id) ?? { x: 0, y: 0 },
        data: {
          label: n.name || n.id,
          type: n.type,
          nodeId: n.id,
          decoration,
          onPath: !!decoration.outcome,
          dimmed: highlighting && !decoration.outcome,
        },
        draggable: false,
        connectable: false,
      };
    });
    const flowEdges: Edge[] = content.executionConnectors.map((c, i) => {
      const taken = takenEdges?.has(edgeKey(c)) ?? false;
      return {
        id: `e${i}-${c.from}-${c.output}-${c.to}`,
        source: c.from,
        target: c.to,
        label: c.output === 'next' ? undefined : c.output,
        className: taken ? 'edge-taken' : highlighting ? 'edge-not-taken' : undefined,
        markerEnd: { type: MarkerType.ArrowClosed },
        data: { taken },
      };
    });
    return { nodes: flowNodes, edges: flowEdges };
  }, [content, decorate, takenEdges]);

  return (
    <div className="graph" style={{ height }} data-testid="workflow-graph" data-auto-layout={!hasPositions(content.nodes)}>
      <ReactFlow
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        fitView
        fitViewOptions={{ padding: 0.15 }}
        nodesDraggable={false}
        nodesConnectable={false}
        edgesFocusable={false}
        minZoom={0.2}
      >
        <Background gap={24} size={1} />
        <Controls showInteractive={false} />
      </ReactFlow>
    </div>
  );
}
