export function DeadLetterPage() { return <p>TODO</p>; }
