import { Link } from 'react-router';
import type { Run } from '../api/runner';
import { useCan } from '../hooks/useAuth';
import { elapsed, formatDuration, formatInstant, shortId } from '../lib/format';
import { StatusBadge } from './StatusBadge';

/** Runs as rows, newest first as the runner answers them. */
export function RunsTable({ runs, showCase = true }: { runs: Run[]; showCase?: boolean }) {
  const allowed = useCan();
  if (runs.length === 0) {
    return <p className="empty" data-testid="runs-empty">No runs match.</p>;
  }
  return (
    <table className="table" data-testid="runs-table">
      <thead>
        <tr>
          <th>Run</th>
          <th>Status</th>
          <th>Definition</th>
          {showCase && <th>Case</th>}
          <th>Trigger</th>
          <th>Created</th>
          <th>Duration</th>
        </tr>
      </thead>
      <tbody>
        {runs.map((run) => (
          <tr key={run.id} data-testid="run-row" data-run-id={run.id} data-status={run.status}>
            <td>
              {/* the whole id: what a person copies into a search, a log query or a support ticket */}
              <Link to={`/runs/${run.id}`} className="mono small" data-testid="run-link" title={run.id}>
                {run.id}
              </Link>
            </td>
            <td>
              <StatusBadge status={run.status} />
            </td>
            <td>
              {allowed('definitions.read') ? (
                <Link to={`/definitions/${run.workflowDefinitionId}?version=${run.version}`} className="mono">
                  {shortId(run.workflowDefinitionId)}
                </Link>
              ) : (
                <span className="mono">{shortId(run.workflowDefinitionId)}</span>
              )}{' '}
              <span className="muted">v{run.version}</span>
            </td>
            {showCase && (
              <td>
                {allowed('cases.read') ? (
                  <Link to={`/cases/${run.caseId}`} className="mono" title={run.caseId}>{shortId(run.caseId)}</Link>
                ) : (
                  <span className="mono" title={run.caseId}>{shortId(run.caseId)}</span>
                )}
              </td>
            )}
            <td>{run.trigger ?? ''}</td>
            <td title={run.createdAt}>{formatInstant(run.createdAt)}</td>
            <td>{formatDuration(elapsed(run.startedAt, run.endedAt))}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
