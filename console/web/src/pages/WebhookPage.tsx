import { useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { deleteWebhook, deliveriesOf, getWebhook, redeliver, rotateSecret, type Delivery, type IssuedSecret } from '../api/runner';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { Pager } from '../components/Pager';
import { ActionOutcome, ProblemView } from '../components/ProblemView';
import { StatusBadge } from '../components/StatusBadge';
import { useAction } from '../hooks/useAction';
import { useAsync } from '../hooks/useAsync';
import { formatInstant, shortId } from '../lib/format';
import { pageParam } from '../lib/paging';
import { oneOf } from '../lib/query';
import { httpTone } from '../lib/status';

const PAGE_SIZE = 20;
const DELIVERY_STATUSES = ['PENDING', 'SUCCEEDED', 'DEAD'] as const;
const GRACE_PERIODS = [
  { value: 'PT0S', label: 'immediately' },
  { value: 'PT1H', label: 'after 1 hour' },
  { value: 'PT24H', label: 'after 24 hours' },
  { value: 'P7D', label: 'after 7 days' },
];

/** One subscription: its delivery log with attempts, redelivery, secret rotation (shown once) and deletion. */
export function WebhookPage() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const status = oneOf(params.get('status') ?? undefined, DELIVERY_STATUSES);
  const page = pageParam(params.get('page'));
  const webhook = useAsync(() => getWebhook(id), [id]);
  const deliveries = useAsync(() => deliveriesOf(id, status, page, PAGE_SIZE), [id, status, page]);
  const action = useAction();
  const [dialog, setDialog] = useState<'rotate' | 'delete' | null>(null);
  const [grace, setGrace] = useState('PT24H');
  const [secret, setSecret] = useState<IssuedSecret | null>(null);

  const show = (next: { status?: string; page?: number }) => {
    const q: Record<string, string> = {};
    if (next.status) q.status = next.status;
    if (next.page) q.page = String(next.page);
    setParams(q);
  };
  const confirm = async () => {
    const which = dialog;
    setDialog(null);
    if (which === 'rotate') {
      const issued = await action.run(() => rotateSecret(id, grace), undefined, webhook.reload);
      if (issued) {
        setSecret(issued);
      }
    } else if (which === 'delete') {
      const deleted = await action.run(() => deleteWebhook(id).then(() => true));
      if (deleted) {
        navigate('/webhooks');
      }
    }
  };

  if (webhook.error) {
    return <ProblemView error={webhook.error} context={`Subscription ${id}`} />;
  }
  if (!webhook.data) {
    return <p className="muted">Loading subscription…</p>;
  }
  const w = webhook.data;
  return (
    <section data-testid="webhook-page">
      <header className="page-header">
        <div>
          <h1 className="mono">{w.url}</h1>
          <p className="muted">{w.description}</p>
        </div>
        <div className="actions">
          <button type="button" onClick={() => setDialog('rotate')} data-testid="rotate-secret">Rotate secret</button>
          <button type="button" className="danger" onClick={() => setDialog('delete')} data-testid="delete-webhook">Delete</button>
        </div>
      </header>
      <ActionOutcome error={action.error} done={action.done} />
      <dl className="facts">
        <dt>Events</dt>
        <dd>{w.events.map((e) => <span key={e} className="tag">{e}</span>)}</dd>
        <dt>Created</dt>
        <dd>{formatInstant(w.createdAt)}</dd>
        {w.previousSecretExpiresAt && (<><dt>Old secret verifies until</dt><dd>{formatInstant(w.previousSecretExpiresAt)}</dd></>)}
      </dl>

      <h2>Deliveries</h2>
      <div className="counts">
        <button type="button" className={`count ${status ? '' : 'selected'}`} onClick={() => show({})}>All</button>
        {DELIVERY_STATUSES.map((s) => (
          <button key={s} type="button" className={`count ${status === s ? 'selected' : ''}`} onClick={() => show({ status: s })} data-testid={`deliveries-${s}`}>
            {s.toLowerCase()}
          </button>
        ))}
      </div>
      <ProblemView error={deliveries.error} />
      {deliveries.data && (
        <>
          <DeliveryLog deliveries={deliveries.data.items} onRedelivered={deliveries.reload} />
          <Pager page={page} size={PAGE_SIZE} total={deliveries.data.total} shown={deliveries.data.items.length} onPage={(p) => show({ status, page: p })} />
        </>
      )}

      <ConfirmDialog open={dialog === 'rotate'} title="Rotate the signing secret" confirmLabel="Rotate" busy={action.busy} onConfirm={confirm} onCancel={() => setDialog(null)}>
        <p>A new secret is issued and shown once. During the grace period deliveries carry both signatures, so receivers can switch over.</p>
        <label className="stacked">
          The old secret stops verifying
          <select value={grace} onChange={(e) => setGrace(e.target.value)} data-testid="grace-period">
            {GRACE_PERIODS.map((g) => <option key={g.value} value={g.value}>{g.label}</option>)}
          </select>
        </label>
      </ConfirmDialog>
      <ConfirmDialog open={dialog === 'delete'} title="Delete this subscription?" confirmLabel="Delete" danger busy={action.busy} onConfirm={confirm} onCancel={() => setDialog(null)}>
        <p>Its deliveries, pending ones included, go with it.</p>
      </ConfirmDialog>
      <ConfirmDialog open={secret !== null} title="New signing secret" confirmLabel="I have stored the secret" onConfirm={() => setSecret(null)} onCancel={() => setSecret(null)}>
        <p>It is shown <strong>only now</strong>.{secret?.previousSecretExpiresAt ? ` The old one verifies until ${formatInstant(secret.previousSecretExpiresAt)}.` : ''}</p>
        <p className="secret" data-testid="new-secret">{secret?.secret}</p>
      </ConfirmDialog>
    </section>
  );
}

function DeliveryLog({ deliveries, onRedelivered }: { deliveries: Delivery[]; onRedelivered: () => void }) {
  const action = useAction();
  if (deliveries.length === 0) {
    return <p className="empty">No deliveries.</p>;
  }
  return (
    <>
      <ActionOutcome error={action.error} done={action.done} />
      <table className="table" data-testid="deliveries-table">
        <thead>
          <tr><th>Created</th><th>Event</th><th>Run</th><th>Status</th><th>Attempts</th><th>Last</th><th>Next attempt</th><th></th></tr>
        </thead>
        <tbody>
          {deliveries.map((d) => (
            <tr key={d.id} data-testid="delivery-row" data-delivery-id={d.id} data-status={d.status}>
              <td>{formatInstant(d.createdAt)}</td>
              <td>{d.eventType}</td>
              <td>{d.runId && <Link to={`/runs/${d.runId}`} className="mono">{shortId(d.runId)}</Link>}</td>
              <td><StatusBadge status={d.status} /></td>
              <td>
                <details>
                  <summary>{d.attempts}</summary>
                  <table className="table">
                    <thead><tr><th>#</th><th>At</th><th>Code</th><th>Latency</th><th>Error</th></tr></thead>
                    <tbody>
                      {d.attemptLog.map((a) => (
                        <tr key={a.attempt} data-testid="delivery-attempt">
                          <td>{a.attempt}</td>
                          <td>{formatInstant(a.attemptedAt)}</td>
                          <td className={`tone-${httpTone(a.statusCode)}`}>{a.statusCode ?? 'unreachable'}</td>
                          <td>{a.latencyMs} ms</td>
                          <td>{a.error ?? ''}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </details>
              </td>
              <td className={`tone-${httpTone(d.lastStatusCode)}`} title={d.lastError}>
                {d.attempts > 0 ? d.lastStatusCode ?? 'unreachable' : ''}
              </td>
              <td>{formatInstant(d.nextAttemptAt)}</td>
              <td>
                <button
                  type="button"
                  disabled={action.busy}
                  onClick={() => action.run(() => redeliver(d.id), 'Redelivery queued; the attempt follows within a second', onRedelivered)}
                  data-testid="redeliver"
                >
                  Redeliver
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
