/** Counts the round trips and bytes an action spends (its `stats`); the only caller of context.sync for actions. */
import type { ApplyReport } from "./applyPlan";

export interface ActionStats {
  syncs: number;
  /** Estimated bytes sent to Excel. */
  bytes: number;
  maxRequestBytes: number;
}

export class SyncMeter {
  syncs = 0;
  bytes = 0;
  maxRequestBytes = 0;
  constructor(private readonly context: Excel.RequestContext) {}
  readonly sync = async (): Promise<void> => {
    this.syncs += 1;
    await this.context.sync();
  };
  add(report: ApplyReport): void {
    this.syncs += report.syncs;
    this.bytes += report.bytes;
    this.maxRequestBytes = Math.max(this.maxRequestBytes, report.maxRequestBytes);
  }
  stats(): ActionStats {
    return { syncs: this.syncs, bytes: this.bytes, maxRequestBytes: this.maxRequestBytes };
  }
}
