import type { ApiError } from '../api/http';

/** A problem+json answer as a message: title, detail, the fields that failed and incidents. */
export function ProblemView({ error, context }: { error: ApiError | undefined; context?: string }) {
  if (!error) {
    return null;
  }
  const { problem } = error;
  return (
    <div className="problem" role="alert" data-testid="problem" data-status={problem.status}>
      <strong>
        {context ? `${context}: ` : ''}
        {problem.title ?? 'The request failed'}
        {problem.status ? ` (${problem.status})` : ''}
      </strong>
      {problem.detail && <p>{problem.detail}</p>}
      {problem.errors && problem.errors.length > 0 && (
        <ul>
          {problem.errors.map((e, i) => (
            <li key={i}>
              <code>{e.field}</code>: {e.message}
            </li>
          ))}
        </ul>
      )}
      {problem.incidents && problem.incidents.length > 0 && (
        <ul>
          {problem.incidents.map((incident, i) => (
            <li key={i}>
              {incident.nodeId && <code>{incident.nodeId}</code>} {incident.code}: {incident.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** What a finished action did, or what went wrong. */
export function ActionOutcome({ error, done, context }: { error?: ApiError; done?: string; context?: string }) {
  return (
    <>
      <ProblemView error={error} context={context} />
      {done && (
        <p className="notice" role="status" data-testid="action-done">
          {done}
        </p>
      )}
    </>
  );
}
