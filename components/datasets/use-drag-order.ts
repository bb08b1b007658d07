"use client";

import { useEffect, useRef, useState, type PointerEvent as ReactPointerEvent } from "react";
import { insertionIndex } from "@/lib/analysis/drag-order";

/**
 * Pointer drag to reorder the items of a (wrapped) list: press an item's handle, move, release.
 * While dragging, `drag.to` is the insertion index under the pointer (for the drop indicator);
 * `onDrop(from, to)` is called on release. Items carry `data-drag-item`.
 */
export function useDragOrder(onDrop: (from: number, to: number) => void) {
  const listRef = useRef<HTMLUListElement>(null);
  const [drag, setDrag] = useState<{ from: number; to: number } | null>(null);
  const dropRef = useRef(onDrop);
  useEffect(() => {
    dropRef.current = onDrop;
  }, [onDrop]);
  const dragging = drag !== null;
  useEffect(() => {
    if (!dragging) return;
    const boxes = () => [...(listRef.current?.querySelectorAll<HTMLElement>("[data-drag-item]") ?? [])].map((el) => el.getBoundingClientRect());
    const move = (e: PointerEvent) => setDrag((d) => (d ? { from: d.from, to: insertionIndex({ x: e.clientX, y: e.clientY }, boxes()) } : d));
    const up = () =>
      setDrag((d) => {
        if (d) queueMicrotask(() => dropRef.current(d.from, d.to));
        return null;
      });
    const cancel = (e: KeyboardEvent | PointerEvent) => {
      if (e instanceof KeyboardEvent && e.key !== "Escape") return;
      setDrag(null);
    };
    window.addEventListener("pointermove", move);
    window.addEventListener("pointerup", up);
    window.addEventListener("pointercancel", cancel);
    window.addEventListener("keydown", cancel);
    return () => {
      window.removeEventListener("pointermove", move);
      window.removeEventListener("pointerup", up);
      window.removeEventListener("pointercancel", cancel);
      window.removeEventListener("keydown", cancel);
    };
  }, [dragging]);
  const start = (i: number) => (e: ReactPointerEvent) => {
    if (e.button !== 0) return;
    e.preventDefault();
    setDrag({ from: i, to: i });
  };
  return { listRef, drag, start };
}
