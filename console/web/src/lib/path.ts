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
