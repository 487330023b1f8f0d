/**
 * underscore's `_.throttle(fn, wait)` with its default options, as Rocket.Chat uses it for `updateConns`
 * (apps/meteor/server/startup/presence.ts): the first call runs at once; a call within `wait` of the
 * last run schedules one trailing run at the end of the window (later calls join it). `fn` reads its
 * state when it runs, so the trailing run sees what changed meanwhile.
 */
export function throttle(fn: () => void, wait: number): { (): void; cancel(): void } {
    let previous = 0;
    let timer: NodeJS.Timeout | undefined;
    const later = () => {
        previous = Date.now();
        timer = undefined;
        fn();
    };
    const throttled = () => {
        const now = Date.now();
        const remaining = wait - (now - previous);
        if (remaining <= 0 || remaining > wait) {
            if (timer) {
                clearTimeout(timer);
                timer = undefined;
            }
            previous = now;
            fn();
        } else if (!timer) {
            timer = setTimeout(later, remaining);
            timer.unref();
        }
    };
    throttled.cancel = () => {
        if (timer) clearTimeout(timer);
        timer = undefined;
        previous = 0;
    };
    return throttled;
}
