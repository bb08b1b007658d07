import { clsx, type ClassValue } from "clsx";
import { twMerge } from "tailwind-merge";

/** Merge class names, later Tailwind utilities winning. */
export function cx(...inputs: ClassValue[]): string {
  return twMerge(clsx(inputs));
}
