// The content inbox: one tab per content role whose inbox the user may read (content-workflow-service answers a
// role's inbox to those who hold the role, and to admin and service for any role; admin has none of its own).
import { Role } from './roles';

/** The roles an inbox is kept for, in the order the tabs show them, with what each lists. */
export const INBOX_ROLES = [
  { role: Role.CONTENT_APPROVER, label: 'Awaiting approval' },
  { role: Role.CONTENT_EDITOR, label: 'Drafts and submissions' },
] as const;

const ANY_ROLE = new Set<string>([Role.ADMIN, Role.SERVICE]);

/** The inboxes these roles may read: those of the content roles held, or every one for admin and service. */
export function inboxRoles(roles: readonly string[]): string[] {
  const any = roles.some((r) => ANY_ROLE.has(r));
  return INBOX_ROLES.map((i) => i.role).filter((role) => any || roles.includes(role));
}

/** The inbox a URL asks for when the user may read it, else the first one the user may read. */
export function chosenInbox(asked: string | null, available: readonly string[]): string | undefined {
  return asked && available.includes(asked) ? asked : available[0];
}

/** What changed since the public version, in a few words. */
export function changesText(changedFields: readonly string[] | null | undefined): string {
  if (changedFields === null || changedFields === undefined) {
    return 'new: nothing public yet';
  }
  return changedFields.length === 0 ? 'no field differs' : changedFields.join(', ');
}
