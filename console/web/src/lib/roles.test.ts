import { describe, expect, it } from 'vitest';
import { can, rolesFor } from './roles';

describe('can', () => {
  it('lets an operator cancel, retry and run lifecycle actions but not design', () => {
    const operator = ['operator'];
    expect(can(operator, 'runs.cancel')).toBe(true);
    expect(can(operator, 'runs.retry')).toBe(true);
    expect(can(operator, 'definitions.lifecycle')).toBe(true);
    expect(can(operator, 'priorities.reorder')).toBe(true);
    expect(can(operator, 'definitions.design')).toBe(false);
    expect(can(operator, 'templates.use')).toBe(false);
  });

  it('lets a designer design and read statistics but not start, pause or reorder', () => {
    const designer = ['designer'];
    expect(can(designer, 'definitions.design')).toBe(true);
    expect(can(designer, 'stats.read')).toBe(true);
    expect(can(designer, 'definitions.lifecycle')).toBe(false);
    expect(can(designer, 'priorities.reorder')).toBe(false);
    expect(can(designer, 'runs.read')).toBe(false);
  });

  it('keeps webhooks and dead letters to admins and operators', () => {
    expect(can(['client'], 'webhooks.manage')).toBe(false);
    expect(can(['admin'], 'webhooks.manage')).toBe(true);
    expect(can(['platform-operator'], 'deadLetters.manage')).toBe(true);
    expect(can(['designer'], 'deadLetters.manage')).toBe(false);
  });

  it('offers the content inbox to content roles and cases to clients', () => {
    expect(can(['content-approver'], 'content.act')).toBe(true);
    expect(can(['content-editor'], 'content.read')).toBe(true);
    expect(can(['designer'], 'content.act')).toBe(false);
    expect(can(['content-approver'], 'content.inbox')).toBe(true);
    expect(can(['designer'], 'content.inbox')).toBe(false);
    expect(can(['client'], 'cases.read')).toBe(true);
    expect(can(['operator'], 'cases.read')).toBe(false);
  });

  it('allows nothing without roles, and any one matching role is enough', () => {
    expect(can([], 'runs.read')).toBe(false);
    expect(can(['unknown', 'designer'], 'definitions.design')).toBe(true);
  });

  it('names the roles of an action', () => {
    expect(rolesFor('definitions.lifecycle')).toEqual(['admin', 'operator']);
  });
});
