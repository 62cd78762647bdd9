/**
 * The part of a downloaded file's name that comes from the coach's words: a name or a label
 * reduced to what is safe on every file system, `René & Co` → `rene-co`, at most 40 characters.
 */
export function fileSlug(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');
}
