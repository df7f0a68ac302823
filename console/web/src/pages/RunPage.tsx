import { useCallback, useMemo, useState } from 'react';
import { Link, useParams } from 'react-router';
import { version as fetchVersion, type GraphContent } from '../api/definitions';
import {
  cancelRun, deliveriesOfRun, retryRun, runOverview, runSteps, signalRun,
  type NodeOutcome, type Run, type RunOverview, type Step,
} from '../api/runner';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { JsonView } from '../components/JsonView';
import { Pager } from '../components/Pager';
import { ActionOutcome, ProblemView } from '../components/ProblemView';
import { StatusBadge } from '../components/StatusBadge';
import { WorkflowGraph, type NodeDecoration } from '../components/WorkflowGraph';
import { useAction } from '../hooks/useAction';
import { useAsync } from '../hooks/useAsync';
import { useCan, useMe } from '../hooks/useAuth';
import { useLiveReload } from '../hooks/useLive';
import { runActions } from '../lib/actions';
import { elapsed, formatDuration, formatInstant, shortId } from '../lib/format';
import { awaitedSignal, describeWait, triggerFacts, triggerSummary } from '../lib/overview';
import { overviewPath } from '../lib/path';

/**
 * The overview brings the first page of the timeline; later pages come from GET /workflows/{id}/steps with the same
 * size. The graph's path takes its outcomes from the overview's node outcomes (every node, however long the run).
 */
const TIMELINE_PAGE = 100;

/** One run: its graph with the path it took, its steps, its outcome, its trigger and what may be done with it. */
export function RunPage() {
  const { id = '' } = useParams();
  const me = useMe();
  const allowed = useCan();
  // one call for the page: the run, result, trigger, wait, node outcomes and the first steps
  const overview = useAsync(() => runOverview(id, TIMELINE_PAGE), [id]);
  const [timelinePage, setTimelinePage] = useState(0);
  const laterSteps = useAsync(
    () => (timelinePage > 0 ? runSteps(id, timelinePage, TIMELINE_PAGE) : Promise.resolve(null)),
    [id, timelinePage],
  );

  const definitionId = overview.data?.run.workflowDefinitionId;
  const pinned = overview.data?.run.version;
  const canReadDefinitions = allowed('definitions.read');
  const graph = useAsync<GraphContent | null>(
    () => (definitionId && pinned && canReadDefinitions ? fetchVersion(definitionId, pinned) : Promise.resolve(null)),
    [definitionId, pinned, canReadDefinitions],
  );

  const reloadAll = useCallback(() => {
    overview.reload();
    laterSteps.reload();
  }, [overview.reload, laterSteps.reload]);
  useLiveReload(reloadAll, (event) => event.runId === id);

  if (overview.error) {
    return <ProblemView error={overview.error} context={`Run ${id}`} />;
  }
  if (!overview.data) {
    return <p className="muted">Loading run…</p>;
  }
  const o = overview.data;
  const r = o.run;
  const actions = runActions(r.status, me.roles);
  const timeline = timelinePage === 0 ? o.steps : laterSteps.data;

  return (
    <section data-testid="run-page" data-run-id={r.id}>
      <header className="page-header">
        <div>
          <h1>
            Run <span className="mono">{shortId(r.id)}</span> <StatusBadge status={r.status} testId="run-status" />
          </h1>
          <p className="muted mono">{r.id}</p>
        </div>
        <RunActionsBar overview={o} actions={actions} onDone={reloadAll} />
      </header>

      <dl className="facts">
        <dt>Definition</dt>
        <dd>
          {canReadDefinitions ? (
            <Link to={`/definitions/${r.workflowDefinitionId}?version=${r.version}`}>{graph.data?.name ?? shortId(r.workflowDefinitionId)}</Link>
          ) : (
            <span className="mono">{r.workflowDefinitionId}</span>
          )}{' '}
          <span className="muted" data-testid="run-version">version {r.version}</span>
        </dd>
        <dt>Case</dt>
        <dd>
          {allowed('cases.read') ? <Link to={`/cases/${r.caseId}`} className="mono">{r.caseId}</Link> : <span className="mono">{r.caseId}</span>}
        </dd>
        <dt>Trigger</dt>
        <dd><TriggerFact overview={o} /></dd>
        {r.parentRunId && (
          <>
            <dt>Started by run</dt>
            <dd>
              <Link to={`/runs/${r.parentRunId}`} className="mono">{shortId(r.parentRunId)}</Link>
              {o.parentNodeId && <span className="muted"> at node <code>{o.parentNodeId}</code></span>}
            </dd>
          </>
        )}
        {o.waiting && (
          <>
            <dt>Waiting</dt>
            <dd data-testid="run-waiting" data-wait-kind={o.waiting.kind} data-signal={o.waiting.signal ?? ''}>
              {describeWait(o.waiting)}
              {o.waiting.since && <span className="muted"> since {formatInstant(o.waiting.since)}</span>}
              {o.waiting.until && <span className="muted"> until {formatInstant(o.waiting.until)}</span>}
              {o.waiting.childRunId && <> · <Link to={`/runs/${o.waiting.childRunId}`} className="mono">{shortId(o.waiting.childRunId)}</Link></>}
            </dd>
          </>
        )}
        <dt>Environment</dt>
        <dd>{r.environment}</dd>
        <dt>Created</dt>
        <dd>{formatInstant(r.createdAt)}</dd>
        <dt>Started</dt>
        <dd>{formatInstant(r.startedAt)}</dd>
        <dt>Ended</dt>
        <dd>{formatInstant(r.endedAt)}</dd>
        <dt>Duration</dt>
        <dd>{formatDuration(elapsed(r.startedAt, r.endedAt))}</dd>
      </dl>

      <TriggerData overview={o} />

      <h2>Path</h2>
      <ProblemView error={graph.error} context="The graph of this version" />
      {graph.data && <RunGraph content={graph.data} nodes={o.nodes} steps={o.steps.items} stepsTotal={o.steps.total} />}
      {/* without the graph (no role to read definitions, or the version cannot be read) the path is a list */}
      {(!canReadDefinitions || graph.error) && <PathList nodes={o.nodes} />}

      <h2>Outcome</h2>
      <RunOutcome run={r} result={o.result} />

      <h2>Steps</h2>
      <ProblemView error={laterSteps.error} />
      {timeline && (
        <>
          <StepsTimeline steps={timeline.items} />
          <Pager page={timelinePage} size={TIMELINE_PAGE} total={timeline.total} shown={timeline.items.length} onPage={setTimelinePage} />
        </>
      )}

      {allowed('webhooks.manage') && <RunDeliveries runId={r.id} />}
    </section>
  );
}

function TriggerFact({ overview }: { overview: RunOverview }) {
  const facts = triggerFacts(overview.trigger, overview.run.trigger);
  return (
    <span data-testid="run-trigger" data-kind={facts.kind}>
      {triggerSummary(facts, overview.trigger)}
    </span>
  );
}

/** What named the trigger (event id, source, times, ...) and the data it carried, masked as the runner masks it. */
function TriggerData({ overview }: { overview: RunOverview }) {
  const facts = triggerFacts(overview.trigger, overview.run.trigger);
  if (facts.naming.length === 0 && !facts.data) {
    return null;
  }
  return (
    <details className="panel" data-testid="trigger-details">
      <summary>Trigger details</summary>
      {facts.naming.length > 0 && <JsonView value={Object.fromEntries(facts.naming)} />}
      {facts.data && (
        <>
          <h4>Data</h4>
          {facts.dataMasked && <p className="muted" data-testid="trigger-data-masked">Masked: this run holds redacted values.</p>}
          <JsonView value={facts.data} />
        </>
      )}
    </details>
  );
}

function RunGraph({ content, nodes, steps, stepsTotal }: { content: GraphContent; nodes: NodeOutcome[]; steps: Step[]; stepsTotal: number }) {
  const path = useMemo(() => overviewPath(nodes, steps, content.executionConnectors), [nodes, steps, content]);
  const decorate = useCallback(
    (nodeId: string): NodeDecoration => ({ outcome: path.outcomes.get(nodeId), executions: path.executions.get(nodeId) }),
    [path],
  );
  const notInGraph = nodes.filter((n) => !content.nodes.some((g) => g.id === n.nodeId));
  return (
    <>
      <WorkflowGraph content={content} decorate={decorate} takenEdges={path.edges} />
      {path.inferred.size > 0 && (
        <p className="muted" data-testid="path-inferred">
          The run has {stepsTotal} steps; past the first {steps.length}, the connectors it followed are inferred from the nodes it reached.
        </p>
      )}
      {notInGraph.length > 0 && (
        <p className="muted">Reached but not in this graph: {notInGraph.map((n) => n.nodeId).join(', ')}</p>
      )}
    </>
  );
}

/** The path without the graph (roles that do not read definitions): each node the run reached and how it ended. */
function PathList({ nodes }: { nodes: NodeOutcome[] }) {
  if (nodes.length === 0) {
    return <p className="empty">No node has run yet.</p>;
  }
  return (
    <ol className="path-list" data-testid="path-list">
      {nodes.map((n) => (
        <li key={n.nodeId} data-testid="path-node" data-node-id={n.nodeId} data-outcome={n.status}>
          <code>{n.nodeId}</code> <span className="muted">{n.nodeType}</span> <StatusBadge status={n.status} />
          {n.executions > 1 && <span className="muted"> ran {n.executions}×</span>}
          {n.failures > 0 && <span className="muted"> · {n.failures} failed</span>}
        </li>
      ))}
    </ol>
  );
}

function RunOutcome({ run, result }: { run: Run; result?: Record<string, unknown> }) {
  if (run.status === 'COMPLETED') {
    return (
      <div data-testid="run-result">
        {result && Object.keys(result).length > 0 ? <JsonView value={result} /> : <p className="muted">Completed without a result.</p>}
      </div>
    );
  }
  if (run.error) {
    return (
      <div className="error-box" data-testid="run-error">
        <JsonView value={run.error} />
      </div>
    );
  }
  if (run.status === 'CANCELLED') {
    return <p className="muted">Cancelled.</p>;
  }
  return <p className="muted">The run has not ended yet.</p>;
}

function StepsTimeline({ steps }: { steps: Step[] }) {
  if (steps.length === 0) {
    return <p className="empty">No steps yet.</p>;
  }
  return (
    <table className="table steps" data-testid="steps-table">
      <thead>
        <tr>
          <th>#</th>
          <th>Node</th>
          <th>Attempt</th>
          <th>Status</th>
          <th>Started</th>
          <th>Duration</th>
          <th>Output</th>
          <th>Data</th>
        </tr>
      </thead>
      <tbody>
        {steps.map((step) => (
          <tr key={step.seq} data-testid="step-row" data-node-id={step.nodeId} data-status={step.status} data-attempt={step.attempt}>
            <td>{step.seq}</td>
            <td>
              <span className="mono">{step.nodeId}</span> <span className="muted">{step.nodeType}</span>
            </td>
            <td>{step.attempt}</td>
            <td><StatusBadge status={step.status} /></td>
            <td title={step.startedAt}>{formatInstant(step.startedAt)}</td>
            <td>{formatDuration(step.durationMs ?? elapsed(step.startedAt, step.endedAt))}</td>
            <td>{step.output ?? ''}</td>
            <td>
              {(step.inputs || step.outputs || step.error) && (
                <details data-testid="step-details">
                  <summary>show</summary>
                  {step.inputs && (<><h4>Inputs</h4><JsonView value={step.inputs} /></>)}
                  {step.outputs && (<><h4>Outputs</h4><JsonView value={step.outputs} /></>)}
                  {step.error && (<><h4>Error</h4><div className="error-box"><JsonView value={step.error} /></div></>)}
                </details>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The node a failed run failed at: its error names it, else the node whose latest execution failed. */
function failedNode(overview: RunOverview): string | undefined {
  const named = overview.run.error?.nodeId;
  return typeof named === 'string' ? named : overview.nodes.find((n) => n.status === 'FAILED')?.nodeId;
}

function RunActionsBar({ overview, actions, onDone }: {
  overview: RunOverview;
  actions: { cancel: boolean; retry: boolean; signal: boolean };
  onDone: () => void;
}) {
  const run = overview.run;
  const action = useAction();
  const [dialog, setDialog] = useState<'cancel' | 'retry' | 'signal' | null>(null);
  const [signalName, setSignalName] = useState('');
  const [signalData, setSignalData] = useState('');
  const failedAt = failedNode(overview);
  const dataProblem = signalData.trim() ? jsonProblem(signalData) : null;

  const close = () => setDialog(null);
  const confirm = async () => {
    const which = dialog;
    close();
    if (which === 'cancel') {
      await action.run(() => cancelRun(run.id), 'Cancellation accepted', onDone);
    } else if (which === 'retry') {
      await action.run(() => retryRun(run.id), 'Retry accepted: the run continues from its failed step', onDone);
    } else if (which === 'signal') {
      const data = signalData.trim() ? JSON.parse(signalData) : undefined;
      await action.run(() => signalRun(run.id, signalName.trim(), data), `Signal ${signalName.trim()} sent`, onDone);
    }
  };
  if (!actions.cancel && !actions.retry && !actions.signal) {
    return null;
  }
  return (
    <div className="actions">
      {actions.retry && (
        <button type="button" className="primary" onClick={() => setDialog('retry')} data-testid="action-retry">
          Retry from failed step
        </button>
      )}
      {actions.signal && (
        <button type="button" onClick={() => { setSignalName(awaitedSignal(overview.waiting)); setSignalData(''); setDialog('signal'); }} data-testid="action-signal">
          Send signal
        </button>
      )}
      {actions.cancel && (
        <button type="button" className="danger" onClick={() => setDialog('cancel')} data-testid="action-cancel">
          Cancel run
        </button>
      )}
      <ActionOutcome error={action.error} done={action.done} />
      <ConfirmDialog open={dialog === 'cancel'} title="Cancel this run?" confirmLabel="Cancel run" danger onConfirm={confirm} onCancel={close} busy={action.busy}>
        <p>The run stops where it is and ends CANCELLED. This cannot be undone.</p>
      </ConfirmDialog>
      <ConfirmDialog open={dialog === 'retry'} title="Retry from the failed step?" confirmLabel="Retry" onConfirm={confirm} onCancel={close} busy={action.busy}>
        <p>
          The run runs again from {failedAt ? <code>{failedAt}</code> : 'its failed step'}; everything before it is kept.
        </p>
      </ConfirmDialog>
      <ConfirmDialog
        open={dialog === 'signal'}
        title="Send a signal"
        confirmLabel="Send"
        onConfirm={confirm}
        onCancel={close}
        busy={action.busy}
        canConfirm={/^[A-Za-z0-9_.-]{1,100}$/.test(signalName.trim()) && !dataProblem}
      >
        <label className="stacked">
          Signal name
          <input value={signalName} onChange={(e) => setSignalName(e.target.value)} data-testid="signal-name" />
        </label>
        <label className="stacked">
          Data (JSON, optional)
          <textarea rows={5} value={signalData} onChange={(e) => setSignalData(e.target.value)} data-testid="signal-data" />
        </label>
        {dataProblem && <p className="field-error">{dataProblem}</p>}
      </ConfirmDialog>
    </div>
  );
}

function jsonProblem(text: string): string | null {
  try {
    JSON.parse(text);
    return null;
  } catch (e) {
    return `Not valid JSON: ${(e as Error).message}`;
  }
}

function RunDeliveries({ runId }: { runId: string }) {
  const deliveries = useAsync(() => deliveriesOfRun(runId, 0, 20), [runId]);
  if (!deliveries.data || deliveries.data.total === 0) {
    return null;
  }
  return (
    <>
      <h2>Webhook deliveries</h2>
      <table className="table">
        <thead>
          <tr><th>Event</th><th>Status</th><th>Attempts</th><th>Last code</th><th>Subscription</th></tr>
        </thead>
        <tbody>
          {deliveries.data.items.map((d) => (
            <tr key={d.id}>
              <td>{d.eventType}</td>
              <td><StatusBadge status={d.status} /></td>
              <td>{d.attempts}</td>
              <td>{d.lastStatusCode ?? ''}</td>
              <td>{d.subscriptionId ? <Link to={`/webhooks/${d.subscriptionId}`}>{shortId(d.subscriptionId)}</Link> : 'callback URL'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
