/** A load balancer in front of the instances: each new request or connection goes to the next one. */
export class RoundRobin {
    private next = 0;

    constructor(private readonly size: number) {}

    public take(): number {
        const n = this.next;
        this.next = (this.next + 1) % this.size;
        return n;
    }
}
