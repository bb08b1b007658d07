import type { Metadata } from "next";
import { DatasetList } from "@/components/datasets/dataset-list";
import { UploadPanel } from "@/components/datasets/upload-panel";
import { loadDatasetList } from "@/lib/server/loaders";
import { pageProps } from "@/lib/server/respond-released";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Datasets" };

export default async function DatasetsPage() {
  const { datasets } = pageProps(await loadDatasetList());
  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-2xl font-semibold tracking-tight">Datasets</h1>
      <UploadPanel />
      <DatasetList datasets={datasets} />
    </div>
  );
}
