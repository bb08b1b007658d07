/** Positional parameters ($1, $2, …) collected while a statement is built. */
export class Params {
  readonly values: (string | number)[] = [];
  /** add a value, return its placeholder */
  add(value: string | number): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
  /** a parenthesised placeholder list for IN (…); never empty */
  list(values: readonly string[]): string {
    if (values.length === 0) return "(NULL)";
    return `(${values.map((v) => this.add(v)).join(", ")})`;
  }
}

/** Quote an identifier we generated ourselves (`c12`, `d_demo_v1`); refuses anything else. */
export function ident(name: string): string {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`unsafe identifier: ${name}`);
  return `"${name}"`;
}
