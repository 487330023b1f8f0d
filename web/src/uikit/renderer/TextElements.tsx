import { MarkdownText } from '../../markup/MarkdownText';
import type { TextObject } from './types';
import { useTextObject } from './useTextObject';

/** `plain_text`: the text as it is, nothing interpreted. */
export function PlainTextElement({ textObject }: { textObject: TextObject }) {
    const text = useTextObject()(textObject);
    return text ? <>{text}</> : null;
}

/** `mrkdwn`: drawn as Rocket.Chat's client draws markdown (bold, italic, code, links...). */
export function MarkdownTextElement({ textObject }: { textObject: TextObject }) {
    const text = useTextObject()(textObject);
    return text ? <MarkdownText text={text} /> : null;
}
