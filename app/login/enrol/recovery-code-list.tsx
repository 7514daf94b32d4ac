/** Recovery codes as a list, in a monospace font so they can be copied and read aloud without doubt. */
export function RecoveryCodeList({ codes }: { codes: string[] }) {
  return (
    <ul data-testid="recovery-codes" className="grid grid-cols-2 gap-2 rounded-md border border-slate-300 bg-slate-50 p-3 font-mono text-base">
      {codes.map((code) => (
        <li key={code}>{code}</li>
      ))}
    </ul>
  );
}
