// Content entries as the inbox shows them: the service renders fields at the top level next to id, internal, sys.

const NOT_FIELDS = new Set(['id', 'internal', 'sys']);

/** The entry's own fields, in the order the service gave them. */
export function entryFields(entry: Record<string, unknown>): [string, unknown][] {
  return Object.entries(entry).filter(([name]) => !NOT_FIELDS.has(name));
}

const TITLE_FIELDS = ['title', 'name', 'entryTitle', 'heading', 'subject'];

/** What to call an entry in a list: a title-like field, else its first short text field, else its id. */
export function entryTitle(entry: Record<string, unknown>): string {
  for (const name of TITLE_FIELDS) {
    const value = entry[name];
    if (typeof value === 'string' && value.trim()) {
      return value.trim();
    }
  }
  const text = entryFields(entry).find(([, v]) => typeof v === 'string' && v.trim() && v.length <= 120);
  return text ? String(text[1]).trim() : String(entry.id ?? '');
}

/** An event's message parameter, if it takes one, and whether it is required (e.g. a decline's reason). */
export function messageParameter(parameters: readonly { id: string; validations?: { required?: unknown } | null }[]):
  { required: boolean } | null {
  const message = parameters.find((p) => p.id === 'message');
  if (!message) {
    return null;
  }
  const required = message.validations?.required;
  return { required: required !== undefined && required !== null && required !== false };
}
