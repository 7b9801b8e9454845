/**
 * A table schema: the columns a role's sheet has, the header texts clerks
 * write for each (synonyms, matched after headerKey(): NFKC, whitespace
 * removed), and which of them identify the role. Readers map headers to
 * `field` names; header text is never used as an object key.
 */
import type { Role } from '../types.js';

export interface FieldSpec {
  /** Stable field name used in code. */
  field: string;
  /** The header as the seed form writes it (used by templates). */
  label: string;
  /** Other header texts accepted for this field, in any spacing/width. */
  synonyms: string[];
  required: boolean;
  /** Optional column added by ssj beyond the seed's form (templates put them after the seed's). */
  optional?: boolean;
  /** Allowed values, for drop-down lists and bad-enum. */
  enum?: string[];
  /** 说明 text for the template's note sheet. */
  note?: string;
  /**
   * Free text that is published or printed as written (处理情况, 备注): only
   * trimmed, never NFKC-normalised — that would turn the clerk's ，（）： into
   * ,():.
   */
  freeText?: boolean;
}

export interface TableSchema {
  role: Role;
  /** Chinese name of the role, e.g. 定点零售药店名录库. */
  title: string;
  fields: FieldSpec[];
  /** Fields that, found together, identify this role's file (role recognition). */
  signature: string[];
}
