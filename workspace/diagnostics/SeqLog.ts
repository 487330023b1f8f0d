const KEPT = 2000;

/** A local diagnostic log: entries numbered in order (`seq`), the last 2000 kept, read after a seq. */
export class SeqLog<T extends object> {
    private readonly entries: Array<T & { seq: number }> = [];
    private seq = 0;

    public record(entry: T): void {
        this.entries.push({ seq: ++this.seq, ...entry });
        if (this.entries.length > KEPT) this.entries.shift();
    }

    public after(seq = 0): Array<T & { seq: number }> {
        return this.entries.filter((e) => e.seq > seq);
    }
}
