/**
 * RFC 5545 section 3.1: content lines. A feed is split into lines (CRLF, LF, or lone CR), folded
 * lines are joined (a line starting with a space or a tab continues the one before, minus that one
 * character), and each line reads `NAME *(";" PARAM "=" value *("," value)) ":" VALUE`. Parameter
 * values may be quoted (then `:;,` are plain characters) and use RFC 6868's caret escapes. One pass,
 * linear in the input; a line that does not parse is skipped, never thrown at.
 */
export interface ContentLine {
    /** upper case */
    name: string;
    /** upper-case parameter names; a list value joined with "," and unquoted */
    params: Record<string, string>;
    value: string;
}

const NAME_CHAR = /[A-Za-z0-9-]/;

/**
 * Calls `visit` with each unfolded logical line, in order; empty lines are skipped. `visit` may
 * return false to stop early.
 */
export function forEachUnfoldedLine(text: string, visit: (line: string) => boolean | void): void {
    const separator = text.indexOf('\n') >= 0 ? '\n' : '\r';
    let pending: string | undefined;
    let pendingParts: string[] | undefined;
    const flush = (): boolean => {
        if (pending === undefined) {
            return true;
        }
        const line = pendingParts ? pending + pendingParts.join('') : pending;
        pending = undefined;
        pendingParts = undefined;
        return line === '' || visit(line) !== false;
    };
    let start = 0;
    const length = text.length;
    while (start < length) {
        let end = text.indexOf(separator, start);
        if (end < 0) {
            end = length;
        }
        let lineEnd = end;
        if (separator === '\n' && lineEnd > start && text.charCodeAt(lineEnd - 1) === 13) {
            lineEnd--;
        }
        const first = text.charCodeAt(start);
        if ((first === 32 || first === 9) && pending !== undefined) {
            (pendingParts ??= []).push(text.slice(start + 1, lineEnd));
        } else {
            if (!flush()) {
                return;
            }
            pending = text.slice(start, lineEnd);
        }
        start = end + 1;
    }
    flush();
}

/** The property name of a content line (upper case), or undefined when the line has none. */
export function contentLineName(line: string): string | undefined {
    let i = 0;
    while (i < line.length) {
        const c = line.charCodeAt(i);
        if (c === 58 /* : */ || c === 59 /* ; */) {
            break;
        }
        if (!NAME_CHAR.test(line[i])) {
            return undefined;
        }
        i++;
    }
    return i > 0 && i < line.length ? line.slice(0, i).toUpperCase() : undefined;
}

/** RFC 6868: `^n` newline, `^^` caret, `^'` double quote, in parameter values. */
export function decodeParamValue(value: string): string {
    return value.indexOf('^') < 0 ? value : value.replace(/\^([n^'])/g, (_whole, c: string) => (c === 'n' ? '\n' : c === "'" ? '"' : '^'));
}

/** A content line split into name, parameters and value, or undefined when it is not one. */
export function parseContentLine(line: string): ContentLine | undefined {
    const name = contentLineName(line);
    if (name === undefined) {
        return undefined;
    }
    const params: Record<string, string> = {};
    let i = name.length;
    while (line.charCodeAt(i) === 59 /* ; */) {
        i++;
        const eq = line.indexOf('=', i);
        if (eq < 0) {
            return undefined;
        }
        const paramName = line.slice(i, eq);
        if (paramName === '' || !/^[A-Za-z0-9-]+$/.test(paramName)) {
            return undefined;
        }
        i = eq + 1;
        const values: string[] = [];
        for (;;) {
            if (line.charCodeAt(i) === 34 /* " */) {
                const close = line.indexOf('"', i + 1);
                if (close < 0) {
                    return undefined;
                }
                values.push(decodeParamValue(line.slice(i + 1, close)));
                i = close + 1;
            } else {
                let j = i;
                while (j < line.length) {
                    const c = line.charCodeAt(j);
                    if (c === 44 /* , */ || c === 58 /* : */ || c === 59 /* ; */ || c === 34 /* " */) {
                        break;
                    }
                    j++;
                }
                values.push(decodeParamValue(line.slice(i, j)));
                i = j;
            }
            if (line.charCodeAt(i) !== 44 /* , */) {
                break;
            }
            i++;
        }
        const key = paramName.toUpperCase();
        if (!(key in params)) {
            params[key] = values.join(',');
        }
    }
    if (line.charCodeAt(i) !== 58 /* : */) {
        return undefined;
    }
    return { name, params, value: line.slice(i + 1) };
}

/** RFC 5545 3.3.11 TEXT: `\\n` and `\\N` a newline, `\\,` `\\;` `\\\\` themselves; any other backslash stays. */
export function unescapeText(value: string): string {
    return value.indexOf('\\') < 0 ? value : value.replace(/\\([\\;,nN])/g, (_whole, c: string) => (c === 'n' || c === 'N' ? '\n' : c));
}
