import { Test } from '@nestjs/testing';
import { defineNotification } from './define-notification';
import { plainText } from './letter';
import { NOTIFICATION_CATALOGUE } from './notifications.constants';
import { NotificationsModule } from './notifications.module';

describe('NotificationsModule', () => {
  it('starts with the catalogue', async () => {
    const moduleRef = await Test.createTestingModule({ imports: [NotificationsModule] }).compile();
    await moduleRef.close();
  });

  it('stops startup when a template renders a subject with a line break', async () => {
    const broken = defineNotification('farewell', { firstName: 'Ivan' }, plainText, {
      en: ({ firstName }) => ({ subject: 'Bye', paragraphs: [`Bye, ${firstName}`] }),
      ru: ({ firstName }) => ({
        subject: 'До свидания\nBcc: x@example.com',
        paragraphs: [`До свидания, ${firstName}`],
      }),
    });
    const compiling = Test.createTestingModule({ imports: [NotificationsModule] })
      .overrideProvider(NOTIFICATION_CATALOGUE)
      .useValue([broken])
      .compile();
    await expect(compiling).rejects.toThrow(
      'Notification "farewell" in locale ru is broken: its subject contains a control character (CR, LF, ...)',
    );
  });
});
