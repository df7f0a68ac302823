export function WebhooksPage() { return <p>TODO</p>; }
