import { useEffect, useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { searchCases, type CaseFilter } from '../api/cases';
import { Pager } from '../components/Pager';
import { ProblemView } from '../components/ProblemView';
import { useAsync } from '../hooks/useAsync';
import { caseName } from '../lib/cases';
import { formatInstant } from '../lib/format';
import { pageParam } from '../lib/paging';
import { filterParams, readFilter } from '../lib/query';

const PAGE_SIZE = 20;
const FIELDS = [
  { key: 'email', label: 'E-mail', hint: 'The whole address, any case' },
  { key: 'externalRef', label: 'External reference', hint: 'Exactly' },
  { key: 'personalNumber', label: 'Personal number', hint: 'Exactly' },
  // the case service matches the start of first, last or company name, and "first last" in either order
  { key: 'name', label: 'Name', hint: 'The start of a first, last or company name, or of both names (Gra Hop)', maxLength: 200 },
  { key: 'companyNumber', label: 'Company number', hint: 'Exactly' },
] as const;
const KEYS = FIELDS.map((f) => f.key);

/** Finds a case by what people know of it; the case service matches, the console only shows its pages. */
export function CasesPage() {
  const [params, setParams] = useSearchParams();
  const filter: CaseFilter = readFilter(params, KEYS);
  const page = pageParam(params.get('page'));
  const searching = Object.keys(filter).length > 0;
  const key = params.toString();
  const found = useAsync(() => (searching ? searchCases(filter, page, PAGE_SIZE) : Promise.resolve(null)), [key]);
  const [draft, setDraft] = useState<CaseFilter>(filter);
  useEffect(() => setDraft(readFilter(new URLSearchParams(key), KEYS)), [key]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setParams(filterParams({ ...draft }));
  };
  return (
    <section>
      <h1>Cases</h1>
      <form className="filters" onSubmit={submit} data-testid="case-search">
        {FIELDS.map((f) => (
          <label key={f.key}>
            {f.label}
            <input
              value={draft[f.key] ?? ''}
              title={f.hint}
              maxLength={'maxLength' in f ? f.maxLength : undefined}
              onChange={(e) => setDraft({ ...draft, [f.key]: e.target.value })}
              data-testid={`case-${f.key}`}
            />
          </label>
        ))}
        <button type="submit" className="primary" data-testid="case-find">Find</button>
      </form>
      {!searching && <p className="muted">Give at least one of the fields; every given field must match.</p>}
      <ProblemView error={found.error} />
      {found.data && found.data.items.length === 0 && <p className="empty">No case matches.</p>}
      {found.data && found.data.items.length > 0 && (
        <table className="table" data-testid="cases-table">
          <thead>
            <tr><th>Name</th><th>E-mail</th><th>Personal number</th><th>External reference</th><th>Company</th><th>Created</th></tr>
          </thead>
          <tbody>
            {found.data.items.map((c) => (
              <tr key={c.id} data-testid="case-row" data-case-id={c.id}>
                <td><Link to={`/cases/${c.id}`}>{caseName(c) || <span className="mono">{c.id}</span>}</Link>{c.erased && <span className="muted"> (erased)</span>}</td>
                <td>{c.email ?? ''}</td>
                <td>{c.personalNumber ?? ''}</td>
                <td>{c.externalRef ?? ''}</td>
                <td>{c.companyName ?? ''}</td>
                <td>{formatInstant(c.createdAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {found.data && (
        <Pager page={page} size={PAGE_SIZE} total={found.data.total} shown={found.data.items.length} onPage={(p) => setParams(filterParams({ ...filter }, p))} />
      )}
    </section>
  );
}
