import { AppError, ruleError } from '../AppError';

/**
 * What a change that did not happen answers, in Rocket.Chat's envelope (a 400 with an `errorType`,
 * as a thrown Meteor.Error; never a 500). Each says truthfully what was left.
 */
export const ChangeErrors = {
    /** a step failed and what was written is undone, or nothing was written */
    nothingChanged: (): AppError => ruleError('error-app-failure', 'The request could not be completed and nothing was changed; please try again'),
    /** a step failed and the undo did not finish: the recovery pass undoes the rest within minutes */
    beingUndone: (): AppError =>
        ruleError('error-app-undoing', 'The request could not be completed; what it had written is being undone, please try again in a few minutes'),
    /** another change of the same thing stayed under way */
    busy: (): AppError => ruleError('error-app-busy', 'Another change of the same thing is under way and nothing was changed; please try again'),
};
