import { useState } from 'react';
import { useNavigate } from 'react-router';
import { createFromTemplate, templates } from '../api/definitions';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { ActionOutcome, ProblemView } from '../components/ProblemView';
import { useAction } from '../hooks/useAction';
import { useAsync } from '../hooks/useAsync';
import { useCan } from '../hooks/useAuth';

/** Ready-made workflows to start from: a template becomes a new draft. */
export function TemplatesPage() {
  const allowed = useCan();
  const navigate = useNavigate();
  const catalog = useAsync(() => templates(), []);
  const action = useAction();
  const [chosen, setChosen] = useState<{ id: string; name: string } | null>(null);
  const [name, setName] = useState('');

  const create = async () => {
    const template = chosen;
    setChosen(null);
    if (!template) {
      return;
    }
    const created = await action.run(() => createFromTemplate(template.id, name.trim() || undefined), 'Created');
    if (created) {
      navigate(`/definitions/${created.id}`);
    }
  };

  return (
    <section>
      <h1>Templates</h1>
      <ProblemView error={catalog.error} />
      <ActionOutcome error={action.error} context="Creating from the template" />
      {catalog.data?.categories.map((category) => (
        <div key={category.category}>
          <h2>{category.category}</h2>
          <div className="cards">
            {category.templates.map((t) => (
              <div key={t.id} className="card" data-testid="template" data-template-id={t.id}>
                <strong>{t.name}</strong>
                <p className="muted">{t.description}</p>
                {allowed('templates.use') && (
                  <div>
                    <button type="button" onClick={() => { setName(t.name); setChosen(t); }} data-testid="use-template">
                      Use this template
                    </button>
                  </div>
                )}
              </div>
            ))}
          </div>
        </div>
      ))}
      <ConfirmDialog open={chosen !== null} title={`New draft from “${chosen?.name ?? ''}”`} confirmLabel="Create draft" busy={action.busy} onConfirm={create} onCancel={() => setChosen(null)}>
        <label className="stacked">
          Name
          <input value={name} onChange={(e) => setName(e.target.value)} data-testid="template-name" />
        </label>
        <p className="muted">The draft may have incidents until the connections the template names exist.</p>
      </ConfirmDialog>
    </section>
  );
}
