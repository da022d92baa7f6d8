import { describe, expect, it } from 'vitest';
import { classify, repeatedQuestionHint } from '../../../lib/rules';

describe('repeated question (App. 1 §16 ¶2)', () => {
  const earlier = [
    { id: 'm1', text: 'Когда отремонтируют дорогу на улице Ленина возле дома 10?', answered: true },
    { id: 'm2', text: 'Почему не вывозят мусор во дворе?', answered: true },
  ];

  it('points at the earlier message a new one repeats without new arguments', () => {
    const hint = repeatedQuestionHint('Так когда же отремонтируют дорогу на Ленина у дома 10???', earlier);
    expect(hint?.earlier.id).toBe('m1');
    expect(hint?.noProcess).toBe(false);
    expect(hint?.clause).toContain('п. 16 прил. 1');
  });

  it('says §16 ¶2 applies once the answer was given more than once', () => {
    const twice = [...earlier, { id: 'm3', text: 'Когда отремонтируют дорогу на улице Ленина?', answered: true }];
    const hint = repeatedQuestionHint('Когда отремонтируют дорогу на Ленина?', twice);
    expect(hint?.answeredCount).toBe(2);
    expect(hint?.noProcess).toBe(true);
    expect(hint?.message).toContain('2 раза');
  });

  it('stays silent on new arguments, unanswered questions and other topics', () => {
    expect(
      repeatedQuestionHint(
        'Дорогу на Ленина так и не отремонтировали, а теперь там провалился асфальт и повреждена машина соседа',
        earlier,
      ),
    ).toBeNull();
    expect(repeatedQuestionHint('Когда отремонтируют дорогу на Ленина?', [{ ...earlier[0]!, answered: false }])).toBeNull();
    expect(repeatedQuestionHint('Когда включат отопление?', earlier)).toBeNull();
  });

  it('never changes the verdict of the comment itself', () => {
    expect(classify('Так когда же отремонтируют дорогу на Ленина у дома 10???').verdict).toBe('ok');
  });
});

describe('mass mailing', () => {
  const ad = 'Лучшие окна в городе, монтаж за один день, приходите к нам в салон на Мира';

  it('flags the same text from other authors as spam', () => {
    const recent = [
      { author: 'a', text: ad },
      { author: 'b', text: 'Лучшие окна в городе! Монтаж за один день — приходите к нам в салон на Мира!!' },
    ];
    const r = classify(ad, { author: 'c', recent });
    expect(r.findings.find((f) => f.category === 'spam')?.normalized).toContain('массовая рассылка');
    expect(r.verdict).toBe('delete');
  });

  it('does not count one author repeating himself, nor short common phrases', () => {
    expect(classify(ad, { author: 'a', recent: [{ author: 'a', text: ad }] }).verdict).toBe('ok');
    const thanks = 'Спасибо большое!';
    expect(classify(thanks, { author: 'c', recent: [{ author: 'a', text: thanks }, { author: 'b', text: thanks }] }).verdict).toBe('ok');
  });
});
