import * as http from 'http';
import * as https from 'https';
import { HttpBridge } from '@rocket.chat/apps-engine/server/bridges/HttpBridge';
import type { IHttpBridgeRequestInfo } from '@rocket.chat/apps-engine/server/bridges/HttpBridge';
import type { IHttpResponse } from '@rocket.chat/apps-engine/definition/accessors';

/** Outgoing HTTP for apps, with node's http/https (Rocket.Chat's AppHttpBridge). */
export class WorkspaceHttpBridge extends HttpBridge {
    protected call(info: IHttpBridgeRequestInfo): Promise<IHttpResponse> {
        const { request } = info;
        const url = new URL(info.url);
        for (const [k, v] of Object.entries(request.params ?? {})) {
            url.searchParams.set(k, String(v));
        }
        const headers: Record<string, string> = { ...(request.headers ?? {}) };
        let body: string | undefined = request.content;
        if (body === undefined && request.data !== undefined) {
            body = JSON.stringify(request.data);
            if (!Object.keys(headers).some((h) => h.toLowerCase() === 'content-type')) headers['Content-Type'] = 'application/json';
        }
        const client = url.protocol === 'https:' ? https : http;
        return new Promise<IHttpResponse>((resolve, reject) => {
            const req = client.request(url, { method: info.method.toUpperCase(), headers, timeout: request.timeout ?? 20_000 }, (res) => {
                const chunks: Buffer[] = [];
                res.on('data', (c: Buffer) => chunks.push(c));
                res.on('error', reject);
                res.on('end', () => {
                    const content = Buffer.concat(chunks).toString('utf8');
                    const resHeaders: Record<string, string> = {};
                    for (const [k, v] of Object.entries(res.headers)) {
                        if (v !== undefined) resHeaders[k] = Array.isArray(v) ? v.join(', ') : v;
                    }
                    let data: unknown;
                    if ((res.headers['content-type'] ?? '').includes('json')) {
                        try {
                            data = JSON.parse(content);
                        } catch {
                            data = undefined;
                        }
                    }
                    resolve({ url: url.toString(), method: info.method, statusCode: res.statusCode ?? 0, headers: resHeaders, content, data });
                });
            });
            req.on('timeout', () => req.destroy(new Error('Request timed out')));
            req.on('error', reject);
            if (body !== undefined) req.write(body);
            req.end();
        });
    }
}
