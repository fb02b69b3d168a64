import { Module } from '@nestjs/common';
import { NOTIFICATIONS } from './catalogue';
import { checkNotifications } from './catalogue-check';
import { NOTIFICATION_CATALOGUE, NOTIFICATION_CATALOGUE_CHECK } from './notifications.constants';

/**
 * The notification catalogue, checked by every process that sends from it while Nest builds its
 * providers: a broken template stops the app before it logs anything, as a wrong variable does.
 */
@Module({
  providers: [
    { provide: NOTIFICATION_CATALOGUE, useValue: NOTIFICATIONS },
    { provide: NOTIFICATION_CATALOGUE_CHECK, inject: [NOTIFICATION_CATALOGUE], useFactory: checkNotifications },
  ],
})
export class NotificationsModule {}
