import { parse } from '@rocket.chat/message-parser';
import type { ReactNode } from 'react';
import { Fragment, useMemo } from 'react';
import { useI18n } from '../i18n/I18n';

/**
 * Markdown as Rocket.Chat's clients show it: the text parsed by `@rocket.chat/message-parser` (the
 * parser Rocket.Chat's client and server use) and drawn element by element as Rocket.Chat's
 * `@rocket.chat/gazzodown` draws the tree: `*bold*`, `_italic_`, `~strike~`, `` `code` ``, code
 * blocks, links, mentions, quotes, lists, headings, timestamps. This file is its own chunk (the
 * parser carries the list of top-level domains): it loads with the first text that needs it.
 * Emoji short codes stay as written (`:smile:`): the page has no emoji set.
 */

type Root = ReturnType<typeof parse>;
type Node = { type: string; value?: unknown; [key: string]: unknown };
type Plain = { type: 'PLAIN_TEXT'; value: string };

const SAFE_LINK = /^(https?:|mailto:)/i;

const plainOf = (node: unknown): string => {
    if (!node || typeof node !== 'object') return '';
    const n = node as Node;
    if (n.type === 'PLAIN_TEXT') return String(n.value ?? '');
    if (Array.isArray(n.value)) return n.value.map(plainOf).join('');
    return plainOf(n.value);
};

function formatTimestamp(language: string, seconds: string, format: string): string {
    const date = new Date(Number(seconds) * 1000);
    if (Number.isNaN(date.getTime())) return seconds;
    try {
        switch (format) {
            case 't':
                return new Intl.DateTimeFormat(language, { timeStyle: 'short' }).format(date);
            case 'T':
                return new Intl.DateTimeFormat(language, { timeStyle: 'medium' }).format(date);
            case 'd':
                return new Intl.DateTimeFormat(language, { dateStyle: 'short' }).format(date);
            case 'D':
                return new Intl.DateTimeFormat(language, { dateStyle: 'long' }).format(date);
            case 'F':
                return new Intl.DateTimeFormat(language, { dateStyle: 'full', timeStyle: 'short' }).format(date);
            case 'R': {
                const minutes = Math.round((date.getTime() - Date.now()) / 60000);
                const rtf = new Intl.RelativeTimeFormat(language, { numeric: 'auto' });
                if (Math.abs(minutes) < 60) return rtf.format(minutes, 'minute');
                if (Math.abs(minutes) < 60 * 24) return rtf.format(Math.round(minutes / 60), 'hour');
                return rtf.format(Math.round(minutes / (60 * 24)), 'day');
            }
            default:
                return new Intl.DateTimeFormat(language, { dateStyle: 'long', timeStyle: 'short' }).format(date);
        }
    } catch {
        return date.toISOString();
    }
}

function Nodes({ nodes, language }: { nodes: unknown; language: string }) {
    const list = Array.isArray(nodes) ? nodes : nodes ? [nodes] : [];
    return (
        <>
            {list.map((node, index) => (
                <Fragment key={index}>{renderNode(node as Node, language)}</Fragment>
            ))}
        </>
    );
}

function renderNode(node: Node, language: string): ReactNode {
    const children = (value: unknown = node.value) => <Nodes nodes={value} language={language} />;
    switch (node.type) {
        case 'PLAIN_TEXT':
            return String(node.value ?? '');
        case 'PARAGRAPH':
            return <div className="page-md-paragraph">{children()}</div>;
        case 'BOLD':
            return <strong>{children()}</strong>;
        case 'ITALIC':
            return <em>{children()}</em>;
        case 'STRIKE':
            return <del>{children()}</del>;
        case 'INLINE_CODE':
            return <code className="page-md-code">{plainOf(node.value)}</code>;
        case 'CODE':
            return (
                <pre className="page-md-code-block">
                    <code>{(Array.isArray(node.value) ? node.value : []).map((line) => plainOf(line)).join('\n')}</code>
                </pre>
            );
        case 'LINK': {
            const { src, label } = node.value as { src: Plain; label: unknown };
            const href = plainOf(src);
            const text = Array.isArray(label) ? label : [label];
            return SAFE_LINK.test(href) ? (
                <a href={href} target="_blank" rel="noopener noreferrer">
                    {children(text)}
                </a>
            ) : (
                children(text)
            );
        }
        case 'MENTION_USER':
            return <span className="page-md-mention">@{plainOf(node.value)}</span>;
        case 'MENTION_CHANNEL':
            return <span className="page-md-mention">#{plainOf(node.value)}</span>;
        case 'EMOJI':
            return typeof node.unicode === 'string' ? node.unicode : node.shortCode === plainOf(node.value) ? `:${node.shortCode}:` : plainOf(node.value);
        case 'BIG_EMOJI':
            return <span className="page-md-big-emoji">{children()}</span>;
        case 'HEADING': {
            const level = Math.min(4, Math.max(1, Number(node.level) || 1));
            const Tag = `h${level}` as 'h1';
            return <Tag className="page-md-heading">{children()}</Tag>;
        }
        case 'QUOTE':
            return <blockquote className="page-md-quote">{children()}</blockquote>;
        case 'SPOILER':
        case 'SPOILER_BLOCK':
            return <span className="page-md-spoiler">{children()}</span>;
        case 'UNORDERED_LIST':
            return <ul className="page-md-list">{children()}</ul>;
        case 'ORDERED_LIST':
            return <ol className="page-md-list">{children()}</ol>;
        case 'LIST_ITEM':
            return <li value={typeof node.number === 'number' ? node.number : undefined}>{children()}</li>;
        case 'TASKS':
            return <ul className="page-md-list page-md-tasks">{children()}</ul>;
        case 'TASK':
            return (
                <li>
                    <span aria-hidden="true">{node.status ? '☑ ' : '☐ '}</span>
                    {children()}
                </li>
            );
        case 'LINE_BREAK':
            return <br />;
        case 'HORIZONTAL_RULE':
            return <hr />;
        case 'KATEX':
            return <pre className="page-md-code-block">{String(node.value ?? '')}</pre>;
        case 'INLINE_KATEX':
            return <code className="page-md-code">{String(node.value ?? '')}</code>;
        case 'COLOR': {
            const { r, g, b, a } = node.value as { r: number; g: number; b: number; a: number };
            const css = `rgba(${r}, ${g}, ${b}, ${(a / 255).toFixed(2)})`;
            return (
                <span>
                    <span className="page-md-color" style={{ background: css }} aria-hidden="true" />
                    {css}
                </span>
            );
        }
        case 'TIMESTAMP': {
            const { timestamp, format } = node.value as { timestamp: string; format: string };
            const date = new Date(Number(timestamp) * 1000);
            return <time dateTime={Number.isNaN(date.getTime()) ? undefined : date.toISOString()}>{formatTimestamp(language, timestamp, format)}</time>;
        }
        case 'IMAGE': {
            const { src, label } = node.value as { src: Plain; label: unknown };
            const href = plainOf(src);
            return SAFE_LINK.test(href) ? <img src={href} alt={plainOf(label)} className="page-md-image" /> : plainOf(label);
        }
        case 'TABLE': {
            const { header, rows } = node.value as { header: Node[]; rows: Node[] };
            return (
                <table className="page-md-table">
                    <thead>
                        <tr>
                            {header.map((cell, i) => (
                                <th key={i}>{children(cell.value)}</th>
                            ))}
                        </tr>
                    </thead>
                    <tbody>
                        {rows.map((row, i) => (
                            <tr key={i}>
                                {(Array.isArray(row.value) ? (row.value as Node[]) : []).map((cell, j) => (
                                    <td key={j}>{children(cell.value)}</td>
                                ))}
                            </tr>
                        ))}
                    </tbody>
                </table>
            );
        }
        default:
            return plainOf(node);
    }
}

/** The markdown tree of a text, as Rocket.Chat's client parses UIKit `mrkdwn` (emoticons off). */
export function parseMarkdown(text: string): Root {
    try {
        return parse(text, { emoticons: false });
    } catch {
        return [{ type: 'PARAGRAPH', value: [{ type: 'PLAIN_TEXT', value: text }] }];
    }
}

export default function Markup({ text }: { text: string }) {
    const { language } = useI18n();
    const tree = useMemo(() => parseMarkdown(text), [text]);
    // one paragraph stays inline (a context block's item, a section's line), as more would not
    const [first] = tree as Node[];
    const nodes = tree.length === 1 && first.type === 'PARAGRAPH' ? first.value : tree;
    return (
        <span className="page-md" data-qa="markup">
            <Nodes nodes={nodes} language={language} />
        </span>
    );
}
