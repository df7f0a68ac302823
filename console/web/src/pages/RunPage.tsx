import { useCallback, useMemo, useState } from 'react';
import { Link, useParams } from 'react-router';
import { version as fetchVersion, type GraphContent } from '../api/definitions';
import {
  cancelRun, deliveriesOfRun, getRun, retryRun, runResult, runSteps, signalRun,
  type Run, type Step,
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
import { runPath } from '../lib/path';
import { isTerminalRun } from '../lib/status';

/** The graph is coloured from the run's first steps; a run with more shows a note. */
const PATH_STEPS = 200;
const TIMELINE_PAGE = 50;

/** One run: its graph with the path it took, its steps, its outcome, its trigger and what may be done with it. */
export function RunPage() {
  const { id = '' } = useParams();
  const me = useMe();
  const allowed = useCan();
  const run = useAsync(() => getRun(id), [id]);
  const pathSteps = useAsync(() => runSteps(id, 0, PATH_STEPS), [id]);
  const [timelinePage, setTimelinePage] = useState(0);
  const timeline = useAsync(() => runSteps(id, timelinePage, TIMELINE_PAGE), [id, timelinePage]);

  const definitionId = run.data?.workflowDefinitionId;
  const pinned = run.data?.version;
  const canReadDefinitions = allowed('definitions.read');
  const graph = useAsync<GraphContent | null>(
    () => (definitionId && pinned && canReadDefinitions ? fetchVersion(definitionId, pinned) : Promise.resolve(null)),
    [definitionId, pinned, canReadDefinitions],
  );
  const status = run.data?.status;
  const ended = !!status && isTerminalRun(status);
  const result = useAsync(() => (ended ? runResult(id) : Promise.resolve(null)), [id, ended, status]);

  const reloadAll = useCallback(() => {
    run.reload();
    pathSteps.reload();
    timeline.reload();
    result.reload();
  }, [run.reload, pathSteps.reload, timeline.reload, result.reload]);
  useLiveReload(reloadAll, (event) => event.runId === id);

  if (run.error) {
    return <ProblemView error={run.error} context={`Run ${id}`} />;
  }
  if (!run.data) {
    return <p className="muted">Loading run…</p>;
  }
  const r = run.data;
  const actions = runActions(r.status, me.roles);
  const steps = pathSteps.data?.items ?? [];

  return (
    <section data-testid="run-page" data-run-id={r.id}>
      <header className="page-header">
        <div>
          <h1>
            Run <span className="mono">{shortId(r.id)}</span> <StatusBadge status={r.status} testId="run-status" />
          </h1>
          <p className="muted mono">{r.id}</p>
        </div>
        <RunActionsBar run={r} actions={actions} steps={steps} graph={graph.data ?? null} onDone={reloadAll} />
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
        <dd data-testid="run-trigger">{r.trigger ?? 'not reported by the runner'}</dd>
        {r.parentRunId && (
          <>
            <dt>Started by run</dt>
            <dd><Link to={`/runs/${r.parentRunId}`} className="mono">{shortId(r.parentRunId)}</Link></dd>
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

      <h2>Path</h2>
      <ProblemView error={graph.error} context="The graph of this version" />
      <ProblemView error={pathSteps.error} context="Steps" />
      {graph.data && <RunGraph content={graph.data} steps={steps} />}
      {pathSteps.data && pathSteps.data.total > PATH_STEPS && (
        <p className="muted">The path shows the first {PATH_STEPS} of {pathSteps.data.total} steps.</p>
      )}
      {!canReadDefinitions && <p className="muted">Your roles do not show definitions, so the graph is not shown.</p>}

      <h2>Outcome</h2>
      <RunOutcome run={r} result={result.data?.result} />
      <ProblemView error={result.error} context="Result" />

      <h2>Steps</h2>
      <ProblemView error={timeline.error} />
      {timeline.data && (
        <>
          <StepsTimeline steps={timeline.data.items} />
          <Pager page={timelinePage} size={TIMELINE_PAGE} total={timeline.data.total} shown={timeline.data.items.length} onPage={setTimelinePage} />
        </>
      )}

      {allowed('webhooks.manage') && <RunDeliveries runId={r.id} />}
    </section>
  );
}

function RunGraph({ content, steps }: { content: GraphContent; steps: Step[] }) {
  const path = useMemo(() => runPath(steps, content.executionConnectors), [steps, content]);
  const decorate = useCallback(
    (nodeId: string): NodeDecoration => ({ outcome: path.outcomes.get(nodeId), executions: path.executions.get(nodeId) }),
    [path],
  );
  return <WorkflowGraph content={content} decorate={decorate} takenEdges={path.edges} />;
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

/** The signal a waiting waitForEvent node waits for, from the graph (the user may send another). */
function waitingSignal(steps: Step[], graph: GraphContent | null): string {
  const waiting = [...steps].reverse().find((s) => s.status === 'WAITING' && s.nodeType === 'waitForEvent');
  const node = waiting && graph?.nodes.find((n) => n.id === waiting.nodeId);
  const signal = node?.properties?.signal;
  return typeof signal === 'string' ? signal : '';
}

function RunActionsBar({ run, actions, steps, graph, onDone }: {
  run: Run;
  actions: { cancel: boolean; retry: boolean; signal: boolean };
  steps: Step[];
  graph: GraphContent | null;
  onDone: () => void;
}) {
  const action = useAction();
  const [dialog, setDialog] = useState<'cancel' | 'retry' | 'signal' | null>(null);
  const [signalName, setSignalName] = useState('');
  const [signalData, setSignalData] = useState('');
  const failedStep = [...steps].reverse().find((s) => s.status === 'FAILED');
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
        <button type="button" onClick={() => { setSignalName(waitingSignal(steps, graph)); setSignalData(''); setDialog('signal'); }} data-testid="action-signal">
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
          The run runs again from {failedStep ? <code>{failedStep.nodeId}</code> : 'its failed step'}; everything before it is kept.
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
