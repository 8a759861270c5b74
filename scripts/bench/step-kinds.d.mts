export type ChangeKind = 'same-screen' | 'new-screen' | 'journey' | 'to-slide' | 'slide-to-site';
export declare const CHANGE_KINDS: ChangeKind[];
export declare const CHANGE_KIND_NAMES: Record<ChangeKind, string>;
export interface KindStep {
  id: string;
  journey?: string;
  slide?: string;
  screen?: string;
}
export declare function changeKind(steps: KindStep[], fromId: string, toId: string): ChangeKind | null;
export interface KindRow {
  kind: ChangeKind | 'other';
  count: number;
  p95: number;
  median: number;
  slowest: number;
}
export declare function byChangeKind(records: Array<{ ms: number; from: string; now: string }>, steps: KindStep[]): KindRow[];
export declare function formatByChangeKind(rows: KindRow[]): string;
export declare const percentile: (xs: number[], p: number) => number;
