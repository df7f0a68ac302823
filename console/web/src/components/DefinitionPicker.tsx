import { useEffect, useState } from 'react';
import { getDefinition, searchDefinitions, type DefinitionSummary } from '../api/definitions';

interface Props {
  value?: string;
  onChange: (definitionId: string | undefined) => void;
  /** without the role to search definitions, the picker takes an id */
  canSearch: boolean;
}

/** Chooses a definition by name: the definition service searches, the picker only shows its first answers. */
export function DefinitionPicker({ value, onChange, canSearch }: Props) {
  const [text, setText] = useState('');
  const [suggestions, setSuggestions] = useState<DefinitionSummary[]>([]);
  const [name, setName] = useState<string | undefined>();

  useEffect(() => {
    setName(undefined);
    if (value && canSearch) {
      getDefinition(value).then((d) => setName(d.name), () => setName(undefined));
    }
  }, [value, canSearch]);

  useEffect(() => {
    if (!canSearch || text.trim().length === 0) {
      setSuggestions([]);
      return;
    }
    let current = true;
    const timer = setTimeout(() => {
      searchDefinitions({ q: text.trim(), sort: 'name' }, 0, 8).then(
        (page) => current && setSuggestions(page.items),
        () => current && setSuggestions([]),
      );
    }, 200);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [text, canSearch]);

  if (value) {
    return (
      <span className="picked" data-testid="definition-picked">
        {name ?? value}
        <button type="button" className="link" onClick={() => onChange(undefined)} aria-label="Any definition">
          ✕
        </button>
      </span>
    );
  }
  if (!canSearch) {
    return (
      <input
        placeholder="Definition id"
        onBlur={(e) => e.target.value.trim() && onChange(e.target.value.trim())}
        data-testid="definition-id-input"
      />
    );
  }
  return (
    <span className="picker">
      <input
        value={text}
        placeholder="Any definition"
        onChange={(e) => setText(e.target.value)}
        aria-label="Definition"
        data-testid="definition-picker"
      />
      {suggestions.length > 0 && (
        <ul className="suggestions">
          {suggestions.map((d) => (
            <li key={d.id}>
              <button type="button" onClick={() => { onChange(d.id); setText(''); }}>
                {d.name} <span className="muted">{d.status.toLowerCase()}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </span>
  );
}
