export function DeadLettersPage() { return <p>TODO</p>; }
