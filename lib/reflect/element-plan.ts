import { elementTypeOf, type HostElementState } from "./host-state";
import type { HostElementAction } from "./types";

/** The element a host will have once the planned actions are applied. */
export class ElementPlan {
  readonly actions: HostElementAction[] = [];

  private constructor(
    private readonly host: string,
    private currentElementType: string | null,
  ) {}

  static from(host: HostElementState): ElementPlan {
    return new ElementPlan(host.host, elementTypeOf(host));
  }

  /** The host type the element is made for, or null without an element. */
  get elementType(): string | null {
    return this.currentElementType;
  }

  get exists(): boolean {
    return this.currentElementType !== null;
  }

  delete(): void {
    if (this.currentElementType === null) return;
    this.actions.push({ kind: "delete", host: this.host, hostType: this.currentElementType });
    this.currentElementType = null;
  }

  create(hostType: string): void {
    if (this.currentElementType !== null) throw new Error(`host ${this.host} already has an element`);
    this.actions.push({ kind: "create", host: this.host, hostType });
    this.currentElementType = hostType;
  }
}
