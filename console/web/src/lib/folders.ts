// The folder tree from the service's flat list (parents before children, each with its path).

export interface FolderLike {
  id: string;
  name: string;
  parentId?: string | null;
  path: string;
}

export interface FolderTreeNode<F extends FolderLike> {
  folder: F;
  depth: number;
}

/** The folders in tree order (each parent followed by its children, siblings by name), with their depth. */
export function folderTree<F extends FolderLike>(folders: readonly F[]): FolderTreeNode<F>[] {
  const ids = new Set(folders.map((f) => f.id));
  const children = new Map<string | null, F[]>();
  for (const folder of folders) {
    // a parent we cannot see is treated as the top level, so no folder disappears
    const parent = folder.parentId && ids.has(folder.parentId) ? folder.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), folder]);
  }
  const ordered: FolderTreeNode<F>[] = [];
  const visit = (parent: string | null, depth: number, seen: Set<string>) => {
    const siblings = [...(children.get(parent) ?? [])].sort((a, b) => a.name.localeCompare(b.name));
    for (const folder of siblings) {
      if (seen.has(folder.id)) {
        continue;
      }
      seen.add(folder.id);
      ordered.push({ folder, depth });
      visit(folder.id, depth + 1, seen);
    }
  };
  visit(null, 0, new Set());
  return ordered;
}
