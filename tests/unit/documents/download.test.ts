// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { downloadOppositionProof } from '../../../src/documents/opposition-proof';

describe('downloadOppositionProof', () => {
  afterEach(() => {
    vi.restoreAllMocks();
    vi.useRealTimers();
  });

  it('hands the PDF to the browser under its file name, then frees it', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout'] });
    const blobs: Blob[] = [];
    const create = vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      blobs.push(blob as Blob);
      return 'blob:proof-1';
    });
    const revoke = vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    const clicked: { href: string; download: string; attached: boolean }[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push({ href: this.getAttribute('href') ?? '', download: this.download, attached: this.isConnected });
    });

    await downloadOppositionProof(
      { firstName: 'Martine', middleNames: 'Julie', lastName: 'LEGUELLEC', nir: '269054410903857', opposedAt: '2026-11-26' },
      { lang: 'fr', generatedAt: new Date(2026, 10, 26) },
    );

    expect(create).toHaveBeenCalledTimes(1);
    expect(blobs[0]?.type).toBe('application/pdf');
    const head = new TextDecoder('latin1').decode((await blobs[0]!.arrayBuffer()).slice(0, 5));
    expect(head).toBe('%PDF-');
    expect(clicked).toEqual([
      { href: 'blob:proof-1', download: 'justificatif-opposition-leguellec-2026-11-26.pdf', attached: true },
    ]);
    expect(document.querySelector('a[download]')).toBeNull();
    expect(revoke).not.toHaveBeenCalled();
    vi.runAllTimers();
    expect(revoke).toHaveBeenCalledWith('blob:proof-1');
  });
});
