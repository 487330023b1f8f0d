import { Result, fail } from '../../core/AppError';
import { ChangeErrors } from '../../core/change/changeErrors';
import { ChangeOutcome } from './runChange';

/** A change's outcome as the answer of a request: its own answer, or the truth about a change that did not happen. */
export function resultOf<T>(outcome: ChangeOutcome<Result<T>>): Result<T> {
    switch (outcome.kind) {
        case 'done':
        case 'refused':
            return outcome.answer;
        case 'busy':
            return fail(ChangeErrors.busy());
        case 'failed':
            return fail(outcome.undone ? ChangeErrors.nothingChanged() : ChangeErrors.beingUndone());
    }
}
