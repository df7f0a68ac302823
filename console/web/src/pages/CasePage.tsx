import { useState } from 'react';
import { useParams } from 'react-router';
import { getCase } from '../api/cases';
import { searchRuns } from '../api/runner';
import { JsonView } from '../components/JsonView';
import { Pager } from '../components/Pager';
import { ProblemView } from '../components/ProblemView';
import { RunsTable } from '../components/RunsTable';
import { useAsync } from '../hooks/useAsync';
import { useCan } from '../hooks/useAuth';
import { useLiveReload } from '../hooks/useLive';
import { caseName } from '../lib/cases';
import { formatInstant } from '../lib/format';
import { affectsRunList } from '../lib/live';

const PAGE_SIZE = 20;

/** A case and its runs, newest first. */
export function CasePage() {
  const { id = '' } = useParams();
  const allowed = useCan();
  const found = useAsync(() => getCase(id), [id]);
  const [page, setPage] = useState(0);
  const canRuns = allowed('runs.read');
  const runs = useAsync(() => (canRuns ? searchRuns({ caseId: id }, page, PAGE_SIZE) : Promise.resolve(null)), [id, page, canRuns]);
  useLiveReload(runs.reload, (event) => affectsRunList(event, { caseId: id }), canRuns);

  if (found.error) {
    return <ProblemView error={found.error} context={`Case ${id}`} />;
  }
  if (!found.data) {
    return <p className="muted">Loading case…</p>;
  }
  const c = found.data;
  return (
    <section data-testid="case-page" data-case-id={c.id}>
      <h1>{caseName(c) || 'Case'}{c.erased && <span className="muted"> (erased {formatInstant(c.erasedAt)})</span>}</h1>
      <p className="muted mono">{c.id}</p>
      <dl className="facts">
        {c.email && (<><dt>E-mail</dt><dd>{c.email}</dd></>)}
        {c.personalNumber && (<><dt>Personal number</dt><dd>{c.personalNumber}</dd></>)}
        {c.externalRef && (<><dt>External reference</dt><dd>{c.externalRef}</dd></>)}
        {c.companyName && (<><dt>Company</dt><dd>{c.companyName} {c.companyNumber && <span className="muted">{c.companyNumber}</span>}</dd></>)}
        {c.companyAddress && (<><dt>Address</dt><dd>{c.companyAddress}</dd></>)}
        <dt>Created</dt>
        <dd>{formatInstant(c.createdAt)}</dd>
        <dt>Updated</dt>
        <dd>{formatInstant(c.updatedAt)}</dd>
      </dl>
      {c.attributes && Object.keys(c.attributes).length > 0 && (
        <>
          <h2>Attributes</h2>
          <JsonView value={c.attributes} />
        </>
      )}
      {canRuns && (
        <>
          <h2>Runs</h2>
          <ProblemView error={runs.error} />
          {runs.data && (
            <>
              <RunsTable runs={runs.data.items} showCase={false} />
              <Pager page={page} size={PAGE_SIZE} total={runs.data.total} shown={runs.data.items.length} onPage={setPage} />
            </>
          )}
        </>
      )}
    </section>
  );
}
