import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { priorities, reorderPriorities, type PriorityItem } from '../api/definitions';
import { ActionOutcome, ProblemView } from '../components/ProblemView';
import { useAction } from '../hooks/useAction';
import { useAsync } from '../hooks/useAsync';
import { useCan } from '../hooks/useAuth';
import { moveItem } from '../lib/order';

/** The order in which ACTIVE definitions are evaluated; drag (or the arrows) to change it. */
export function PrioritiesPage() {
  const allowed = useCan();
  const canReorder = allowed('priorities.reorder');
  const loaded = useAsync(() => priorities().then((p) => p.items), []);
  const [items, setItems] = useState<PriorityItem[]>([]);
  const [dragging, setDragging] = useState<number | null>(null);
  const [over, setOver] = useState<number | null>(null);
  const action = useAction();

  useEffect(() => {
    if (loaded.data) {
      setItems(loaded.data);
    }
  }, [loaded.data]);

  const move = async (from: number, to: number) => {
    const reordered = moveItem(items, from, to);
    if (reordered.every((item, i) => item === items[i])) {
      return;
    }
    const before = items;
    setItems(reordered);
    const saved = await action.run(() => reorderPriorities(reordered.map((i) => i.definitionId)), 'Priority order saved');
    // the service's answer is the order now in force; a refusal puts back what was there
    setItems(saved ? saved.items : before);
  };

  return (
    <section>
      <h1>Priority order</h1>
      <p className="muted">
        Position 1 is evaluated first and wins where workflows compete in an exclusive group. A newly started definition joins last.
        {canReorder ? ' Drag a row, or use the arrows, to change the order.' : ''}
      </p>
      <ProblemView error={loaded.error} />
      <ActionOutcome error={action.error} done={action.done} />
      {loaded.data && items.length === 0 && <p className="empty">No definition is ACTIVE.</p>}
      <ol className="priority-list" data-testid="priority-list">
        {items.map((item, index) => (
          <li
            key={item.definitionId}
            draggable={canReorder && !action.busy}
            className={`${dragging === index ? 'dragging' : ''} ${over === index && dragging !== index ? 'drop-target' : ''}`}
            onDragStart={(e) => {
              setDragging(index);
              e.dataTransfer.effectAllowed = 'move';
              e.dataTransfer.setData('text/plain', item.definitionId);
            }}
            onDragOver={(e) => {
              if (dragging !== null) {
                e.preventDefault();
                setOver(index);
              }
            }}
            onDragLeave={() => setOver(null)}
            onDrop={(e) => {
              e.preventDefault();
              if (dragging !== null) {
                void move(dragging, index);
              }
              setDragging(null);
              setOver(null);
            }}
            onDragEnd={() => {
              setDragging(null);
              setOver(null);
            }}
            data-testid="priority-row"
            data-definition-id={item.definitionId}
            data-position={index + 1}
          >
            <span className="position">{index + 1}</span>
            <span className="name">
              <Link to={`/definitions/${item.definitionId}`}>{item.name}</Link>
              {item.exclusiveGroup && <span className="muted"> · group {item.exclusiveGroup}</span>}
            </span>
            {canReorder && (
              <>
                <button type="button" onClick={() => move(index, index - 1)} disabled={index === 0 || action.busy} aria-label={`Move ${item.name} up`} data-testid="priority-up">↑</button>
                <button type="button" onClick={() => move(index, index + 1)} disabled={index === items.length - 1 || action.busy} aria-label={`Move ${item.name} down`} data-testid="priority-down">↓</button>
              </>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
