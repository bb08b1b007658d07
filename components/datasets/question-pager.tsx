import Link from "next/link";
import { formatCount } from "@/lib/format/number";

/**
 * Search and paging of a wide dataset's question list (a plain GET form and links: works without
 * JavaScript, and the page carries one page of questions).
 */
export interface PagerProps {
  path: string;
  query: string;
  page: number;
  pages: number;
  total: number;
  shown: number;
  anchor?: string;
  /** why the user cannot leave this page now (unsaved edits): the links and search are off */
  locked?: string;
}

export function QuestionPager({ path, query, page, pages, total, shown, anchor, locked }: PagerProps) {
  const href = (p: number) => `${path}?${new URLSearchParams({ ...(query ? { q: query } : {}), ...(p > 1 ? { page: String(p) } : {}) }).toString()}${anchor ? `#${anchor}` : ""}`;
  return (
    <nav aria-label="Questions pages" className="flex flex-wrap items-end justify-between gap-3" data-testid="question-pager">
      <form method="get" action={path} className="flex items-end gap-2" role="search">
        <label className="flex flex-col gap-1 text-xs font-medium uppercase tracking-wide text-slate-500">
          Search questions
          <input name="q" defaultValue={query} className="w-64 rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm normal-case tracking-normal text-slate-900 shadow-sm" />
        </label>
        <button type="submit" disabled={Boolean(locked)} className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-800 hover:bg-slate-50 disabled:opacity-50">
          Search
        </button>
      </form>
      <p className="text-sm text-slate-600" role="status">
        {total ? `Page ${page} of ${pages} · ${formatCount(shown)} of ${formatCount(total)} questions${query ? ` matching “${query}”` : ""}` : `No question matches “${query}”.`}
      </p>
      {locked ? (
        <p className="text-sm text-amber-800" data-testid="pager-locked">
          {locked}
        </p>
      ) : null}
      <div className="flex gap-2" hidden={Boolean(locked)}>
        {page > 1 ? (
          <Link href={href(page - 1)} className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm hover:bg-slate-50" rel="prev">
            Previous
          </Link>
        ) : null}
        {page < pages ? (
          <Link href={href(page + 1)} className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm hover:bg-slate-50" rel="next">
            Next
          </Link>
        ) : null}
      </div>
    </nav>
  );
}
