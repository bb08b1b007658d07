"use client";

import { useEffect, useId, useRef, useState, type KeyboardEvent } from "react";
import type { PickRole, QuestionPickItem } from "@/lib/analysis/question-search";
import { cx } from "@/lib/cx";
import type { QuestionCatalog } from "./use-question-catalog";

interface Props {
  catalog: QuestionCatalog;
  role: PickRole;
  /** the visible label (also the input's accessible name) */
  label: string;
  /** the chosen question (its label is shown while the box is not being typed in) */
  value?: string;
  onPick: (id: string) => void;
  exclude?: readonly string[];
  placeholder?: string;
  disabled?: boolean;
  /** an id for the input (a `<label htmlFor>` elsewhere) */
  inputId?: string;
  /** hide the visible label (the caller shows one) */
  hideLabel?: boolean;
  testId?: string;
}

const PAGE = 30;

/**
 * A searchable question picker (WAI-ARIA combobox, single choice): type to search by label or id,
 * ↑/↓ to move, Enter to choose, Escape to close. Results come a page at a time from the catalog
 * (the question-list API for a wide dataset); "More questions…" loads the next page.
 */
export function QuestionCombobox({ catalog, role, label, value, onPick, exclude = [], placeholder = "Search questions…", disabled, inputId, hideLabel, testId }: Props) {
  const auto = useId();
  const id = inputId ?? `${auto}-input`;
  const listId = `${auto}-list`;
  const [query, setQuery] = useState("");
  const [typing, setTyping] = useState(false);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const [items, setItems] = useState<QuestionPickItem[]>([]);
  const [total, setTotal] = useState(0);
  const [status, setStatus] = useState<"idle" | "loading" | "error">("idle");
  const seq = useRef(0);
  const excludeKey = exclude.join(",");

  const load = async (offset: number) => {
    const mine = ++seq.current;
    setStatus("loading");
    try {
      const page = await catalog.search({ role, query, offset, exclude: excludeKey ? excludeKey.split(",") : [], limit: PAGE });
      if (mine !== seq.current) return;
      setItems((prev) => (offset ? [...prev, ...page.items] : page.items));
      setTotal(page.total);
      setStatus("idle");
    } catch {
      if (mine === seq.current) setStatus("error");
    }
  };
  useEffect(() => {
    if (!open) return;
    const t = setTimeout(() => void load(0), catalog.lazy ? 150 : 0);
    return () => clearTimeout(t);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- reload when the search, role or exclusions change
  }, [open, query, role, excludeKey, catalog.search]);

  const more = items.length < total;
  const count = items.length + (more ? 1 : 0);
  const choose = (k: number) => {
    if (k === items.length && more) return void load(items.length);
    const item = items[k];
    if (!item) return;
    onPick(item.id);
    setTyping(false);
    setQuery("");
    setOpen(false);
  };
  const onKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      e.preventDefault();
      if (!open) return setOpen(true);
      const step = e.key === "ArrowDown" ? 1 : -1;
      setActive((a) => (count ? (a + step + count) % count : 0));
    } else if (e.key === "Enter" && open) {
      e.preventDefault();
      choose(active);
    } else if (e.key === "Escape") {
      setOpen(false);
      setTyping(false);
      setQuery("");
    }
  };
  const chosen = catalog.find(value);
  const shownValue = typing ? query : chosen ? (chosen.label === chosen.id ? chosen.id : `${chosen.id} · ${chosen.label}`) : (value ?? "");
  const optionId = (k: number) => `${auto}-opt-${k}`;
  return (
    <div className="flex flex-col gap-1" data-testid={testId}>
      <label htmlFor={id} className={hideLabel ? "sr-only" : "text-xs font-medium uppercase tracking-wide text-slate-500"}>
        {label}
      </label>
      <div className="relative">
        <input
          id={id}
          role="combobox"
          aria-expanded={open}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={open && active < count ? optionId(active) : undefined}
          autoComplete="off"
          disabled={disabled}
          className="w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm text-slate-900 shadow-sm disabled:bg-slate-50"
          placeholder={placeholder}
          value={shownValue}
          onChange={(e) => {
            setTyping(true);
            setQuery(e.target.value);
            setActive(0);
            setOpen(true);
          }}
          onFocus={() => setOpen(true)}
          onBlur={() => {
            setOpen(false);
            setTyping(false);
            setQuery("");
          }}
          onKeyDown={onKey}
        />
        {open ? (
          <ul id={listId} role="listbox" aria-label={label} className="absolute z-30 mt-1 max-h-72 w-full overflow-auto rounded-md border border-slate-200 bg-white py-1 text-sm shadow-lg">
            {status === "error" ? <li className="px-3 py-2 text-red-700">The questions could not be loaded.</li> : null}
            {status !== "error" && items.length === 0 ? <li className="px-3 py-2 text-slate-500">{status === "loading" ? "Searching…" : query ? `No question matches “${query}”.` : "No questions."}</li> : null}
            {items.map((o, k) => (
              <li
                key={o.id}
                id={optionId(k)}
                role="option"
                aria-selected={o.id === value}
                className={cx("flex cursor-pointer items-start gap-2 px-3 py-1.5", k === active && "bg-slate-100")}
                onMouseDown={(e) => e.preventDefault()}
                onMouseEnter={() => setActive(k)}
                onClick={() => choose(k)}
              >
                <span className="break-words whitespace-normal">
                  {o.label}
                  {o.label !== o.id ? <span className="ml-1 text-xs text-slate-500">{o.id}</span> : null}
                </span>
              </li>
            ))}
            {more ? (
              <li
                id={optionId(items.length)}
                role="option"
                aria-selected={false}
                className={cx("cursor-pointer px-3 py-1.5 text-xs text-slate-600", active === items.length && "bg-slate-100")}
                onMouseDown={(e) => e.preventDefault()}
                onClick={() => choose(items.length)}
              >
                More questions… ({total - items.length} not shown{query ? "" : ": type to search"})
              </li>
            ) : null}
          </ul>
        ) : null}
      </div>
    </div>
  );
}
