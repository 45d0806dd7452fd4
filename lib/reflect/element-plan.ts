import { elementTypeOf, type HostElementState } from "./host-state";
import type { HostElementAction } from "./types";

/** The element a host will have once the planned actions are applied. */
export class ElementPlan {
  readonly actions: HostElementAction[] = [];

  private constructor(
    private readonly host: string,
    public elementType: string | null,
  ) {}

  static from(host: HostElementState): ElementPlan {
    return new ElementPlan(host.host, elementTypeOf(host));
  }

  get exists(): boolean {
    return this.elementType !== null;
  }

  delete(): void {
    if (this.elementType === null) return;
    this.actions.push({ kind: "delete", host: this.host, hostType: this.elementType });
    this.elementType = null;
  }

  create(hostType: string): void {
    if (this.elementType !== null) throw new Error(`host ${this.host} already has an element`);
    this.actions.push({ kind: "create", host: this.host, hostType });
    this.elementType = hostType;
  }
}
