// The path a run took through its graph, from its steps: which nodes it reached with what outcome, and which
// execution connectors it followed.
import type { ExecutionConnector } from '../api/definitions';
import type { Step, StepStatus } from '../api/runner';

export interface RunPath {
  /** each reached node's latest outcome */
  outcomes: Map<string, StepStatus>;
  /** how often each reached node ran (retries and loop iterations included) */
  executions: Map<string, number>;
  /** the connectors followed, by edgeKey */
  edges: Set<string>;
}

export function edgeKey(connector: ExecutionConnector): string {
  return `${connector.from}\u0000${connector.output}\u0000${connector.to}`;
}

type PathStep = Pick<Step, 'seq' | 'nodeId' | 'status' | 'output'>;

export function runPath(steps: readonly PathStep[], connectors: readonly ExecutionConnector[]): RunPath {
  const ordered = [...steps].sort((a, b) => a.seq - b.seq);
  const outcomes = new Map<string, StepStatus>();
  const executions = new Map<string, number>();
  const edges = new Set<string>();
  ordered.forEach((step, index) => {
    outcomes.set(step.nodeId, step.status);
    executions.set(step.nodeId, (executions.get(step.nodeId) ?? 0) + 1);
    const leaving = connectors.filter((c) => c.from === step.nodeId);
    if (step.output) {
      // the step names the output it took
      leaving.filter((c) => c.output === step.output).forEach((c) => edges.add(edgeKey(c)));
    } else if (step.status === 'COMPLETED' && index + 1 < ordered.length) {
      // an older step without its output: the connector to the node that ran next
      const next = ordered[index + 1].nodeId;
      leaving.filter((c) => c.to === next).forEach((c) => edges.add(edgeKey(c)));
    }
  });
  return { outcomes, executions, edges };
}

/** A node's outcome as the runner's overview answers it (over all the run's executions of it). */
export interface NodePathOutcome {
  nodeId: string;
  status: StepStatus;
  executions: number;
}

export interface OverviewPath extends RunPath {
  /**
   * The connectors counted as followed without a step that shows it: both ends were reached, and the source ran
   * beyond the steps at hand, so which outputs it took there is not known.
   */
  inferred: Set<string>;
}

/**
 * The path from a run's overview: every reached node's latest outcome and executions come from the runner's node
 * outcomes (complete, however many steps the run has); the connectors followed come from the first steps, exact as
 * far as they go. A node that ran more often than those steps show may have taken any of its connectors to a node
 * the run reached: those count as followed (inferred).
 */
export function overviewPath(nodes: readonly NodePathOutcome[], steps: readonly PathStep[],
  connectors: readonly ExecutionConnector[]): OverviewPath {
  const fromSteps = runPath(steps, connectors);
  const outcomes = new Map<string, StepStatus>();
  const executions = new Map<string, number>();
  nodes.forEach((node) => {
    outcomes.set(node.nodeId, node.status);
    executions.set(node.nodeId, node.executions);
  });
  const edges = new Set(fromSteps.edges);
  const inferred = new Set<string>();
  connectors.forEach((c) => {
    const key = edgeKey(c);
    const ranBeyond = (executions.get(c.from) ?? 0) > (fromSteps.executions.get(c.from) ?? 0);
    if (!edges.has(key) && ranBeyond && outcomes.has(c.to)) {
      edges.add(key);
      inferred.add(key);
    }
  });
  return { outcomes, executions, edges, inferred };
}
