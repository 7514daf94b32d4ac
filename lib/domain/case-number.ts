/**
 * Human-readable case numbers: prefecture, office, fiscal year of referral and a sequence
 * within that office and year, e.g. 33-BZ-2024-0012. They carry no personal data.
 */
export function formatCaseNumber(prefectureCode: string, officePrefix: string, fiscalYear: number, seq: number): string {
  return `${prefectureCode}-${officePrefix}-${fiscalYear}-${String(seq).padStart(4, "0")}`;
}

export const CASE_NUMBER_PATTERN = /^\d{2}-[A-Z]{2,3}-\d{4}-\d{4,}$/;
