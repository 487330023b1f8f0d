/**
 * Slash command arguments as Rocket.Chat splits them (apps/meteor/lib/utils/parseParameters.ts,
 * called by the apps' command bridge): whitespace (space, tab, newline) separates arguments and runs
 * of it collapse; a pair of matching quotes (" or ') groups what is between them, whitespace
 * included, and the quotes vanish, also when the quoted part touches other text (a"b c"d is one
 * argument, ab cd); a backslash inside quotes keeps the next character (so \" does not close them)
 * and \" becomes " in the result; a quote without its pair stays as it is. Written here after
 * Rocket.Chat's steps, including their quirks (each quoted part is substituted at its first
 * occurrence in the line).
 */
const OPEN = '\u0086';
const CLOSE = '\u0087';
const SPACE = '\u2008';
const NEWLINE = '\u008B';
const RETURN = '\u008C';
const TAB = '\u008A';

/** The quoted parts, left to right, as the source's /((["'])(?:(?=(\\?))\3.)*?\2)/gs finds them. */
function quotedParts(text: string): string[] {
    const parts: string[] = [];
    let i = 0;
    while (i < text.length) {
        const quote = text[i];
        if (quote !== '"' && quote !== "'") {
            i++;
            continue;
        }
        let j = i + 1;
        let closed = -1;
        while (j < text.length) {
            if (text[j] === quote) {
                closed = j;
                break;
            }
            if (text[j] === '\\') {
                if (j + 1 >= text.length) break;
                j += 2;
            } else {
                j++;
            }
        }
        if (closed < 0) {
            i++;
            continue;
        }
        parts.push(text.slice(i, closed + 1));
        i = closed + 1;
    }
    return parts;
}

function words(line: string): string[] {
    return line
        .replace(/\n\r/g, '\n')
        .split(/[ \n\r\t]/)
        .filter((w) => w.length > 0);
}

export function parseParameters(parameters: string): string[] {
    if (!parameters.trim()) {
        return [];
    }
    const parts = quotedParts(parameters);
    if (parts.length === 0) {
        return words(parameters);
    }
    let line = parameters;
    for (const part of parts) {
        const protectedPart = (OPEN + part.slice(1, -1) + CLOSE).replace(/ /g, SPACE).replace(/\n/g, NEWLINE).replace(/\r/g, RETURN).replace(/\t/g, TAB);
        line = line.replace(part, protectedPart);
    }
    line = line.split(CLOSE + OPEN).join(`${CLOSE} ${OPEN}`);
    return words(line).map((w) =>
        w
            .split(SPACE)
            .join(' ')
            .split(NEWLINE)
            .join('\n')
            .split(RETURN)
            .join('\r')
            .split(TAB)
            .join('\t')
            .replace(/[\u0086\u0087]/g, '')
            .replace(/\\"/g, '"'),
    );
}
