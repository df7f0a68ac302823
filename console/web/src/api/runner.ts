// runner-service through the console backend: /api/runner/... is forwarded to the runner's path as-is.
import { get, post, request, del, put } from './http';
import { listParam } from '../lib/query';
import type { Query } from '../lib/url';
import type { Paged } from '../lib/paging';
import { seg } from '../lib/url';

const BASE = '/api/runner';

export const RUN_STATUSES = ['PENDING', 'RUNNING', 'WAITING', 'COMPLETED', 'FAILED', 'CANCELLED'] as const;
export type RunStatus = (typeof RUN_STATUSES)[number];
export type StepStatus = 'RUNNING' | 'WAITING' | 'COMPLETED' | 'FAILED' | 'CANCELLED';
export type JsonObject = Record<string, unknown>;

export interface Run {
  id: string;
  caseId: string;
  workflowDefinitionId: string;
  version: number;
  status: RunStatus;
  environment?: string;
  createdAt?: string;
  startedAt?: string;
  endedAt?: string;
  error?: JsonObject;
  parentRunId?: string;
  /** what started the run: api, event, schedule, http or subWorkflow (its data is in the overview's trigger) */
  trigger?: string;
}

export interface Step {
  seq: number;
  nodeId: string;
  nodeType: string;
  attempt: number;
  status: StepStatus;
  startedAt?: string;
  endedAt?: string;
  durationMs?: number;
  /** the execution output the node took (next, true, false, received, ...) */
  output?: string;
  inputs?: JsonObject;
  outputs?: JsonObject;
  error?: JsonObject;
}

export interface RunResult {
  id: string;
  status: RunStatus;
  result?: JsonObject;
  error?: JsonObject;
}

export interface CommandAccepted {
  id: string;
  status: RunStatus;
  accepted: string;
}

/** What the runs list asks for; every filter is applied by the runner (GET /workflows and GET /workflows/counts). */
export interface RunFilter {
  definitionId?: string;
  /** runs that pin this version of the definition (the runner needs definitionId with it) */
  version?: string;
  caseId?: string;
  /** runs in any of these statuses; none or empty for any */
  status?: readonly RunStatus[];
  from?: string;
  to?: string;
  /** 3-200 characters: an id or its start (8+ hex digits: the run's, its case's, its definition's), or text inside a failed run's error */
  q?: string;
}

/** The runner's query for a filter: statuses as one comma-separated parameter. */
export function runQuery(filter: RunFilter): Query {
  return { ...filter, status: listParam(filter.status) };
}

/** GET /workflows/counts: how many runs match, in all and by status (every status, zero included). */
export interface RunCounts {
  total: number;
  byStatus: Record<RunStatus, number>;
}

export const searchRuns = (filter: RunFilter, page: number, size: number) =>
  get<Paged<Run>>(`${BASE}/workflows`, { ...runQuery(filter), page, size });

/** Runs by status for a filter (leave status out to count every status, as the list's tabs do). */
export const runCounts = (filter: RunFilter) => get<RunCounts>(`${BASE}/workflows/counts`, runQuery(filter));

/** The wait a run is parked in; a SIGNAL wait names the signal its waitForEvent node waits for. */
export interface RunWaiting {
  kind: 'TIMER' | 'SIGNAL' | 'CHILD' | 'CALL' | 'RETRY' | string;
  nodeId?: string;
  nodeType?: string;
  attempt: number;
  since?: string;
  /** when a timer, retry backoff or timeout ends it */
  until?: string;
  signal?: string;
  childRunId?: string;
}

/** A node's outcome in a run over all its executions (the path the run took, in the order it first reached them). */
export interface NodeOutcome {
  nodeId: string;
  nodeType?: string;
  /** the status of its latest execution */
  status: StepStatus;
  /** executions: attempts and loop iterations (as many as the node's steps) */
  executions: number;
  failures: number;
  firstStartedAt?: string;
  lastEndedAt?: string;
}

/**
 * GET /workflows/{id}/overview: everything a run's page shows, in one answer. trigger: kind, what names it
 * (eventType, eventId, caseId, source, occurredAt, method, tick, missed, parentRunId, ...) and its data (data, body,
 * query, path, requestPath), the data "***" as a whole for a run that holds redacted values.
 */
export interface RunOverview {
  run: Run;
  /** the result of a COMPLETED run, redacted values masked */
  result?: JsonObject;
  /** the node of the parent run that started this one */
  parentNodeId?: string;
  trigger?: JsonObject;
  waiting?: RunWaiting;
  nodes: NodeOutcome[];
  /** the first page of the timeline; total is the run's number of steps */
  steps: Paged<Step>;
}

/** The runner answers at most this many steps with the overview (its first page of the timeline). */
export const OVERVIEW_MAX_STEPS = 200;

export const runOverview = (id: string, steps: number) =>
  get<RunOverview>(`${BASE}/workflows/${seg(id)}/overview`, { steps });

export const getRun = (id: string) => get<Run>(`${BASE}/workflows/${seg(id)}`);
export const runResult = (id: string) => get<RunResult>(`${BASE}/workflows/${seg(id)}/result`);
export const runSteps = (id: string, page: number, size: number) =>
  get<Paged<Step>>(`${BASE}/workflows/${seg(id)}/steps`, { page, size });

export const cancelRun = (id: string) => post<CommandAccepted>(`${BASE}/workflows/${seg(id)}/cancel`);
export const retryRun = (id: string) => post<CommandAccepted>(`${BASE}/workflows/${seg(id)}/retry`);
export const signalRun = (id: string, name: string, data: unknown) =>
  request<CommandAccepted>('POST', `${BASE}/workflows/${seg(id)}/signals/${seg(name)}`, {
    body: data === undefined ? undefined : data,
  });

// ---- statistics and triggers

export interface NodeStats {
  nodeId: string;
  nodeType: string;
  entered: number;
  completed: number;
  failed: number;
  waiting: number;
}

export interface DefinitionStats {
  definitionId: string;
  version?: number | null;
  window: string;
  since?: string | null;
  generatedAt: string;
  runs: { started: number; running: number; waiting: number; completed: number; failed: number; cancelled: number };
  duration: { count: number; meanMillis?: number | null; p95Millis?: number | null };
  nodes: NodeStats[];
}

export const definitionStats = (definitionId: string, version?: number, window?: 'all' | 'hour' | 'day') =>
  get<DefinitionStats>(`${BASE}/stats/definitions/${seg(definitionId)}`, { version, window });

/** Runs FAILED now at one node with one error code, and the latest of them. */
export interface IncidentReason {
  code?: string;
  runs: number;
  /** the error message of the latest of these runs, redacted values masked */
  lastMessage?: string;
  lastRunId?: string;
  lastFailedAt?: string;
}

/** The runs FAILED now at one node (nodeId absent: failed outside any node, such as by their timeout). */
export interface IncidentNode {
  nodeId?: string;
  nodeType?: string;
  failedRuns: number;
  /** by error code, the most frequent first */
  reasons: IncidentReason[];
}

/** GET /stats/definitions/{id}/incidents: a definition's open runtime incidents, the node with most failed runs first. */
export interface RunIncidents {
  definitionId: string;
  version?: number | null;
  failedRuns: number;
  generatedAt: string;
  nodes: IncidentNode[];
}

export const definitionRunIncidents = (definitionId: string, version?: number) =>
  get<RunIncidents>(`${BASE}/stats/definitions/${seg(definitionId)}/incidents`, { version });

export interface RegisteredTrigger {
  definitionId: string;
  name: string;
  status: string;
  version?: number;
  kind: string;
  trigger?: JsonObject;
  exclusiveGroup?: string;
  activeSince?: string;
  hookPath?: string;
  nextFireAt?: string;
  firings?: { tick: string; status: string; missed: boolean; runId?: string; reason?: string }[];
}

export const triggerOf = (definitionId: string) => get<RegisteredTrigger>(`${BASE}/triggers/${seg(definitionId)}`);

// ---- webhooks

export const WEBHOOK_EVENTS = [
  'run.started', 'run.waiting', 'run.completed', 'run.failed', 'run.cancelled',
  'node.started', 'node.completed', 'node.failed',
] as const;

export interface Webhook {
  id: string;
  url: string;
  events: string[];
  description?: string;
  /** only in the answer that creates the subscription */
  secret?: string;
  previousSecretExpiresAt?: string;
  createdAt: string;
  updatedAt: string;
}

export type DeliveryStatus = 'PENDING' | 'SUCCEEDED' | 'DEAD';

export interface Delivery {
  id: string;
  subscriptionId?: string;
  url: string;
  eventId: string;
  eventType: string;
  runId?: string;
  status: DeliveryStatus;
  attempts: number;
  nextAttemptAt?: string;
  createdAt: string;
  deliveredAt?: string;
  lastStatusCode?: number;
  lastError?: string;
  attemptLog: { attempt: number; attemptedAt: string; statusCode?: number; latencyMs: number; error?: string }[];
}

export interface IssuedSecret {
  secret: string;
  previousSecretExpiresAt?: string;
}

export const listWebhooks = (page: number, size: number) => get<Paged<Webhook>>(`${BASE}/webhooks`, { page, size });
export const getWebhook = (id: string) => get<Webhook>(`${BASE}/webhooks/${seg(id)}`);
export const createWebhook = (body: { url: string; events: string[]; description?: string }) =>
  post<Webhook>(`${BASE}/webhooks`, body);
export const updateWebhook = (id: string, body: { url: string; events: string[]; description?: string }) =>
  put<Webhook>(`${BASE}/webhooks/${seg(id)}`, body);
export const deleteWebhook = (id: string) => del<void>(`${BASE}/webhooks/${seg(id)}`);
export const rotateSecret = (id: string, gracePeriod?: string) =>
  post<IssuedSecret>(`${BASE}/webhooks/${seg(id)}/rotate-secret`, gracePeriod ? { gracePeriod } : undefined);
export const deliveriesOf = (id: string, status: string | undefined, page: number, size: number) =>
  get<Paged<Delivery>>(`${BASE}/webhooks/${seg(id)}/deliveries`, { status, page, size });
export const deliveriesOfRun = (runId: string, page: number, size: number) =>
  get<Paged<Delivery>>(`${BASE}/webhooks/deliveries`, { runId, page, size });
export const redeliver = (deliveryId: string) =>
  post<Delivery>(`${BASE}/webhooks/deliveries/${seg(deliveryId)}/redeliver`);

// ---- dead letters

export interface DeadLetter {
  id: string;
  consumer: string;
  topic: string;
  partition: number;
  offset: number;
  tenant?: string;
  eventType?: string;
  eventId?: string;
  key?: string;
  headers?: Record<string, string>;
  payload?: string;
  payloadTruncated: boolean;
  error?: string;
  deadLetteredAt: string;
  status: 'DEAD' | 'REPLAYED';
  replays: number;
  lastReplayAt?: string;
  lastReplayBy?: string;
  lastReplayError?: string;
}

export interface DeadLetterFilter {
  consumer?: string;
  topic?: string;
  status?: string;
}

export const listDeadLetters = (filter: DeadLetterFilter, page: number, size: number) =>
  get<Paged<DeadLetter>>(`${BASE}/dead-letters`, { ...filter, page, size });
export const getDeadLetter = (id: string) => get<DeadLetter>(`${BASE}/dead-letters/${seg(id)}`);
export const replayDeadLetter = (id: string) => post<DeadLetter>(`${BASE}/dead-letters/${seg(id)}/replay`);
