// What each console action needs, read from the services' @RolesAllowed (service-support's Roles).
// A page or button whose action the signed-in user's roles do not allow is not offered.

export const Role = {
  ADMIN: 'admin',
  DESIGNER: 'designer',
  OPERATOR: 'operator',
  CLIENT: 'client',
  CONTENT_EDITOR: 'content-editor',
  CONTENT_APPROVER: 'content-approver',
  SERVICE: 'service',
  PLATFORM_OPERATOR: 'platform-operator',
} as const;

const { ADMIN, DESIGNER, OPERATOR, CLIENT, CONTENT_EDITOR, CONTENT_APPROVER, SERVICE, PLATFORM_OPERATOR } = Role;

const ALLOWED = {
  // runner-service: RunResource
  'runs.read': [CLIENT, ADMIN, OPERATOR, SERVICE],
  'runs.cancel': [CLIENT, ADMIN, OPERATOR],
  'runs.retry': [CLIENT, ADMIN, OPERATOR],
  'runs.signal': [CLIENT, ADMIN, OPERATOR, SERVICE],
  // runner-service: StatsResource (statistics and the runs FAILED per node: incidents), TriggerResource
  'stats.read': [ADMIN, OPERATOR, DESIGNER],
  'triggers.read': [ADMIN, OPERATOR, DESIGNER],
  // runner-service: WebhookResource (every endpoint)
  'webhooks.manage': [ADMIN, OPERATOR],
  // runner-service: DeadLetterResource (every endpoint)
  'deadLetters.manage': [ADMIN, OPERATOR, PLATFORM_OPERATOR],
  // definition-service: DefinitionResource
  'definitions.read': [ADMIN, DESIGNER, OPERATOR, CLIENT, SERVICE],
  'definitions.design': [ADMIN, DESIGNER], // duplicate, export, import, move, delete
  'definitions.lifecycle': [ADMIN, OPERATOR], // start, publish, pause, resume, finalize
  'definitions.incidents': [ADMIN, DESIGNER, OPERATOR],
  // definition-service: FolderResource, PriorityResource, TemplateResource
  'folders.read': [ADMIN, DESIGNER, OPERATOR],
  'priorities.read': [ADMIN, DESIGNER, OPERATOR, SERVICE],
  'priorities.reorder': [ADMIN, OPERATOR],
  'templates.read': [ADMIN, DESIGNER, OPERATOR],
  'templates.use': [ADMIN, DESIGNER],
  // content-workflow-service: EntryResource, EntryWorkflowResource (which events: the service decides per entry)
  'content.read': [ADMIN, DESIGNER, CONTENT_EDITOR, CONTENT_APPROVER, SERVICE],
  'content.act': [ADMIN, CONTENT_EDITOR, CONTENT_APPROVER, SERVICE],
  // content-workflow-service: InboxResource (a role's inbox: one's own roles; admin and service any role's)
  'content.inbox': [ADMIN, CONTENT_EDITOR, CONTENT_APPROVER, SERVICE],
  // case-service: CaseResource
  'cases.read': [ADMIN, CLIENT, SERVICE],
} as const satisfies Record<string, readonly string[]>;

export type Action = keyof typeof ALLOWED;

/** Whether any of these roles may take the action. */
export function can(roles: readonly string[], action: Action): boolean {
  const allowed: readonly string[] = ALLOWED[action];
  return roles.some((role) => allowed.includes(role));
}

/** The roles that allow an action, e.g. to say who may do what. */
export function rolesFor(action: Action): readonly string[] {
  return ALLOWED[action];
}
