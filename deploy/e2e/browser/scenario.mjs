// One browser scenario of the console, run by deploy/e2e's ConsoleBrowserIT:
//
//   SCENARIO_INPUT='{"link": "...", ...}' node scenario.mjs <name>
//
// The Java test prepares the data through the services' APIs (as a client system, designer or editor would), mints a
// one-time sign-in link with ./orchestrion console-link, runs one scenario here and then checks through the APIs
// what the clicks changed. A scenario signs in with its link and does what a person does: it finds things through
// the pages (lists, filters, tabs, links), never by calling the APIs. Every check waits for the page to show the
// expected state (a CSS attribute selector on the data-testid the page sets) and fails after the timeout if it
// never does. Exit code 0 when every check held; otherwise the error, the page's URL, and a screenshot in
// <screenshots>/failed-<name>.png.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const input = JSON.parse(process.env.SCENARIO_INPUT ?? '{}');
const name = process.argv[2];
const screenshots = input.screenshots ?? 'target/console-screenshots';
const CHECK_TIMEOUT = 30_000;

/** Waits until `selector` is on the page (and visible), or fails with `what`. */
async function see(page, selector, what) {
  try {
    await page.locator(selector).first().waitFor({ state: 'visible', timeout: CHECK_TIMEOUT });
  } catch (e) {
    throw new Error(`expected to see ${what} (${selector}) on ${page.url()}: ${e.message.split('\n')[0]}`);
  }
}

/** Waits until nothing matches `selector`. */
async function seeNo(page, selector, what) {
  try {
    await page.locator(selector).first().waitFor({ state: 'detached', timeout: CHECK_TIMEOUT });
  } catch (e) {
    throw new Error(`expected not to see ${what} (${selector}) on ${page.url()}: ${e.message.split('\n')[0]}`);
  }
}

/** Waits until the page lists exactly `count` rows of runs. */
async function rows(page, count, what) {
  try {
    await page.waitForFunction((n) => document.querySelectorAll('[data-testid="run-row"]').length === n, count,
      { timeout: CHECK_TIMEOUT });
  } catch (e) {
    throw new Error(`expected ${what} (${count} rows) on ${page.url()}: ${e.message.split('\n')[0]}`);
  }
}

function check(condition, message) {
  if (!condition) {
    throw new Error(message);
  }
}

const testId = (id) => `[data-testid="${id}"]`;
/** The dialog open now (a page may hold several closed ones) and its confirm button. */
const openDialog = `dialog[open]${testId('confirm-dialog')}`;
const confirmOk = `${openDialog} ${testId('confirm-ok')}`;

/** Follows the one-time link: the console redeems the code, sets the session cookie and lands on the link's next. */
async function signIn(page, link) {
  await page.goto(link);
  await see(page, testId('signed-in-user'), 'the signed-in user in the header');
}

async function shoot(page, file, { fullPage = false } = {}) {
  mkdirSync(screenshots, { recursive: true });
  await page.screenshot({ path: join(screenshots, file), fullPage });
}

const scenarios = {
  /** An operator finds a completed run in the list, opens it and sees its path and its steps. */
  async findARun(page, { link, runId, path }) {
    await signIn(page, link);
    await see(page, `${testId('run-row')}[data-run-id="${runId}"][data-status="COMPLETED"]`, 'the run in the list');
    await see(page, `${testId('count-COMPLETED')}`, 'the counts by status');
    await shoot(page, 'console-runs.png');

    // The search box finds the run by its id (as a log line or an alert shows it).
    await page.locator(testId('filter-q')).fill(runId);
    await page.locator(testId('filter-apply')).click();
    await page.waitForURL(/[?&]q=/);
    // the list before the search held the run too: wait for the searched list, which holds it alone
    await rows(page, 1, 'the search by id lists one run');
    await see(page, `${testId('run-row')}[data-run-id="${runId}"]`, 'the run found by its id');

    await page.locator(`${testId('run-row')}[data-run-id="${runId}"] ${testId('run-link')}`).click();
    await page.waitForURL(`**/runs/${runId}`);
    await see(page, `${testId('run-status')}[data-status="COMPLETED"]`, 'the run COMPLETED');
    for (const nodeId of path) {
      await see(page, `${testId(`graph-node-${nodeId}`)}[data-on-path="true"][data-outcome="COMPLETED"]`,
        `node ${nodeId} on the run's path, completed`);
      await see(page, `${testId('step-row')}[data-node-id="${nodeId}"][data-status="COMPLETED"]`, `the step of ${nodeId}`);
    }
    const steps = await page.locator(testId('step-row')).evaluateAll((rows) => rows.map((r) => r.dataset.nodeId));
    check(JSON.stringify(steps) === JSON.stringify(path), `steps in order ${path}, were ${steps}`);
    await see(page, testId('run-result'), 'the result');
    await shoot(page, 'console-run.png', { fullPage: true });
  },

  /**
   * The runs list of a definition updates live: a client system starts a run (here from the same browser session,
   * through the console's API forwarding), and the run appears and turns COMPLETED without a reload.
   */
  async runsAppearLive(page, { link, definitionId, caseId }) {
    await signIn(page, link);
    await see(page, `${testId('live-state')}[data-state="open"]`, 'the live stream connected');
    await see(page, testId('runs-empty'), 'no run of the definition yet');
    await page.evaluate(() => { window.notReloaded = true; });
    const runId = await page.evaluate(async ({ definitionId, caseId }) => {
      const me = await (await fetch('/auth/me')).json();
      const answer = await fetch('/api/runner/workflows/run', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': me.csrfToken },
        body: JSON.stringify({ caseId, workflowDefinitionId: definitionId }),
      });
      if (answer.status !== 200) {
        throw new Error(`POST /workflows/run answered ${answer.status}: ${await answer.text()}`);
      }
      return (await answer.json()).id;
    }, { definitionId, caseId });
    await see(page, `${testId('run-row')}[data-run-id="${runId}"][data-status="COMPLETED"]`, 'the new run, COMPLETED');
    await see(page, `${testId('count-COMPLETED')}[data-count="1"]`, 'the count of completed runs updated');
    check(await page.evaluate(() => window.notReloaded === true), 'the page was not reloaded');
    console.log(`run ${runId}`);
  },

  /** A client's support person finds a case by the start of a name and sees its runs. */
  async findACaseByName(page, { link, name, caseId, runId }) {
    await signIn(page, link);
    await page.locator(testId('case-name')).fill(name);
    await page.locator(testId('case-find')).click();
    await see(page, `${testId('case-row')}[data-case-id="${caseId}"]`, 'the case found by name');
    check(await page.locator(testId('case-row')).count() === 1, 'one case matches the name');
    await page.locator(`${testId('case-row')}[data-case-id="${caseId}"] a`).first().click();
    await see(page, `${testId('case-page')}[data-case-id="${caseId}"]`, 'the case page');
    await see(page, `${testId('run-row')}[data-run-id="${runId}"]`, "the case's run");
  },

  /** An operator lists the failed runs, opens one, retries it from its failed step and sees it complete. */
  async retryAFailedRun(page, { link, runId, failedNode, completedRunId }) {
    await signIn(page, link);
    await see(page, `${testId('run-row')}[data-run-id="${completedRunId}"]`, 'a completed run among all runs');
    await page.locator(testId('count-FAILED')).click();
    await page.waitForURL(/status=FAILED/);
    await rows(page, 1, 'the failed runs only');
    await see(page, `${testId('run-row')}[data-run-id="${runId}"][data-status="FAILED"]`, 'the failed run');
    await page.locator(`${testId('run-row')}[data-run-id="${runId}"] ${testId('run-link')}`).click();
    await see(page, `${testId('run-status')}[data-status="FAILED"]`, 'the run FAILED');
    await see(page, `${testId(`graph-node-${failedNode}`)}[data-outcome="FAILED"]`, `node ${failedNode} failed`);
    await see(page, testId('run-error'), 'the error');

    await page.locator(testId('action-retry')).click();
    await see(page, openDialog, 'the retry dialog');
    const dialog = await page.locator(openDialog).textContent();
    check(dialog.includes(failedNode), `the retry dialog names the failed node ${failedNode}: ${dialog}`);
    await page.locator(confirmOk).click();
    await see(page, `${testId('run-status')}[data-status="COMPLETED"]`, 'the retried run COMPLETED');
    await see(page, `${testId(`graph-node-${failedNode}`)}[data-outcome="COMPLETED"]`, `node ${failedNode} completed`);
    await see(page, `${testId('step-row')}[data-node-id="${failedNode}"][data-status="FAILED"]`, 'the failed attempt kept in the timeline');
  },

  /** An operator starts a definition from its page. */
  async startADefinition(page, { link, definitionId }) {
    await signIn(page, link);
    await see(page, `${testId('definition-page')}[data-definition-id="${definitionId}"]`, 'the definition page');
    await see(page, `${testId('definition-status')}[data-status="DRAFT"]`, 'the draft');
    await page.locator(testId('lifecycle-start')).click();
    await page.locator(confirmOk).click();
    await see(page, `${testId('definition-status')}[data-status="ACTIVE"]`, 'the definition ACTIVE');
  },

  /**
   * An operator sees on the definition's graph where its runs fail and why, with the live counts on each node; then
   * pauses it and finalizes it, confirming that finalizing is final.
   */
  async operateADefinition(page, { link, definitionId, failingNode, failedRuns, completedNode, completedRuns }) {
    await signIn(page, link);
    await see(page, `${testId('definition-status')}[data-status="ACTIVE"]`, 'the definition ACTIVE');
    await see(page, `${testId(`graph-node-${failingNode}`)}[data-failed-runs="${failedRuns}"]`,
      `${failedRuns} failed runs on node ${failingNode}`);
    await see(page, testId(`node-failures-${failingNode}`), `the failure on node ${failingNode}`);
    await see(page, `${testId('failed-node')}[data-node-id="${failingNode}"][data-failed-runs="${failedRuns}"]`,
      'the incident listed below the graph');
    await see(page, `${testId('failure-reason')}`, 'the reason of the failure');
    await see(page, `${testId(`node-counts-${completedNode}`)} ${testId('node-count-completed')}:text-matches("^[^0-9]*${completedRuns}$")`,
      `${completedRuns} runs completed at node ${completedNode}`);
    await shoot(page, 'console-definition.png');

    await page.locator(testId('lifecycle-pause')).click();
    await page.locator(confirmOk).click();
    await see(page, `${testId('definition-status')}[data-status="PAUSED"]`, 'the definition PAUSED');

    await page.locator(testId('lifecycle-finalize')).click();
    await see(page, testId('finalize-warning'), 'the warning that finalizing is final');
    const warning = await page.locator(testId('finalize-warning')).textContent();
    check(/final|cannot be undone|no way back/i.test(warning), `the warning says it is final: ${warning}`);
    await page.locator(confirmOk).click();
    await see(page, `${testId('definition-status')}[data-status="FINALIZED"]`, 'the definition FINALIZED');
    await seeNo(page, testId('lifecycle-resume'), 'a way back from FINALIZED');
  },

  /** An operator moves the first active definition one place down; after a reload the order holds. */
  async reorderPriorities(page, { link, before }) {
    await signIn(page, link);
    const names = () => page.locator(testId('priority-row')).evaluateAll((rows) => rows.map((r) => r.dataset.definitionId));
    await see(page, testId('priority-row'), 'the priority order');
    await page.waitForFunction((n) => document.querySelectorAll('[data-testid="priority-row"]').length === n, before.length);
    check(JSON.stringify(await names()) === JSON.stringify(before), `the order before: ${await names()}`);
    const saved = page.waitForResponse((r) => r.url().includes('/priorities') && r.request().method() === 'PUT');
    await page.locator(testId('priority-down')).first().click();
    check((await saved).status() === 200, `the new order saved: ${(await saved).status()}`);
    const expected = [before[1], before[0], ...before.slice(2)];
    await see(page, `${testId('priority-row')}[data-position="1"][data-definition-id="${expected[0]}"]`, 'the other definition first');
    await page.reload();
    await see(page, `${testId('priority-row')}[data-position="1"][data-definition-id="${expected[0]}"]`, 'the order after a reload');
    check(JSON.stringify(await names()) === JSON.stringify(expected), `the order after a reload: ${await names()}, expected ${expected}`);
  },

  /** An operator opens a subscription's delivery log and redelivers a delivery. */
  async redeliverAWebhook(page, { link, subscriptionId, deliveryId }) {
    await signIn(page, link);
    await see(page, `a[href="/webhooks/${subscriptionId}"]`, 'the subscription in the list');
    await page.locator(`a[href="/webhooks/${subscriptionId}"]`).first().click();
    await see(page, `${testId('delivery-row')}[data-delivery-id="${deliveryId}"][data-status="SUCCEEDED"]`, 'the delivered delivery');
    await page.locator(`${testId('delivery-row')}[data-delivery-id="${deliveryId}"] ${testId('redeliver')}`).click();
    await see(page, testId('action-done'), 'the redelivery acknowledged');
  },

  /** An approver finds the entry in the inbox, reads it and approves it with a message. */
  async approveFromTheInbox(page, { link, entryId, contentType, event }) {
    await signIn(page, link);
    await see(page, testId('inbox-content-approver'), 'the approver tab');
    await see(page, `${testId('inbox-row')}[data-entry-id="${entryId}"]`, 'the entry awaiting approval');
    await see(page, `${testId('inbox-row')}[data-entry-id="${entryId}"] ${testId('inbox-awaiting')}[data-event="${event}"][data-invokable="true"]`,
      'the approval the approver may give');
    await page.locator(`${testId('inbox-row')}[data-entry-id="${entryId}"] a`).first().click();
    await page.waitForURL(`**/content/${contentType}/${entryId}`);
    await see(page, testId('entry-fields'), "the entry's fields");
    await see(page, testId('entry-history'), "the entry's history");
    await page.locator(testId(`entry-event-${event}`)).click();
    await see(page, openDialog, 'the approval dialog');
    if (await page.locator(testId('event-message')).count() > 0) {
      await page.locator(testId('event-message')).fill('Reads well; approved.');
    }
    await page.locator(confirmOk).click();
    await seeNo(page, testId(`entry-event-${event}`), 'the approval still offered');
    await see(page, `${testId('entry-page')}:not([data-state="awaitingApproval"])`, 'the entry out of awaiting approval');
  },

  /** A user whose roles do not allow an action sees the page but not the action. */
  async noActionWithoutTheRole(page, { link, entryId, event, state, offered }) {
    await signIn(page, link);
    // The positive signal first: the entry in the state where the event would be offered, and the events the user
    // may invoke loaded (one of them shown).
    await see(page, `${testId('entry-page')}[data-entry-id="${entryId}"][data-state="${state}"]`, 'the entry');
    await see(page, testId(`entry-event-${offered}`), `the event ${offered} the user may invoke`);
    check(await page.locator(testId(`entry-event-${event}`)).count() === 0, `the event ${event} is not offered`);
  },

  /** A user without the lifecycle roles sees a definition without its lifecycle actions. */
  async noLifecycleWithoutTheRole(page, { link, definitionId }) {
    await signIn(page, link);
    await see(page, `${testId('definition-page')}[data-definition-id="${definitionId}"]`, 'the definition page');
    await see(page, `${testId('definition-status')}[data-status="ACTIVE"]`, 'the definition ACTIVE');
    await see(page, testId('workflow-graph'), 'the graph');
    // the actions the user's roles allow are there: the page rendered its actions
    await see(page, testId('duplicate'), 'the duplicate action a designer may take');
    const offered = await page.locator('[data-testid^="lifecycle-"]').count();
    check(offered === 0, `no lifecycle action is offered, found ${offered}`);
  },
};

const scenario = scenarios[name];
if (!scenario) {
  console.error(`unknown scenario ${name}; known: ${Object.keys(scenarios).join(', ')}`);
  process.exit(2);
}
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  // no user namespaces for chromium's sandbox in containers running as root
  args: ['--no-sandbox'],
});
const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, colorScheme: 'light' });
const page = await context.newPage();
page.setDefaultTimeout(CHECK_TIMEOUT);
const consoleErrors = [];
page.on('console', (message) => message.type() === 'error' && consoleErrors.push(message.text()));
let failed = false;
try {
  await scenario(page, input);
  console.log(`${name}: passed`);
} catch (e) {
  failed = true;
  console.error(`${name}: ${e.stack ?? e}`);
  console.error(`at ${page.url()}`);
  if (consoleErrors.length > 0) {
    console.error(`browser console errors:\n${consoleErrors.join('\n')}`);
  }
  await shoot(page, `failed-${name}.png`).catch(() => {});
} finally {
  await browser.close();
}
process.exit(failed ? 1 : 0);
