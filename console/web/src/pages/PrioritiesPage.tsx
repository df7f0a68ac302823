export function PrioritiesPage() { return <p>TODO</p>; }
