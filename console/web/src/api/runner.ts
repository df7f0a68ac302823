// runner-service through the console backend: /api/runner/... is forwarded to the runner's path as-is.
import { get, post, request, del, put } from './http';
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
  /** what started the run: api, event, schedule, http (assumed addition to RunView, see RUNNER_ASSUMPTIONS) */
  trigger?: string;
  /** the trigger's data (the event, the tick, the request), as the run saw it (assumed addition) */
  triggerData?: JsonObject;
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

/** What the runs list asks for; every filter is applied by the runner. */
export interface RunFilter {
  definitionId?: string;
  /** runs pinned to this version of the definition (assumed query parameter) */
  version?: string;
  caseId?: string;
  status?: string;
  from?: string;
  to?: string;
  /** free text (assumed query parameter q) */
  q?: string;
}

export type RunCounts = Partial<Record<RunStatus, number>>;

export const searchRuns = (filter: RunFilter, page: number, size: number) =>
  get<Paged<Run>>(`${BASE}/workflows`, { ...filter, page, size });

/** Runs by status for the list's filters except status (assumed endpoint: GET /workflows/counts). */
export const runCounts = (filter: RunFilter & { status?: undefined }) =>
  get<{ counts: RunCounts }>(`${BASE}/workflows/counts`, { ...filter });

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
