import { describe, expect, it } from 'vitest';
import { changesText, chosenInbox, inboxRoles } from './inbox';

describe('inboxRoles', () => {
  it('offers the inboxes of the content roles held', () => {
    expect(inboxRoles(['content-approver'])).toEqual(['content-approver']);
    expect(inboxRoles(['content-editor', 'content-approver'])).toEqual(['content-approver', 'content-editor']);
  });

  it('offers every inbox to admin and service, who have none of their own, and none to others', () => {
    expect(inboxRoles(['admin'])).toEqual(['content-approver', 'content-editor']);
    expect(inboxRoles(['service'])).toEqual(['content-approver', 'content-editor']);
    expect(inboxRoles(['designer', 'operator'])).toEqual([]);
  });
});

describe('chosenInbox', () => {
  it('takes the inbox the URL names when it may be read, else the first one', () => {
    expect(chosenInbox('content-editor', ['content-approver', 'content-editor'])).toBe('content-editor');
    expect(chosenInbox('content-approver', ['content-editor'])).toBe('content-editor');
    expect(chosenInbox(null, ['content-approver'])).toBe('content-approver');
    expect(chosenInbox('admin', [])).toBeUndefined();
  });
});

describe('changesText', () => {
  it('names the changed fields, or says nothing is public yet', () => {
    expect(changesText(['body', 'title'])).toBe('body, title');
    expect(changesText(null)).toBe('new: nothing public yet');
    expect(changesText([])).toBe('no field differs');
  });
});
