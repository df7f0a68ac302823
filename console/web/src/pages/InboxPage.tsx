export function InboxPage() { return <p>TODO</p>; }
