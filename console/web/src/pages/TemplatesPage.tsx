export function TemplatesPage() { return <p>TODO</p>; }
