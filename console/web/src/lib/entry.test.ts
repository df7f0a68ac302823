import { describe, expect, it } from 'vitest';
import { entryFields, entryTitle, messageParameter } from './entry';

const entry = {
  id: 'e1',
  title: 'Spring campaign',
  body: 'Text',
  internal: { contentType: 'article' },
  sys: { versionNo: '0.2' },
};

describe('entries', () => {
  it('lists only the entry\'s own fields', () => {
    expect(entryFields(entry)).toEqual([['title', 'Spring campaign'], ['body', 'Text']]);
  });

  it('names an entry by a title-like field, a short text, or its id', () => {
    expect(entryTitle(entry)).toBe('Spring campaign');
    expect(entryTitle({ id: 'e2', price: 10, summary: 'Short one' })).toBe('Short one');
    expect(entryTitle({ id: 'e3', price: 10 })).toBe('e3');
  });

  it('finds an event\'s message parameter and whether it is required', () => {
    expect(messageParameter([{ id: 'message', validations: { required: { message: 'needed' } } }])).toEqual({ required: true });
    expect(messageParameter([{ id: 'message' }])).toEqual({ required: false });
    expect(messageParameter([])).toBeNull();
  });
});
