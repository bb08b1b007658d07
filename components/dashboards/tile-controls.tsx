"use client";

import { ArrowDown, ArrowUp, Maximize2, Minimize2, X } from "lucide-react";
import { Button } from "@/components/ui/button";
import type { DashboardTile } from "@/lib/schema/views";

interface Props {
  name: string;
  index: number;
  count: number;
  size: DashboardTile["size"];
  onMove: (delta: -1 | 1) => void;
  onResize: (size: DashboardTile["size"]) => void;
  onRemove: () => void;
}

/** Layout controls of one tile in edit mode: plain buttons, so keyboard and screen readers work. */
export function TileControls({ name, index, count, size, onMove, onResize, onRemove }: Props) {
  return (
    <div role="group" aria-label={`Layout of “${name}”`} className="flex flex-wrap gap-2 border-t border-slate-100 pt-3">
      <Button variant="secondary" onClick={() => onMove(-1)} disabled={index === 0} aria-label={`Move “${name}” up`}>
        <ArrowUp className="size-4" aria-hidden /> Up
      </Button>
      <Button variant="secondary" onClick={() => onMove(1)} disabled={index === count - 1} aria-label={`Move “${name}” down`}>
        <ArrowDown className="size-4" aria-hidden /> Down
      </Button>
      <Button variant="secondary" onClick={() => onResize(size === "full" ? "half" : "full")} aria-label={`Make “${name}” ${size === "full" ? "half" : "full"} width`}>
        {size === "full" ? <Minimize2 className="size-4" aria-hidden /> : <Maximize2 className="size-4" aria-hidden />}
        {size === "full" ? "Half width" : "Full width"}
      </Button>
      <Button variant="ghost" onClick={onRemove} aria-label={`Remove “${name}” from the dashboard`}>
        <X className="size-4" aria-hidden /> Remove
      </Button>
    </div>
  );
}
