import type { FuselageSurfaceRenderer } from '@rocket.chat/fuselage-ui-kit/dist/esm/surfaces/FuselageSurfaceRenderer';
import type { ReactElement } from 'react';

/**
 * The UIKit shapes as the renderer (`@rocket.chat/fuselage-ui-kit` 0.31) types them. They are taken
 * from its own methods: the renderer carries its own `@rocket.chat/ui-kit` 0.31, and the 1.x copy at
 * the top of node_modules differs (its `BlockContext` is made of symbols).
 */
export type BlockContext = Parameters<FuselageSurfaceRenderer['section']>[1];
export type StaticSelectBlock = Parameters<FuselageSurfaceRenderer['static_select']>[0];
export type MultiStaticSelectBlock = Parameters<FuselageSurfaceRenderer['multi_static_select']>[0];
export type PlainTextInputBlock = Parameters<FuselageSurfaceRenderer['plain_text_input']>[0];
export type DatePickerBlock = Parameters<FuselageSurfaceRenderer['datepicker']>[0];
export type OverflowBlock = Parameters<FuselageSurfaceRenderer['overflow']>[0];
export type InputLayoutBlock = Parameters<FuselageSurfaceRenderer['input']>[0];
export type PlainTextObject = Parameters<FuselageSurfaceRenderer['plain_text']>[0];
export type MarkdownObject = Parameters<FuselageSurfaceRenderer['mrkdwn']>[0];

/** A text object; `i18n` names a key of the app's i18n (newer UIKit), drawn in the user's language. */
export type TextObject = (PlainTextObject | MarkdownObject) & { i18n?: { key: string; args?: Record<string, string | number> } };

/** `BlockContext` of ui-kit 0.31 is a numeric enum: BLOCK is 0 (a layout block, where text objects draw nothing). */
export const BLOCK = 0 as BlockContext;

export interface ElementProps<B> {
    block: B;
    context: BlockContext;
    index: number;
    surfaceRenderer: FuselageSurfaceRenderer;
}

export type Rendered = ReactElement | null;
