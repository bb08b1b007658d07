import type { Metadata } from "next";
import { SetPasswordForm } from "@/components/auth/set-password-form";

export const metadata: Metadata = { title: "Set your password", referrer: "no-referrer" };

// Public: the one-time link's secret is in the URL fragment, read by the form (never sent as a URL).
export default function SetPasswordPage() {
  return (
    <div className="mx-auto flex max-w-md flex-col gap-6 py-8">
      <header className="flex flex-col gap-1">
        <h1 className="text-2xl font-semibold tracking-tight">Set your password</h1>
        <p className="text-sm text-slate-600">Choose the password for your Surveyscope account. This link works once.</p>
      </header>
      <SetPasswordForm />
    </div>
  );
}
