import { appHref } from '../app/href';

/**
 * The editor hands its scenario to the player through sessionStorage (a tab opened by window.open gets a
 * copy): `/?scenario=<id>&mode=<mode>&draft=1` reads it under this key.
 */
export function draftKey(id: string): string {
  return `mes-authoring:draft:${id}`;
}

export function previewUrl(id: string, mode: string): string {
  const params = new URLSearchParams({ scenario: id, mode, draft: '1' });
  return appHref(params);
}
