import { LoadingPanel } from "@/components/states/states";

export default function Loading() {
  return <LoadingPanel />;
}
