/** A positive number from the environment, or the fallback when it is unset or not one. */
export function positiveEnv(name: string, fallback: number): number {
    const n = Number(process.env[name]);
    return process.env[name] !== undefined && Number.isFinite(n) && n > 0 ? n : fallback;
}
