import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { createWebhook, listWebhooks, WEBHOOK_EVENTS, type Webhook } from '../api/runner';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { Pager } from '../components/Pager';
import { ActionOutcome, ProblemView } from '../components/ProblemView';
import { useAction } from '../hooks/useAction';
import { useAsync } from '../hooks/useAsync';
import { formatInstant } from '../lib/format';
import { pageParam } from '../lib/paging';

const PAGE_SIZE = 25;

/** The tenant's webhook subscriptions; a new one shows its signing secret once. */
export function WebhooksPage() {
  const [params, setParams] = useSearchParams();
  const page = pageParam(params.get('page'));
  const list = useAsync(() => listWebhooks(page, PAGE_SIZE), [page]);
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<Webhook | null>(null);

  return (
    <section>
      <header className="page-header">
        <h1>Webhooks</h1>
        <button type="button" className="primary" onClick={() => setCreating(true)} data-testid="new-webhook">New subscription</button>
      </header>
      {creating && <NewWebhookForm onCancel={() => setCreating(false)} onCreated={(w) => { setCreating(false); setCreated(w); list.reload(); }} />}
      <ProblemView error={list.error} />
      {list.data && list.data.items.length === 0 && <p className="empty">No subscriptions yet.</p>}
      {list.data && list.data.items.length > 0 && (
        <table className="table" data-testid="webhooks-table">
          <thead>
            <tr><th>URL</th><th>Events</th><th>Description</th><th>Created</th></tr>
          </thead>
          <tbody>
            {list.data.items.map((w) => (
              <tr key={w.id} data-testid="webhook-row" data-webhook-id={w.id}>
                <td><Link to={`/webhooks/${w.id}`} className="mono">{w.url}</Link></td>
                <td>{w.events.map((e) => <span key={e} className="tag">{e}</span>)}</td>
                <td>{w.description ?? ''}</td>
                <td>{formatInstant(w.createdAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {list.data && (
        <Pager page={page} size={PAGE_SIZE} total={list.data.total} shown={list.data.items.length} onPage={(p) => setParams(p ? { page: String(p) } : {})} />
      )}
      <ConfirmDialog open={created !== null} title="Subscription created" confirmLabel="I have stored the secret" onConfirm={() => setCreated(null)} onCancel={() => setCreated(null)}>
        <p>Receivers verify deliveries with this signing secret. It is shown <strong>only now</strong>.</p>
        <p className="secret" data-testid="new-secret">{created?.secret}</p>
      </ConfirmDialog>
    </section>
  );
}

function NewWebhookForm({ onCreated, onCancel }: { onCreated: (w: Webhook) => void; onCancel: () => void }) {
  const [url, setUrl] = useState('https://');
  const [events, setEvents] = useState<string[]>(['run.completed', 'run.failed']);
  const [description, setDescription] = useState('');
  const action = useAction();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const created = await action.run(() => createWebhook({ url: url.trim(), events, description: description.trim() || undefined }));
    if (created) {
      onCreated(created);
    }
  };
  return (
    <form className="panel" onSubmit={submit} data-testid="webhook-form">
      <label className="stacked">
        URL the deliveries are POSTed to
        <input value={url} onChange={(e) => setUrl(e.target.value)} required data-testid="webhook-url" />
      </label>
      <fieldset className="filters" style={{ border: 'none', padding: 0 }}>
        {WEBHOOK_EVENTS.map((event) => (
          <label key={event} style={{ flexDirection: 'row', alignItems: 'center' }}>
            <input
              type="checkbox"
              checked={events.includes(event)}
              onChange={() => setEvents(events.includes(event) ? events.filter((x) => x !== event) : [...events, event])}
            />
            {event}
          </label>
        ))}
      </fieldset>
      <label className="stacked">
        Description
        <input value={description} onChange={(e) => setDescription(e.target.value)} />
      </label>
      <ActionOutcome error={action.error} />
      <div className="actions">
        <button type="submit" className="primary" disabled={action.busy || events.length === 0}>Subscribe</button>
        <button type="button" onClick={onCancel}>Cancel</button>
      </div>
    </form>
  );
}
