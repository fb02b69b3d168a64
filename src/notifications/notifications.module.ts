import { Injectable, Module, type OnModuleInit } from '@nestjs/common';
import { NOTIFICATIONS } from './catalogue';
import { checkNotifications } from './catalogue-check';

/** Checks the catalogue when the app starts: see {@link checkNotifications}. */
@Injectable()
class NotificationsCheck implements OnModuleInit {
  onModuleInit(): void {
    checkNotifications(NOTIFICATIONS);
  }
}

/** The notification catalogue, checked once at startup by every process that sends from it. */
@Module({ providers: [NotificationsCheck] })
export class NotificationsModule {}
