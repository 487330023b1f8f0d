// Run after `npm install`: the registry reachable from our machines does not serve some
// platform-only optional packages (e.g. @deno/darwin-arm64), so npm leaves them out of the
// lock file and `npm ci` then refuses it as out of sync. This adds their lock entries
// (version, os, cpu; no download) so `npm ci` skips them on other platforms as usual.
const fs = require('fs');
const lock = JSON.parse(fs.readFileSync('package-lock.json', 'utf8'));
const pk = lock.packages;
const osMap = { darwin: 'darwin', linux: 'linux', win32: 'win32', android: 'android', freebsd: 'freebsd', openharmony: 'openharmony' };
const cpuMap = { arm64: 'arm64', x64: 'x64', arm: 'arm', ia32: 'ia32', loong64: 'loong64', ppc64: 'ppc64', riscv64: 'riscv64', s390x: 's390x' };
let added = 0;
for (const [key, entry] of Object.entries(pk)) {
    for (const [dep, range] of Object.entries(entry.optionalDependencies || {})) {
        const base = key === '' ? 'node_modules/' : key + '/node_modules/';
        if (pk[base + dep] || pk['node_modules/' + dep]) continue;
        const parts = dep.split('/').pop().split('-');
        const os = parts.find((p) => osMap[p]);
        const cpu = parts.find((p) => cpuMap[p]);
        if (!os || !cpu) {
            console.log('skip', dep);
            continue;
        }
        const e = { version: range, dev: true, optional: true, os: [os], cpu: [cpu] };
        if (parts.includes('musl') || parts.includes('musleabihf')) e.libc = ['musl'];
        else if (os === 'linux') e.libc = ['glibc'];
        pk['node_modules/' + dep] = e;
        added++;
    }
}
if (pk['']) {
    /* keep root */
}
const sorted = {};
for (const k of Object.keys(pk).sort((a, b) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b)))) sorted[k] = pk[k];
lock.packages = sorted;
fs.writeFileSync('package-lock.json', JSON.stringify(lock, null, 2) + '\n');
console.log('added', added);
