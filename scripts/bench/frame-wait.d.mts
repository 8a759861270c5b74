export interface FrameRecord {
  ms: number;
  frame: number;
  phase: number;
}
export interface FrameWaitFigures {
  count: number;
  nextFrameShare: number;
  late: number;
  taskEnd: number | null;
  p95: number | null;
  whatIf: Array<{ cut: number; p95: number | null }>;
}
export declare function frameWait(
  records: FrameRecord[],
  options?: { frameMs?: number; tolerance?: number; lateFrom?: number; cuts?: number[] },
): FrameWaitFigures;
export declare function formatFrameWait(app: FrameWaitFigures, others: Array<{ name: string; figures: FrameWaitFigures }>): string;
