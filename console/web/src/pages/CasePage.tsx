export function CasePage() { return <p>TODO</p>; }
