import Link from "next/link";
import { EmptyState } from "@/components/states/states";

export default function NotFound() {
  return (
    <EmptyState title="Not found">
      This page or dataset does not exist, or you do not have access to it. <Link className="text-[var(--color-accent)] underline" href="/">Go to Home</Link>
    </EmptyState>
  );
}
