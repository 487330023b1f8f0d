import { FuselageSurfaceRenderer } from '@rocket.chat/fuselage-ui-kit/dist/esm/surfaces/FuselageSurfaceRenderer';
import { createSurfaceRenderer } from '@rocket.chat/fuselage-ui-kit/dist/esm/surfaces/createSurfaceRenderer';
import MessageSurface from '@rocket.chat/fuselage-ui-kit/dist/esm/surfaces/MessageSurface';
import ModalSurface from '@rocket.chat/fuselage-ui-kit/dist/esm/surfaces/ModalSurface';
import DatePickerElement from './DatePickerElement';
import InputBlock from './InputBlock';
import MultiStaticSelectElement from './MultiStaticSelectElement';
import OverflowElement from './OverflowElement';
import PlainTextInputElement from './PlainTextInputElement';
import StaticSelectElement from './StaticSelectElement';
import { MarkdownTextElement, PlainTextElement } from './TextElements';
import type {
    BlockContext,
    DatePickerBlock,
    InputLayoutBlock,
    MarkdownObject,
    MultiStaticSelectBlock,
    OverflowBlock,
    PlainTextInputBlock,
    PlainTextObject,
    Rendered,
    StaticSelectBlock,
} from './types';
import { BLOCK } from './types';

/**
 * Rocket.Chat's UIKit renderer (fuselage-ui-kit 0.31) with what that version gets wrong for a person
 * replaced: texts (`plain_text` as is; `mrkdwn` drawn as Rocket.Chat's client draws markdown), the
 * elements that passed option and placeholder texts through `renderToStaticMarkup` (so `Don't`
 * showed as `Don&#x27;t`), and input blocks, whose labels now name their fields. Every other block
 * and element is the renderer's own.
 */
class PageSurfaceRenderer extends FuselageSurfaceRenderer {
    plain_text(textObject: PlainTextObject, context: BlockContext, index: number): Rendered {
        return context === BLOCK ? null : <PlainTextElement key={index} textObject={textObject} />;
    }

    mrkdwn(textObject: MarkdownObject, context: BlockContext, index: number): Rendered {
        return context === BLOCK ? null : <MarkdownTextElement key={index} textObject={textObject} />;
    }

    input(block: InputLayoutBlock, context: BlockContext, index: number): Rendered {
        if (context !== BLOCK) return null;
        return <InputBlock key={block.element.actionId || index} block={block} context={context} index={index} surfaceRenderer={this} />;
    }

    static_select(block: StaticSelectBlock, context: BlockContext, index: number): Rendered {
        if (context === BLOCK) return null;
        return <StaticSelectElement key={block.actionId || index} block={block} context={context} index={index} surfaceRenderer={this} />;
    }

    multi_static_select(block: MultiStaticSelectBlock, context: BlockContext, index: number): Rendered {
        if (context === BLOCK) return null;
        return <MultiStaticSelectElement key={block.actionId || index} block={block} context={context} index={index} surfaceRenderer={this} />;
    }

    plain_text_input(block: PlainTextInputBlock, context: BlockContext, index: number): Rendered {
        if (context === BLOCK) return null;
        return <PlainTextInputElement key={block.actionId || index} block={block} context={context} index={index} surfaceRenderer={this} />;
    }

    datepicker(block: DatePickerBlock, context: BlockContext, index: number): Rendered {
        if (context === BLOCK) return null;
        return <DatePickerElement key={block.actionId || index} block={block} context={context} index={index} surfaceRenderer={this} />;
    }

    overflow(block: OverflowBlock, context: BlockContext, index: number): Rendered {
        if (context === BLOCK) return null;
        return <OverflowElement key={index} block={block} context={context} index={index} surfaceRenderer={this} />;
    }
}

/** The modal and message surfaces, as `@rocket.chat/fuselage-ui-kit` builds its own, on the page's renderer. */
export const UiKitModal = createSurfaceRenderer(ModalSurface, new PageSurfaceRenderer());
export const UiKitMessage = createSurfaceRenderer(MessageSurface, new PageSurfaceRenderer());
