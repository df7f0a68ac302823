// content-workflow-service through the console backend: /api/content/... is forwarded to the service's path as-is
// (its own paths start with /api/v1/...).
import { get, post } from './http';
import { fromContentPage, type ContentPage, type Paged } from '../lib/paging';
import { listParam } from '../lib/query';
import { seg } from '../lib/url';

const BASE = '/api/content/api/v1';

/** An entry as the service renders it: its fields at the top level, plus id, internal and sys. */
export interface Entry {
  id: string;
  internal: {
    createdAt: string;
    /** who created the entry (null for entries stored before authors were kept) */
    createdBy?: string | null;
    updatedAt: string;
    deletedAt?: string;
    contentType: string;
    workflowState: string;
    latestVersion: number;
    /** -1 while nothing is public */
    workflowPublishedAt: string | number;
    /** '' while nothing is public */
    workflowPublicVersion: number | string;
  };
  sys: { versionNo: string; workflowId?: string; revision?: number; availableEvents?: string[] };
  [field: string]: unknown;
}

export interface EventParameter {
  id: string;
  name?: Record<string, string>;
  dataType?: string;
  description?: Record<string, string>;
  validations?: { required?: unknown; [other: string]: unknown };
}

export interface AvailableEvent {
  event: string;
  permission: string;
  name: string;
  groupId?: string;
  transition: string;
  to: string;
  parameters: EventParameter[];
}

export interface HistoryRecord {
  seq: number;
  when: string;
  who: string;
  from?: string;
  event?: string;
  to?: string;
  transition?: string;
  message?: string;
  auditText?: string;
}

export interface Difference {
  field: string;
  change: 'added' | 'removed' | 'changed';
  from: unknown;
  to: unknown;
}

export interface Comparison {
  from: number;
  to: number;
  fromVersionNo: string;
  toVersionNo: string;
  differences: Difference[];
}

/** An event of an entry's state that waits for the roles the inbox lists. */
export interface AwaitedEvent {
  /** state.event, what POST .../workflow/events takes */
  event: string;
  name: string;
  groupId?: string;
  /** the roles the event names */
  roles: string[];
  /** whether the caller may invoke it now (its roles and its conditions) */
  invokableNow: boolean;
  /** the transition it would make now (_from_to), and to which state */
  transition?: string;
  to?: string;
}

/** An entry in a role's inbox: the entry, what of its state waits, and the fields that differ from the public version. */
export interface InboxItem {
  entry: Entry;
  awaiting: AwaitedEvent[];
  /** top-level fields whose latest version differs from the public one; null while nothing is public */
  changedFields: string[] | null;
}

/** Which waiting entries to list; every filter is the service's. */
export interface InboxFilter {
  /** the roles whose work is listed (the caller's own, or any for admin and service); by default the caller's */
  role?: readonly string[];
  /** only entries of this content type */
  type?: string;
  /** only entries following this workflow */
  workflow?: string;
  /** only entries in these states */
  state?: readonly string[];
  /** only entries the signed-in user created */
  mine?: boolean;
}

/**
 * The inbox across content types (GET /api/v1/workflow/inbox?role=&type=&workflow=&state=&page=&limit=): live
 * entries whose current state has an event that names one of the roles, latest change first.
 */
export async function inbox(filter: InboxFilter, page: number, limit: number): Promise<Paged<InboxItem>> {
  const found = await get<ContentPage<InboxItem>>(`${BASE}/workflow/inbox`, {
    role: listParam(filter.role), type: filter.type, workflow: filter.workflow, state: listParam(filter.state),
    mine: filter.mine ? 'true' : undefined, page: page + 1, limit,
  });
  return fromContentPage(found, limit);
}

const entryPath = (type: string, id: string) => `${BASE}/content/${seg(type)}/${seg(id)}`;

export const getEntry = (type: string, id: string) => get<Entry>(entryPath(type, id));

export const entryEvents = (type: string, id: string) => get<AvailableEvent[]>(`${entryPath(type, id)}/workflow/events`);

export async function entryHistory(type: string, id: string, page: number, limit: number): Promise<Paged<HistoryRecord>> {
  const found = await get<ContentPage<HistoryRecord>>(`${entryPath(type, id)}/workflow/history`, { page: page + 1, limit });
  return fromContentPage(found, limit);
}

export const compareVersions = (type: string, id: string, from: number, to: number) =>
  get<Comparison>(`${entryPath(type, id)}/version/compare`, { from, to });

/** Approve, decline, submit...: invokes the event with its message, if any. */
export const invokeEvent = (type: string, id: string, event: string, message?: string) =>
  post<Entry>(`${entryPath(type, id)}/workflow/events`, { event, data: message ? { message } : {} });
