"use client";

import { useEffect, useId, useMemo, useState, type KeyboardEvent } from "react";
import { cx } from "@/lib/cx";

export interface PickerOption {
  id: string;
  label: string;
}

interface Props {
  /** the input's label (visible) */
  label: string;
  options: PickerOption[];
  selected: string[];
  onChange: (next: string[]) => void;
  /** most options that can be selected */
  max?: number;
  hint?: string;
  /**
   * search the options elsewhere (a wide dataset's question list): `options` are then only the
   * ones known (chosen) and the list shows what this returns for the typed words
   */
  load?: (query: string) => Promise<PickerOption[]>;
}

/**
 * A searchable multi-select (WAI-ARIA combobox with a multi-selectable listbox): type to filter
 * by label or id, ↑/↓ to move, Enter to toggle, Escape to close, Backspace in an empty box
 * removes the last choice. Chosen items are removable chips; labels wrap, never cut.
 */
export function PredictorPicker({ label, options, selected, onChange, max = 40, hint, load }: Props) {
  const id = useId();
  const [query, setQuery] = useState("");
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const [loaded, setLoaded] = useState<PickerOption[]>([]);
  const [seen, setSeen] = useState<PickerOption[]>([]);
  useEffect(() => {
    if (!load || !open) return;
    let live = true;
    const t = setTimeout(() => {
      void load(query.trim()).then((found) => {
        if (!live) return;
        setLoaded(found);
        setSeen((s) => [...s, ...found.filter((f) => !s.some((x) => x.id === f.id))]);
      }, () => undefined);
    }, 150);
    return () => {
      live = false;
      clearTimeout(t);
    };
  }, [load, open, query]);
  const byId = useMemo(() => new Map([...seen, ...options].map((o) => [o.id, o])), [options, seen]);
  const q = query.trim().toLowerCase();
  const matches = load ? loaded : q ? options.filter((o) => o.label.toLowerCase().includes(q) || o.id.toLowerCase().includes(q)) : options;
  const shown = matches.slice(0, 100);
  const chosen = new Set(selected);
  const full = selected.length >= max;

  const toggle = (o: PickerOption) => {
    if (chosen.has(o.id)) onChange(selected.filter((s) => s !== o.id));
    else if (!full) onChange([...selected, o.id]);
  };
  const onKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      e.preventDefault();
      setOpen(true);
      const step = e.key === "ArrowDown" ? 1 : -1;
      setActive((a) => (shown.length ? (a + step + shown.length) % shown.length : 0));
    } else if (e.key === "Enter" && open && shown[active]) {
      e.preventDefault();
      toggle(shown[active]);
    } else if (e.key === "Escape") {
      setOpen(false);
    } else if (e.key === "Backspace" && query === "" && selected.length) {
      onChange(selected.slice(0, -1));
    }
  };
  const optionId = (k: number) => `${id}-opt-${k}`;

  return (
    <div className="flex flex-col gap-1" data-testid="predictor-picker">
      <label htmlFor={`${id}-input`} className="text-xs font-medium uppercase tracking-wide text-slate-500">
        {label}
      </label>
      {selected.length ? (
        <ul className="flex flex-wrap gap-1.5" aria-label={`${label}: chosen`}>
          {selected.map((s) => (
            <li key={s} className="flex max-w-full items-start gap-1 rounded-md bg-slate-100 px-2 py-0.5 text-xs text-slate-800">
              <span className="break-words whitespace-normal">{byId.get(s)?.label ?? s}</span>
              <button
                type="button"
                className="shrink-0 rounded px-1 text-slate-500 hover:bg-slate-200 hover:text-slate-900 focus-visible:outline focus-visible:outline-2 focus-visible:outline-[var(--color-accent)]"
                aria-label={`Remove ${byId.get(s)?.label ?? s}`}
                onClick={() => onChange(selected.filter((x) => x !== s))}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <div className="relative">
        <input
          id={`${id}-input`}
          role="combobox"
          aria-expanded={open}
          aria-controls={`${id}-list`}
          aria-autocomplete="list"
          aria-activedescendant={open && shown[active] ? optionId(active) : undefined}
          className="w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm text-slate-900 shadow-sm"
          placeholder="Search questions…"
          value={query}
          onChange={(e) => {
            setQuery(e.target.value);
            setActive(0);
            setOpen(true);
          }}
          onFocus={() => setOpen(true)}
          onBlur={() => setOpen(false)}
          onKeyDown={onKey}
        />
        {open ? (
          <ul
            id={`${id}-list`}
            role="listbox"
            aria-multiselectable="true"
            aria-label={label}
            className="absolute z-20 mt-1 max-h-72 w-full overflow-auto rounded-md border border-slate-200 bg-white py-1 text-sm shadow-lg"
          >
            {shown.length === 0 ? <li className="px-3 py-2 text-slate-500">No question matches “{query}”.</li> : null}
            {shown.map((o, k) => (
              <li
                key={o.id}
                id={optionId(k)}
                role="option"
                aria-selected={chosen.has(o.id)}
                aria-disabled={!chosen.has(o.id) && full}
                className={cx(
                  "flex cursor-pointer items-start gap-2 px-3 py-1.5",
                  k === active && "bg-slate-100",
                  !chosen.has(o.id) && full && "cursor-not-allowed opacity-50",
                )}
                onMouseDown={(e) => e.preventDefault()}
                onMouseEnter={() => setActive(k)}
                onClick={() => toggle(o)}
              >
                <span aria-hidden="true" className="w-4 shrink-0 text-[var(--color-accent)]">
                  {chosen.has(o.id) ? "✓" : ""}
                </span>
                <span className="break-words whitespace-normal">
                  {o.label}
                  {o.label !== o.id ? <span className="ml-1 text-xs text-slate-400">{o.id}</span> : null}
                </span>
              </li>
            ))}
            {matches.length > shown.length ? <li className="px-3 py-1 text-xs text-slate-500">{matches.length - shown.length} more: refine the search.</li> : null}
          </ul>
        ) : null}
      </div>
      {hint ? <p className="text-xs text-slate-500">{hint}</p> : null}
    </div>
  );
}
