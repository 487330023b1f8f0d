/** @type {import('jest').Config} */
module.exports = {
    testEnvironment: 'node',
    roots: ['<rootDir>/test'],
    testMatch: ['**/*.test.ts'],
    transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json', diagnostics: { warnOnly: false } }] },
    // Integration tests run against a package of the current sources, built once per run when they changed.
    globalSetup: '<rootDir>/test/helpers/globalSetup.ts',
    // Integration tests start the local workspace (a child process with the Deno app runtime).
    testTimeout: 120000,
};
