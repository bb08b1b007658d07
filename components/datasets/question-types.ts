import type { QuestionType } from "@/lib/schema/question";

/** Display names of question types (one list for the overview and the schema editor). */
export const TYPE_LABELS: Record<QuestionType, string> = {
  single: "Single choice",
  multi: "Multi-select",
  ordinal: "Scale",
  numeric: "Numeric",
  text: "Open text",
  date: "Date",
  id: "ID",
  weight: "Weight",
  metadata: "Metadata",
};
