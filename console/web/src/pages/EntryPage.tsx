export function EntryPage() { return <p>TODO</p>; }
