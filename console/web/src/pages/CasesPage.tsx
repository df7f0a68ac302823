export function CasesPage() { return <p>TODO</p>; }
