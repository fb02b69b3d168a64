import { NOTIFICATIONS } from './catalogue';
import { checkNotifications } from './catalogue-check';
import { defineNotification } from './define-notification';
import { plainText, textAndHtml } from './letter';
import { LOCALES } from './locale';
import type { NotificationTemplate } from './notification-template';

/** The template's sample with every text parameter prefixed by a script tag. */
function hostileSample(template: NotificationTemplate<unknown>): unknown {
  const sample = template.sample as Record<string, unknown>;
  return Object.fromEntries(
    Object.entries(sample).map(([key, value]) => [
      key,
      typeof value === 'string' ? `<script>x</script>"'&${value}` : value,
    ]),
  );
}

const cases = NOTIFICATIONS.flatMap((template) => LOCALES.map((locale) => [template.name, locale, template] as const));

describe('the notification catalogue', () => {
  it('passes the startup check', () => {
    expect(() => checkNotifications(NOTIFICATIONS)).not.toThrow();
  });

  it('has unique, file-name safe names', () => {
    const names = NOTIFICATIONS.map((template) => template.name);
    expect(new Set(names).size).toBe(names.length);
    names.forEach((name) => expect(name).toMatch(/^[a-z][a-z0-9-]*$/));
  });

  it.each(cases)('%s in %s ends its text with one line break and has no CR', (_name, locale, template) => {
    const { text } = template.render(template.sample, locale);
    expect(text).toMatch(/[^\n]\n$/);
    expect(text).not.toContain('\r');
  });

  it.each(NOTIFICATIONS.map((template) => [template.name, template] as const))(
    '%s says something different in Russian than in English',
    (_name, template) => {
      const en = template.render(template.sample, 'en');
      const ru = template.render(template.sample, 'ru');
      expect(ru.subject).not.toBe(en.subject);
      expect(ru.text).toMatch(/[а-яё]/i);
      expect(ru.subject).toMatch(/[а-яё]/i);
    },
  );

  it.each(cases.filter(([, locale, template]) => template.render(template.sample, locale).html !== undefined))(
    '%s in %s shows <script> in a parameter as text in its HTML, never as a tag',
    (_name, locale, template) => {
      const { html } = template.render(hostileSample(template), locale);
      expect(html).toContain('&lt;script&gt;x&lt;/script&gt;&quot;&#39;&amp;');
      expect(html).not.toContain('<script');
      expect(html).not.toContain(`"'&`);
    },
  );
});

describe('textAndHtml', () => {
  const letter = { subject: 'Hi & bye', paragraphs: ['One', 'Two\nlines'] };

  it('has the same text part as plainText', () => {
    expect(textAndHtml(letter, 'en').text).toBe(plainText(letter).text);
    expect(plainText(letter)).toEqual({ subject: 'Hi & bye', text: 'One\n\nTwo\nlines\n' });
  });

  it('puts each paragraph in <p>, its lines apart with <br>, in a document of the locale', () => {
    expect(textAndHtml(letter, 'ru').html).toBe(
      '<!DOCTYPE html>\n<html lang="ru">\n<head><meta charset="utf-8"><title>Hi &amp; bye</title></head>\n<body>\n' +
        '<p>One</p>\n<p>Two<br>\nlines</p>\n</body>\n</html>\n',
    );
  });
});

describe('checkNotifications', () => {
  const broken = (subject: string, text = 'Body', failInRussian = false) =>
    defineNotification('broken-one', { name: 'x' }, plainText, {
      en: () => ({ subject: 'Fine', paragraphs: ['Fine'] }),
      ru: () => {
        if (failInRussian) throw new RangeError('no plural form');
        return { subject, paragraphs: [text] };
      },
    });

  it.each([
    ['an empty subject', broken(' '), 'its subject is empty'],
    ['a line feed in the subject', broken('Hi\nBcc: x@example.com'), 'its subject contains a control character'],
    ['an empty text', broken('Hi', ''), 'its text is empty'],
    ['a render that throws', broken('Hi', 'Body', true), 'rendering it threw RangeError: no plural form'],
  ])('stops startup on %s, in one line naming the template and the locale', (_case, template, problem) => {
    expect(() => checkNotifications([template])).toThrow(
      expect.objectContaining({
        name: 'BrokenNotificationError',
        message: expect.stringMatching(
          new RegExp(`^Notification "broken-one" in locale ru is broken: ${problem}[^\\n]*$`),
        ),
      }),
    );
  });
});
