/** A free port for a process a test starts (see ports.js). */
export function freePort(): Promise<number>;
