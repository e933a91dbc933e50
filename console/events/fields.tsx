// Form fields of the event editor that mark themselves when validation found
// a problem at their path (validate.ts) and say it under the field.
import { createContext, useContext, useState, type ReactNode } from 'react';
import type { Issues } from './validate';

export const IssuesContext = createContext<Issues>(new Map());

export function useIssue(path: string): string | undefined {
  return useContext(IssuesContext).get(path);
}

export function Field({ label, path, children }: { label: string; path: string; children: ReactNode }) {
  const issue = useIssue(path);
  return (
    <label className="field" data-path={path} data-invalid={issue ? 'true' : undefined}>
      <span>{label}</span>
      {children}
      {issue && <small className="field-error">{issue}</small>}
    </label>
  );
}

export function TextField({ label, path, value, onChange, placeholder, readOnly, type = 'text' }: {
  label: string;
  path: string;
  value: string;
  onChange(v: string): void;
  placeholder?: string;
  readOnly?: boolean;
  type?: 'text' | 'date' | 'time';
}) {
  const issue = useIssue(path);
  return (
    <Field label={label} path={path}>
      <input
        type={type}
        value={value}
        placeholder={placeholder}
        readOnly={readOnly}
        aria-invalid={issue ? true : undefined}
        data-testid={`f-${path}`}
        onChange={(e) => onChange(e.target.value)}
      />
    </Field>
  );
}

/** Checkboxes for a subset of `options` (categories, programmes, days). */
export function CheckList({ label, path, options, value, onChange }: {
  label: string;
  path: string;
  options: { value: string; label: string }[];
  value: string[];
  onChange(v: string[]): void;
}) {
  return (
    <fieldset className="checklist" data-path={path}>
      <legend>{label}</legend>
      {options.length === 0 && <span className="hint">—</span>}
      {options.map((o) => (
        <label key={o.value}>
          <input
            type="checkbox"
            data-testid={`c-${path}-${o.value}`}
            checked={value.includes(o.value)}
            onChange={(e) => onChange(e.target.checked ? [...value, o.value] : value.filter((v) => v !== o.value))}
          />{' '}
          {o.label}
        </label>
      ))}
    </fieldset>
  );
}

/** A collapsible list item, open at first only when asked (new items): typing a name must not close it. */
export function Item({ initiallyOpen, summary, data, children }: { initiallyOpen: boolean; summary: ReactNode; data: Record<string, string>; children: ReactNode }) {
  const [open] = useState(initiallyOpen);
  return (
    <details className="item" open={open} {...data}>
      <summary>{summary}</summary>
      {children}
    </details>
  );
}
