import { useCallback, useMemo, useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import {
  definitionIncidents, duplicate, exportUrl, getDefinition, lifecycle, version as fetchVersion, versions as fetchVersions,
  type Definition, type GraphContent, type Incident, type LifecycleAction,
} from '../api/definitions';
import { ApiError } from '../api/http';
import {
  definitionRunIncidents, definitionStats, triggerOf, type DefinitionStats, type IncidentNode, type NodeStats, type RunIncidents,
} from '../api/runner';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { ActionOutcome, ProblemView } from '../components/ProblemView';
import { StatusBadge } from '../components/StatusBadge';
import { WorkflowGraph, type NodeDecoration } from '../components/WorkflowGraph';
import { useAction } from '../hooks/useAction';
import { useAsync } from '../hooks/useAsync';
import { useCan, useMe } from '../hooks/useAuth';
import { useLiveReload } from '../hooks/useLive';
import { lifecycleActions } from '../lib/actions';
import { formatDuration, formatInstant, shortId } from '../lib/format';
import { placeIncidents, reasonText } from '../lib/incidents';
import { statusLabel } from '../lib/status';

type Window = 'all' | 'hour' | 'day';

/** A definition: its graph with live per-node counts and incidents, its lifecycle, versions, copies and export. */
export function DefinitionPage() {
  const { id = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const allowed = useCan();
  const versionParam = params.get('version');
  const viewedVersion = versionParam && /^\d+$/.test(versionParam) ? Number(versionParam) : undefined;
  const [window, setWindow] = useState<Window>('all');

  const definition = useAsync(() => getDefinition(id), [id]);
  const versionList = useAsync(() => fetchVersions(id), [id]);
  const publishedGraph = useAsync<GraphContent | null>(
    () => (viewedVersion ? fetchVersion(id, viewedVersion) : Promise.resolve(null)),
    [id, viewedVersion],
  );
  const canIncidents = allowed('definitions.incidents');
  const incidents = useAsync<Incident[]>(
    () => (canIncidents && !viewedVersion ? definitionIncidents(id).then((r) => r.incidents) : Promise.resolve([])),
    [id, canIncidents, viewedVersion],
  );
  const canStats = allowed('stats.read');
  const stats = useAsync<DefinitionStats | null>(
    () => (canStats ? definitionStats(id, viewedVersion, window) : Promise.resolve(null)),
    [id, canStats, viewedVersion, window],
  );
  // the runs FAILED now, per failing node (the runner's incidents; the same roles as the statistics)
  const runIncidents = useAsync<RunIncidents | null>(
    () => (canStats ? definitionRunIncidents(id, viewedVersion) : Promise.resolve(null)),
    [id, canStats, viewedVersion],
  );
  const reloadLive = useCallback(() => {
    stats.reload();
    runIncidents.reload();
  }, [stats.reload, runIncidents.reload]);
  useLiveReload(reloadLive, (event) => event.definitionId === id, canStats);

  const reloadAfterChange = useCallback(() => {
    definition.reload();
    versionList.reload();
    incidents.reload();
  }, [definition.reload, versionList.reload, incidents.reload]);

  if (definition.error) {
    return <ProblemView error={definition.error} context={`Definition ${id}`} />;
  }
  if (!definition.data) {
    return <p className="muted">Loading definition…</p>;
  }
  const d = definition.data;
  const content: GraphContent | null = viewedVersion ? publishedGraph.data ?? null : d;
  const graphNodeIds = new Set((content?.nodes ?? []).map((n) => n.id));
  const showVersion = (n: number | undefined) => setParams(n ? { version: String(n) } : {});

  return (
    <section data-testid="definition-page" data-definition-id={d.id}>
      <header className="page-header">
        <div>
          <h1>
            {d.name} <StatusBadge status={d.status} testId="definition-status" />
          </h1>
          {d.description && <p className="muted">{d.description}</p>}
          <p>
            {(d.tags ?? []).map((t) => (
              <Link key={t} className="tag" to={`/definitions?tag=${encodeURIComponent(t)}`}>{t}</Link>
            ))}
          </p>
        </div>
        <DefinitionActions definition={d} onChanged={reloadAfterChange} />
      </header>

      <dl className="facts">
        <dt>Published version</dt>
        <dd data-testid="published-version">{d.publishedVersion ? `v${d.publishedVersion}` : 'none yet'}{d.pendingRevision ? ' (changes pending publication)' : ''}</dd>
        {d.priority && (<><dt>Priority</dt><dd>#{d.priority}{d.exclusiveGroup ? ` in exclusive group ${d.exclusiveGroup}` : ''}</dd></>)}
        {d.scheduledStartAt && (<><dt>Starts at</dt><dd>{formatInstant(d.scheduledStartAt)}</dd></>)}
        <dt>Trigger</dt>
        <dd><TriggerSummary definition={d} /></dd>
        <dt>Updated</dt>
        <dd>{formatInstant(d.updatedAt)} {d.updatedBy && <span className="muted">by {d.updatedBy}</span>}</dd>
      </dl>

      <div className="page-header">
        <h2>
          {viewedVersion ? `Version ${viewedVersion}` : d.pendingRevision ? 'Pending revision' : d.publishedVersion ? 'Current definition' : 'Draft'}
        </h2>
        <div className="actions">
          <label>
            Show{' '}
            <select value={viewedVersion ?? ''} onChange={(e) => showVersion(e.target.value ? Number(e.target.value) : undefined)} data-testid="graph-version">
              <option value="">{d.pendingRevision ? 'pending revision' : 'current definition'}</option>
              {(versionList.data ?? []).map((v) => <option key={v.version} value={v.version}>version {v.version}</option>)}
            </select>
          </label>
          {canStats && (
            <label>
              Counts of{' '}
              <select value={window} onChange={(e) => setWindow(e.target.value as Window)} data-testid="stats-window">
                <option value="all">all time</option>
                <option value="day">the last day</option>
                <option value="hour">the last hour</option>
              </select>
            </label>
          )}
        </div>
      </div>
      {canStats && stats.data && <RunTotals stats={stats.data} definitionId={d.id} version={viewedVersion} />}
      <ProblemView error={stats.error} context="Statistics" />
      <ProblemView error={publishedGraph.error} context={`Version ${viewedVersion}`} />
      {content && <DefinitionGraph content={content} stats={stats.data ?? null} incidents={incidents.data ?? []} failedNodes={runIncidents.data?.nodes ?? NO_FAILURES} />}
      <ProblemView error={incidents.error} context="Incidents" />
      <IncidentList incidents={incidents.data ?? []} nodeIds={graphNodeIds} />
      <ProblemView error={runIncidents.error} context="Failed runs" />
      {runIncidents.data && <FailedRuns incidents={runIncidents.data} graphNodeIds={graphNodeIds} version={viewedVersion} />}

      <h2>Versions</h2>
      <ProblemView error={versionList.error} />
      {versionList.data && versionList.data.length === 0 && <p className="empty">Not published yet.</p>}
      {versionList.data && versionList.data.length > 0 && (
        <table className="table" data-testid="versions-table">
          <thead>
            <tr><th>Version</th><th>Published</th><th>By</th><th>Runs on it now</th><th>Runs</th><th></th></tr>
          </thead>
          <tbody>
            {[...versionList.data].reverse().map((v) => (
              <tr key={v.version} data-testid="version-row" data-version={v.version}>
                <td>v{v.version}{v.version === d.publishedVersion ? <span className="muted"> (current)</span> : ''}</td>
                <td>{formatInstant(v.publishedAt)}</td>
                <td>{v.publishedBy ?? ''}</td>
                <td>{canStats ? <VersionInFlight definitionId={d.id} version={v.version} /> : ''}</td>
                <td>{allowed('runs.read') && <Link to={`/runs?definitionId=${d.id}&version=${v.version}`}>runs of v{v.version}</Link>}</td>
                <td><button type="button" className="link" onClick={() => showVersion(v.version)}>show graph</button></td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

const NO_FAILURES: IncidentNode[] = [];

function DefinitionGraph({ content, stats, incidents, failedNodes }: {
  content: GraphContent;
  stats: DefinitionStats | null;
  incidents: Incident[];
  failedNodes: IncidentNode[];
}) {
  const decorate = useMemo(() => {
    const failures = placeIncidents(failedNodes, new Set(content.nodes.map((n) => n.id)));
    const counts = new Map<string, NodeStats>((stats?.nodes ?? []).map((n) => [n.nodeId, n]));
    const byNode = new Map<string, Incident[]>();
    incidents.filter((i) => i.nodeId).forEach((i) => byNode.set(i.nodeId!, [...(byNode.get(i.nodeId!) ?? []), i]));
    return (nodeId: string): NodeDecoration => ({
      counts: stats ? counts.get(nodeId) ?? { nodeId, nodeType: '', entered: 0, completed: 0, failed: 0, waiting: 0 } : undefined,
      incidents: byNode.get(nodeId),
      failures: failures.onNodes.get(nodeId),
    });
  }, [content, stats, incidents, failedNodes]);
  return <WorkflowGraph content={content} decorate={decorate} height={460} />;
}

function IncidentList({ incidents, nodeIds }: { incidents: Incident[]; nodeIds: Set<string> }) {
  if (incidents.length === 0) {
    return null;
  }
  return (
    <div className="problem" data-testid="incidents">
      <strong>{incidents.length} incident(s) keep this definition from starting or publishing</strong>
      <ul>
        {incidents.map((i, n) => (
          <li key={n} data-testid="incident" data-code={i.code} data-node-id={i.nodeId ?? ''}>
            {i.nodeId && <code>{i.nodeId}</code>}{i.nodeId && !nodeIds.has(i.nodeId) ? ' (not in the graph)' : ''} {statusLabel(i.code)}: {i.message}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The runtime incidents: the runs FAILED now per node, why (by error code, with the latest message) and the latest run. */
function FailedRuns({ incidents, graphNodeIds, version }: { incidents: RunIncidents; graphNodeIds: ReadonlySet<string>; version?: number }) {
  const allowed = useCan();
  const placed = placeIncidents(incidents.nodes, graphNodeIds);
  if (incidents.failedRuns === 0) {
    return null;
  }
  const failedRunsLink = new URLSearchParams({ definitionId: incidents.definitionId, status: 'FAILED' });
  if (version) failedRunsLink.set('version', String(version));
  const elsewhere = new Set(placed.elsewhere);
  const row = (node: IncidentNode) => (
    <tr key={node.nodeId ?? ''} data-testid="failed-node" data-node-id={node.nodeId ?? ''} data-failed-runs={node.failedRuns}>
      <td>
        {node.nodeId ? <code>{node.nodeId}</code> : <span className="muted">outside any node (e.g. the run's timeout)</span>}
        {node.nodeType && <span className="muted"> {node.nodeType}</span>}
        {graphNodeIds.size > 0 && elsewhere.has(node) && <span className="muted"> (not in this graph)</span>}
      </td>
      <td>{node.failedRuns}</td>
      <td>
        <ul className="reasons">
          {node.reasons.map((reason, i) => (
            <li key={i} data-testid="failure-reason" data-code={reason.code ?? ''}>
              {reasonText(reason)}
              {reason.lastRunId && (
                <span className="muted">
                  {' '}· latest{' '}
                  {allowed('runs.read') ? <Link to={`/runs/${reason.lastRunId}`} className="mono">{shortId(reason.lastRunId)}</Link> : <span className="mono">{shortId(reason.lastRunId)}</span>}
                  {reason.lastFailedAt && ` at ${formatInstant(reason.lastFailedAt)}`}
                </span>
              )}
            </li>
          ))}
        </ul>
      </td>
    </tr>
  );
  return (
    <div className="problem" data-testid="failed-runs">
      <strong>
        {incidents.failedRuns} run{incidents.failedRuns === 1 ? ' is' : 's are'} FAILED{version ? ` on version ${version}` : ''}
      </strong>
      {allowed('runs.read') && <> · <Link to={`/runs?${failedRunsLink}`}>list them</Link> (retry one to resolve its incident)</>}
      <table className="table">
        <thead>
          <tr><th>Node</th><th>Failed runs</th><th>Why (by error code)</th></tr>
        </thead>
        <tbody>{incidents.nodes.map(row)}</tbody>
      </table>
    </div>
  );
}

function RunTotals({ stats, definitionId, version }: { stats: DefinitionStats; definitionId: string; version?: number }) {
  const allowed = useCan();
  // each total links to the runs it counts, for those who may see runs
  const total = (label: string, count: number, status: string | undefined, tone: string, testId?: string) => {
    const body = <>{label} <strong data-testid={testId}>{count}</strong></>;
    if (!allowed('runs.read')) {
      return <span className={`button count ${tone}`}>{body}</span>;
    }
    const q = new URLSearchParams({ definitionId });
    if (version) q.set('version', String(version));
    if (status) q.set('status', status);
    return <Link className={`button count ${tone}`} to={`/runs?${q}`}>{body}</Link>;
  };
  const r = stats.runs;
  return (
    <div className="counts" data-testid="run-totals">
      {total('Started', r.started, undefined, '', 'total-started')}
      {total('Running', r.running, 'RUNNING', 'tone-active', 'total-running')}
      {total('Waiting', r.waiting, 'WAITING', 'tone-warn', 'total-waiting')}
      {total('Completed', r.completed, 'COMPLETED', 'tone-ok', 'total-completed')}
      {total('Failed', r.failed, 'FAILED', 'tone-bad', 'total-failed')}
      {total('Cancelled', r.cancelled, 'CANCELLED', 'tone-muted', 'total-cancelled')}
      {stats.duration.count > 0 && (
        <span className="muted" style={{ alignSelf: 'center' }}>
          mean {formatDuration(stats.duration.meanMillis)} · p95 {formatDuration(stats.duration.p95Millis)}
        </span>
      )}
    </div>
  );
}

function VersionInFlight({ definitionId, version }: { definitionId: string; version: number }) {
  const stats = useAsync(() => definitionStats(definitionId, version), [definitionId, version]);
  if (!stats.data) {
    return <span className="muted">{stats.error ? '?' : '…'}</span>;
  }
  const r = stats.data.runs;
  return <span data-testid="version-in-flight">{r.running + r.waiting} running or waiting · {r.started} started</span>;
}

function TriggerSummary({ definition }: { definition: Definition }) {
  const allowed = useCan();
  const registered = definition.status === 'ACTIVE' || definition.status === 'PAUSED';
  const canTriggers = allowed('triggers.read') && registered && definition.trigger?.kind !== 'api';
  const found = useAsync(
    () => (canTriggers ? triggerOf(definition.id).catch((e: ApiError) => (e.status === 404 ? null : Promise.reject(e))) : Promise.resolve(null)),
    [definition.id, canTriggers],
  );
  const t = definition.trigger;
  if (!t) {
    return <span className="muted">none</span>;
  }
  return (
    <span>
      {t.kind}
      {t.eventType && <> on <code>{t.eventType}</code></>}
      {t.cron && <> cron <code>{t.cron}</code></>}
      {t.interval && <> every <code>{t.interval}</code></>}
      {t.path && <> at <code>{t.method ?? 'POST'} {t.path}</code></>}
      {found.data?.nextFireAt && <span className="muted"> · next {formatInstant(found.data.nextFireAt)}</span>}
      {found.data?.hookPath && <span className="muted"> · clients call <code>{found.data.hookPath}</code></span>}
    </span>
  );
}

const LIFECYCLE_LABELS: Record<LifecycleAction, string> = {
  start: 'Start',
  publish: 'Publish changes',
  pause: 'Pause',
  resume: 'Resume',
  finalize: 'Finalize',
};

function DefinitionActions({ definition, onChanged }: { definition: Definition; onChanged: () => void }) {
  const me = useMe();
  const allowed = useCan();
  const navigate = useNavigate();
  const action = useAction();
  const [pending, setPending] = useState<LifecycleAction | 'duplicate' | null>(null);
  const [copyName, setCopyName] = useState('');
  const available = lifecycleActions(definition.status, definition.pendingRevision, me.roles);
  const close = () => setPending(null);
  const confirm = async () => {
    const which = pending;
    close();
    if (which === 'duplicate') {
      const copy = await action.run(() => duplicate(definition.id, copyName.trim() || undefined), 'Duplicated');
      if (copy) {
        navigate(`/definitions/${copy.id}`);
      }
    } else if (which) {
      await action.run(() => lifecycle(definition.id, which, definition.revision), `${LIFECYCLE_LABELS[which]}: done`);
      // after a refusal too: a 422 names incidents the graph should show, a 409 a newer revision
      onChanged();
    }
  };
  return (
    <div className="actions">
      {available.map((a) => (
        <button key={a} type="button" className={a === 'finalize' ? 'danger' : 'primary'} onClick={() => setPending(a)} data-testid={`lifecycle-${a}`}>
          {LIFECYCLE_LABELS[a]}
        </button>
      ))}
      {allowed('definitions.design') && (
        <>
          <button type="button" onClick={() => { setCopyName(`${definition.name} (copy)`); setPending('duplicate'); }} data-testid="duplicate">
            Duplicate
          </button>
          <a className="button" href={exportUrl(definition.id)} download data-testid="export-cn">Export .cn</a>
        </>
      )}
      <div style={{ flexBasis: '100%' }}>
        <ActionOutcome error={action.error} done={action.done} />
      </div>
      <ConfirmDialog
        open={pending !== null && pending !== 'duplicate'}
        title={pending ? `${LIFECYCLE_LABELS[pending as LifecycleAction]} “${definition.name}”?` : ''}
        confirmLabel={pending ? LIFECYCLE_LABELS[pending as LifecycleAction] : ''}
        danger={pending === 'finalize'}
        busy={action.busy}
        onConfirm={confirm}
        onCancel={close}
      >
        <LifecycleExplanation action={pending as LifecycleAction} />
      </ConfirmDialog>
      <ConfirmDialog open={pending === 'duplicate'} title="Duplicate as a new draft" confirmLabel="Duplicate" busy={action.busy} onConfirm={confirm} onCancel={close}>
        <label className="stacked">
          Name of the copy
          <input value={copyName} onChange={(e) => setCopyName(e.target.value)} data-testid="duplicate-name" />
        </label>
      </ConfirmDialog>
    </div>
  );
}

function LifecycleExplanation({ action }: { action: LifecycleAction | null }) {
  switch (action) {
    case 'start':
      return <p>Publishes version 1 and makes the definition ACTIVE: it can run, and joins the end of the priority order.</p>;
    case 'publish':
      return <p>Publishes the pending changes as the next version. New runs use it; running ones keep their version.</p>;
    case 'pause':
      return <p>No new runs start while it is paused.</p>;
    case 'resume':
      return <p>New runs can start again; it takes its former place in the priority order.</p>;
    case 'finalize':
      return (
        <p data-testid="finalize-warning">
          <strong>Finalizing is final.</strong> The definition never runs again and cannot be edited, resumed or restarted.
          It can still be duplicated.
        </p>
      );
    default:
      return null;
  }
}

