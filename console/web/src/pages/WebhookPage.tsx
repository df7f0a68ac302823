export function WebhookPage() { return <p>TODO</p>; }
