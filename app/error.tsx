"use client";

import { ErrorMessage } from "@/components/states/states";
import { Button } from "@/components/ui/button";

export default function Error({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <ErrorMessage message={error.message || "The page could not be shown."}>
      <div>
        <Button variant="secondary" onClick={reset}>
          Try again
        </Button>
      </div>
    </ErrorMessage>
  );
}
