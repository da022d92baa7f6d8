import { describe, expect, it } from 'vitest';
import { classify, type Category } from '../../../lib/rules';
import { flagged } from './helpers';

type Row = [text: string, category: Category];

function positives(rows: Row[]) {
  it.each(rows)('«%s» → %s', (text, category) => {
    expect(flagged(text).has(category)).toBe(true);
  });
}

function traps(category: Category, texts: string[]) {
  it.each(texts)(`«%s» is not ${category}`, (text) => {
    expect(flagged(text).has(category)).toBe(false);
  });
}

describe('insult', () => {
  positives([
    ['Ты дебил', 'insult'],
    ['идиоты в администрации', 'insult'],
    ['какой же урод это придумал', 'insult'],
    ['мразь', 'insult'],
    ['тварь ты', 'insult'],
    ['быдло одно', 'insult'],
    ['дегенерат', 'insult'],
    ['кретин', 'insult'],
    ['ублюдок', 'insult'],
    ['чмо', 'insult'],
    ['3.14дорас', 'insult'],
  ]);
  describe('masked', () => {
    positives([
      ['д*бил', 'insult'],
      ['дeбил', 'insult'],
      ['ид1от', 'insult'],
      ['MPAЗЬ', 'insult'],
      ['y6людок', 'insult'],
    ]);
  });
  describe('borderline words count only when aimed', () => {
    positives([
      ['Мэр — клоун', 'insult'],
      ['вы козлы', 'insult'],
      ['глава района — вор', 'insult'],
    ]);
    traps('insult', ['козёл забрёл в огород', 'клоун в цирке выступал', 'воры залезли в подвал', 'баранина подорожала']);
    it('gives borderline words a lower confidence than plain insults', () => {
      const weak = classify('вы козлы').findings[0]?.confidence ?? 0;
      const strong = classify('вы дебилы').findings[0]?.confidence ?? 0;
      expect(weak).toBeLessThan(strong);
    });
  });
  traps('insult', ['урожай уродился', 'идиома', 'жидкое мыло', 'хачапури', 'подоконник', 'шутка', 'тупик']);
});

describe('threat', () => {
  positives([
    ['спалю дом', 'threat'],
    ['доберусь до тебя', 'threat'],
    ['ты пожалеешь', 'threat'],
    ['ноги переломаю', 'threat'],
    ['убью', 'threat'],
    ['тебе конец', 'threat'],
    ['тебе не жить', 'threat'],
    ['сожгу машину мэра', 'threat'],
    ['разобью тебе морду', 'threat'],
  ]);
  describe('masked', () => {
    positives([
      ['уб*ю', 'threat'],
      ['y6ью', 'threat'],
      ['спалю д0м', 'threat'],
    ]);
  });
  traps('threat', [
    'убил полдня в очереди',
    'найду время зайти',
    'достану билеты на концерт',
    'разобью клумбу у дома',
    'не пожалеешь, если придёшь на субботник',
    'не убью, не бойся',
  ]);
  it('makes the message not to be processed, not deleted, when nothing else is wrong', () => {
    expect(classify('спалю твой дом').verdict).toBe('no-process');
    expect(classify('спалю твой дом, урод').verdict).toBe('delete');
  });
});

describe('spam and advertising', () => {
  positives([
    ['пишите в лс', 'spam'],
    ['https://example.com/promo', 'spam'],
    ['Подписывайтесь на наш канал', 'spam'],
    ['Биткоин, заработок без вложений, пишите в телеграм', 'spam'],
    ['Микрозаймы онлайн', 'spam'],
    ['Онлайн казино с бонусами', 'spam'],
    ['Продам гараж, звоните', 'advertising'],
    ['Натяжные потолки, недорого, звоните 8 913 555-12-34', 'advertising'],
    ['Ремонт квартир под ключ, пишите в лс', 'advertising'],
    ['Вступайте в нашу группу vk.com/club999', 'spam'],
  ]);
  describe('masked', () => {
    positives([
      ['пишите в Лс', 'spam'],
      ['Прoдам гараж', 'advertising'],
      ['смотрите zaim-fast.ru', 'spam'],
    ]);
  });
  traps('spam', [
    'vk.com/wall-123456_1001',
    'Запишитесь на gosuslugi.ru',
    'Новости на admomsk.ru/news',
    'Сайт правительства government.ru и nalog.gov.ru',
    'в личном кабинете госуслуг',
    'ставка по ипотеке выросла',
    'позвоните в управляющую компанию',
    'деньги на ремонт выделены',
  ]);
  traps('advertising', ['цена проезда 45 рублей', 'скидка для пенсионеров в аптеке', 'ремонт дорог на Ленина', 'вывоз мусора не работает']);
});

describe('illegal', () => {
  positives([
    ['закладки мефедрон в наличии', 'illegal'],
    ['купить права без экзамена', 'illegal'],
    ['продам травмат', 'illegal'],
    ['плачу 500 рублей за голос', 'illegal'],
    ['на вилы чиновников', 'illegal'],
    ['бейте ментов', 'illegal'],
    ['пробив по базам, пишите в лс', 'illegal'],
  ]);
  describe('masked', () => {
    positives([
      ['прoдам травмат', 'illegal'],
      ['купить пpава без экзамена', 'illegal'],
    ]);
  });
  traps('illegal', [
    'жалоба на закладки в подъезде',
    'получить справку в поликлинике',
    'купить полис ОСАГО',
    'голосование за проект благоустройства',
    'нужен паспорт, чтобы купить билет',
  ]);
});

describe('categories switched off', () => {
  it('drops their findings and the verdict follows', () => {
    const r = classify('Ты дебил', { categories: { insult: false } });
    expect(r.findings).toEqual([]);
    expect(r.verdict).toBe('ok');
  });
});
