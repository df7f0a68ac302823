/** What to call a case: the person's name, else the company's, else nothing (the page then shows its id). */
export function caseName(c: { firstName?: string | null; lastName?: string | null; companyName?: string | null }): string {
  return [c.firstName, c.lastName].filter((part) => part && part.trim()).join(' ') || c.companyName?.trim() || '';
}
