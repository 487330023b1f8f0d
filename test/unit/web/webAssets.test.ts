import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { gzipSync, brotliCompressSync } from 'zlib';
import { acceptedEncodings, cacheControlFor, isHashed, notModified, pickEncoding, readAsset } from '../../../workspace/http/routes/webAssets';

describe("the page's assets as the workspace sends them", () => {
    it('reads Accept-Encoding with its weights; q=0 refuses; * stands for the rest', () => {
        expect([...acceptedEncodings('gzip, deflate, br, zstd')]).toEqual([
            ['gzip', 1],
            ['deflate', 1],
            ['br', 1],
            ['zstd', 1],
        ]);
        expect(acceptedEncodings('br;q=0.5, GZIP;q=0.8').get('gzip')).toBe(0.8);
        expect(pickEncoding('gzip, deflate, br', ['br', 'gzip'])).toBe('br');
        expect(pickEncoding('gzip, deflate, br', ['gzip'])).toBe('gzip');
        expect(pickEncoding('br;q=0.5, gzip;q=0.8', ['br', 'gzip'])).toBe('gzip');
        expect(pickEncoding('br;q=0, gzip', ['br', 'gzip'])).toBe('gzip');
        expect(pickEncoding('*', ['br', 'gzip'])).toBe('br');
        expect(pickEncoding('*, br;q=0', ['br', 'gzip'])).toBe('gzip');
        expect(pickEncoding('x-gzip', ['br', 'gzip'])).toBe('gzip');
        expect(pickEncoding('identity', ['br', 'gzip'])).toBeUndefined();
        expect(pickEncoding(undefined, ['br', 'gzip'])).toBeUndefined();
        expect(pickEncoding('', ['br', 'gzip'])).toBeUndefined();
    });

    it('caches the hashed files for a year and has the browser ask again for the others', () => {
        expect(isHashed('app-WPVUIJZF.js')).toBe(true);
        expect(isHashed('chunks/LoggedInPage-IIQCIH5S.js')).toBe(true);
        expect(isHashed('chunks/LoggedInPage-IIQCIH5S.js.map')).toBe(true);
        expect(isHashed('assets/rocketchat-CEVGPU74.woff2')).toBe(true);
        expect(isHashed('index.html')).toBe(false);
        expect(isHashed('app.js')).toBe(false);
        expect(isHashed('my-page.js')).toBe(false);
        expect(cacheControlFor('app-WPVUIJZF.js')).toBe('public, max-age=31536000, immutable');
        expect(cacheControlFor('index.html')).toBe('no-cache');
    });

    it("answers 304 only for the asset's current tag", () => {
        expect(notModified('"abc"', '"abc"')).toBe(true);
        expect(notModified('W/"abc"', '"abc"')).toBe(true);
        expect(notModified('"x", "abc"', '"abc"')).toBe(true);
        expect(notModified('*', '"abc"')).toBe(true);
        expect(notModified('"abd"', '"abc"')).toBe(false);
        expect(notModified(undefined, '"abc"')).toBe(false);
    });

    it('sends the compressed copy the browser accepts, with its own tag, and the file itself otherwise', () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'web-assets-'));
        try {
            const body = Buffer.from('console.log("hello");'.repeat(50));
            const file = path.join(dir, 'app-ABCDEFGH.js');
            fs.writeFileSync(file, body);
            fs.writeFileSync(`${file}.br`, brotliCompressSync(body));
            fs.writeFileSync(`${file}.gz`, gzipSync(body));
            const br = readAsset(file, 'gzip, deflate, br');
            const gzip = readAsset(file, 'gzip');
            const plain = readAsset(file, undefined);
            expect(br?.encoding).toBe('br');
            expect(gzip?.encoding).toBe('gzip');
            expect(plain?.encoding).toBeUndefined();
            expect(plain?.body.equals(body)).toBe(true);
            expect(br!.body.length).toBeLessThan(body.length);
            expect(new Set([br?.etag, gzip?.etag, plain?.etag]).size).toBe(3);
            expect(readAsset(path.join(dir, 'missing.js'), 'br')).toBeUndefined();
            expect(readAsset(dir, undefined)).toBeUndefined();
        } finally {
            fs.rmSync(dir, { recursive: true, force: true });
        }
    });
});
