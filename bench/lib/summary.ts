/**
 * The summary convention of `npm run bench` (scripts/bench.js): a bench prints each of its figures
 * once as a line `SUMMARY <name> <value> [<label> <value> ...]`; the runner echoes everything and
 * prints the collected lines (without `SUMMARY `) together at the end.
 */
const format = (value: number | string): string => {
    if (typeof value === 'string') return value;
    if (!Number.isFinite(value)) return String(value);
    const abs = Math.abs(value);
    return abs >= 100 ? value.toFixed(0) : abs >= 10 ? value.toFixed(1) : value.toFixed(2);
};

export function summary(name: string, value: number | string, ...labelled: Array<[string, number | string]>): void {
    const rest = labelled.map(([label, v]) => ` ${label} ${format(v)}`).join('');
    process.stdout.write(`SUMMARY ${name} ${format(value)}${rest}\n`);
}
