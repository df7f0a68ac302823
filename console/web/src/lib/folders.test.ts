import { describe, expect, it } from 'vitest';
import { folderTree } from './folders';

describe('folderTree', () => {
  it('puts children under their parents, siblings by name', () => {
    const tree = folderTree([
      { id: '1', name: 'Onboarding', parentId: null, path: 'Onboarding' },
      { id: '2', name: 'KYC', parentId: '1', path: 'Onboarding/KYC' },
      { id: '3', name: 'Billing', parentId: null, path: 'Billing' },
      { id: '4', name: 'AML', parentId: '1', path: 'Onboarding/AML' },
    ]);
    expect(tree.map((n) => `${'-'.repeat(n.depth)}${n.folder.name}`)).toEqual(['Billing', 'Onboarding', '-AML', '-KYC']);
  });

  it('keeps a folder whose parent is unknown at the top level', () => {
    const tree = folderTree([{ id: '2', name: 'Lost', parentId: 'gone', path: 'gone/Lost' }]);
    expect(tree).toEqual([{ folder: { id: '2', name: 'Lost', parentId: 'gone', path: 'gone/Lost' }, depth: 0 }]);
  });
});
