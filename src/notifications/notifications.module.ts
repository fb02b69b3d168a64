import { Inject, Injectable, Module, type OnModuleInit } from '@nestjs/common';
import { NOTIFICATIONS } from './catalogue';
import { checkNotifications } from './catalogue-check';
import type { NotificationTemplate } from './notification-template';
import { NOTIFICATION_CATALOGUE } from './notifications.constants';

/** Checks the catalogue when the app starts: see {@link checkNotifications}. */
@Injectable()
class NotificationsCheck implements OnModuleInit {
  constructor(@Inject(NOTIFICATION_CATALOGUE) private readonly catalogue: readonly NotificationTemplate<unknown>[]) {}

  onModuleInit(): void {
    checkNotifications(this.catalogue);
  }
}

/** The notification catalogue, checked once at startup by every process that sends from it. */
@Module({ providers: [{ provide: NOTIFICATION_CATALOGUE, useValue: NOTIFICATIONS }, NotificationsCheck] })
export class NotificationsModule {}
