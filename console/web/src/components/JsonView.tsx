import { classify, maskedParts } from '../lib/masking';

/** A JSON value, indented; redacted values are shown as masks and oversized ones as "truncated". */
export function JsonView({ value }: { value: unknown }) {
  return (
    <pre className="json">
      <JsonNode value={value} indent={0} />
    </pre>
  );
}

function JsonNode({ value, indent }: { value: unknown; indent: number }) {
  const kind = classify(value);
  if (kind.kind === 'masked') {
    return <span className="masked" data-testid="masked-value" title="Redacted by the runner">•••</span>;
  }
  if (kind.kind === 'partly-masked') {
    return (
      <span className="string">
        "{maskedParts(value as string).map((part, i) =>
          part.masked ? <span key={i} className="masked" data-testid="masked-value" title="Redacted by the runner">•••</span> : part.text,
        )}"
      </span>
    );
  }
  if (kind.kind === 'truncated') {
    return <span className="truncated" title="Larger than the runner shows">truncated ({kind.size} bytes)</span>;
  }
  const pad = '  '.repeat(indent + 1);
  const close = '  '.repeat(indent);
  if (Array.isArray(value)) {
    if (value.length === 0) {
      return <>[]</>;
    }
    return (
      <>
        {'[\n'}
        {value.map((item, i) => (
          <span key={i}>
            {pad}
            <JsonNode value={item} indent={indent + 1} />
            {i < value.length - 1 ? ',\n' : '\n'}
          </span>
        ))}
        {close}]
      </>
    );
  }
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value);
    if (entries.length === 0) {
      return <>{'{}'}</>;
    }
    return (
      <>
        {'{\n'}
        {entries.map(([key, item], i) => (
          <span key={key}>
            {pad}
            <span className="key">{JSON.stringify(key)}</span>:{' '}
            <JsonNode value={item} indent={indent + 1} />
            {i < entries.length - 1 ? ',\n' : '\n'}
          </span>
        ))}
        {close}
        {'}'}
      </>
    );
  }
  return <span className={value === null ? 'null' : typeof value}>{JSON.stringify(value)}</span>;
}
