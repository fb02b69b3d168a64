export { isHardBounce, reasonOf } from './hard-bounce';
export { recipientsOf, type RecipientScreening, screenRecipients, type Suppression } from './recipient-screening';
export { type SuppressedRecipientEvent, suppressedRecipientChannel } from './suppressions.diagnostics';
export { SuppressionLogMessage } from './suppressions.constants';
export { SuppressionsModule } from './suppressions.module';
export { SuppressionsRepository } from './suppressions.repository';
export { suppressionKeyOf } from './suppression-key';
