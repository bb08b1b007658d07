/** The parts of an SPSS system file's dictionary the importer uses (decoded text, logical variables). */

/** SPSS measurement level: 0 unknown, 1 nominal, 2 ordinal, 3 scale */
export type Measure = 0 | 1 | 2 | 3;

export interface SavValueLabel {
  /** number for numeric variables, trailing-space-trimmed text for string variables */
  value: number | string;
  label: string;
}

export interface SavMissing {
  values: (number | string)[];
  /** inclusive numeric range (LO/HI stand for ±Infinity) */
  range?: [number, number];
}

export interface SavVariable {
  /** position among the logical variables (very long strings merged), 0-based */
  index: number;
  shortName: string;
  /** the long name (subtype 13) or the short name */
  name: string;
  label: string;
  /** 0 numeric, else the string width in bytes */
  width: number;
  /** first 8-byte slot of the variable in a case */
  slot: number;
  /** widths of the string segments (one unless a very long string); [] for numerics */
  segments: number[];
  /** print format type (5 F, 20 DATE, 22 DATETIME, …) */
  format: number;
  measure: Measure;
  missing: SavMissing;
  valueLabels: SavValueLabel[];
}

/** A multiple response set (subtypes 7 and 19). */
export interface SavMrSet {
  name: string;
  label: string;
  /** "C" category set, "D" dichotomy set */
  kind: "C" | "D";
  /** dichotomy sets: the value that means "chosen" */
  countedValue?: string;
  /** logical variable indexes */
  variables: number[];
}

export interface SavDictionary {
  littleEndian: boolean;
  /** 0 none, 1 bytecode, 2 zlib (zsav) */
  compression: 0 | 1 | 2;
  bias: number;
  /** cases announced by the header, -1 when unknown */
  caseCount: number;
  /** 8-byte slots per case */
  slotsPerCase: number;
  encoding: string;
  fileLabel: string;
  variables: SavVariable[];
  mrsets: SavMrSet[];
  /** logical index of the weight variable */
  weight?: number;
  /** byte offset where the data (or the zsav header) begins */
  dataOffset: number;
}
