/**
 * Issue 15: the phrase families (threats, illegal offers, insults without slurs, harassment, adverts
 * without links, obscenity gaps) on the tuning set, hard negatives, and the frozen held-out set.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { classify } from '../../../lib/rules';
import { overall, scoreSet, type FamilySet } from '../../bench/families/score';
import tune from './data/families-tune.json';
import { flagged } from './helpers';

const holdoutPath = path.resolve(__dirname, '../../bench/families/holdout.json');
/** Written before any rule of issue 15 and never tuned on: its digest proves it has not changed. */
const HOLDOUT_SHA256 = 'c0249d71c9364830459d4a0dfa3c466d07807140a8fcdaf8db262b99513e2bb6';

describe('family sets', () => {
  it('keeps the held-out set frozen, and apart from the tuning set', () => {
    const text = readFileSync(holdoutPath, 'utf8');
    expect(createHash('sha256').update(text).digest('hex')).toBe(HOLDOUT_SHA256);
    const texts = (set: FamilySet) => Object.values(set).flatMap((v) => (Array.isArray(v) ? v.map((x) => (typeof x === 'string' ? x : x.t)) : []));
    const held = new Set(texts(JSON.parse(text) as FamilySet));
    expect(texts(tune as FamilySet).filter((t) => held.has(t))).toEqual([]);
  });

  // Regression guards at the level reached when tuning (test/bench/RULES-RESULTS.md has the figures).
  it('flags the tuning set with the categories a moderator accepts', () => {
    const scores = scoreSet(tune as FamilySet, (t) => classify(t));
    const by = Object.fromEntries(scores.map((s) => [s.family, s]));
    const all = overall(scores);
    expect(all.hit / all.n).toBeGreaterThanOrEqual(0.93);
    expect((by.threat?.named ?? 0) / (by.threat?.n ?? 1)).toBeGreaterThanOrEqual(0.85);
    expect((by.illegal?.hit ?? 0) / (by.illegal?.n ?? 1)).toBeGreaterThanOrEqual(0.93);
    expect((by.insult?.hit ?? 0) / (by.insult?.n ?? 1)).toBeGreaterThanOrEqual(0.93);
    expect((by.ad?.hit ?? 0) / (by.ad?.n ?? 1)).toBeGreaterThanOrEqual(0.93);
    expect(by.obscenity?.hit).toBe(by.obscenity?.n);
    expect((by.clean?.hit ?? 0) / (by.clean?.n ?? 1)).toBeLessThanOrEqual(0.01);
  });
});

describe('threats without «убью»', () => {
  it.each([
    'Таких чиновников надо расстреливать',
    'Губернатора бы расстрелять за такое',
    'Надеюсь, ваш кабинет сгорит',
    'Сжечь бы эту администрацию',
    'Руки бы поотрывать тому, кто это строил',
    'Мы знаем, где ты живёшь',
    'Знаю твою машину, серую приору',
    'Вы за это ответите, господа',
    'Скоро придём к вам, поговорим',
    'Ждите гостей, депутат',
    'Главе района скоро не поздоровится',
    'Смерть чиновникам!',
  ])('«%s» is a threat, and against an official it is not processed (App. 1 §16)', (text) => {
    expect(flagged(text).has('threat')).toBe(true);
    expect(classify(text).verdict).toBe('no-process');
  });
  it('names the words of the phrase', () => {
    const f = classify('Губернатора бы расстрелять за такое').findings.find((x) => x.category === 'threat');
    expect(f?.normalized).toBe('губернатора + бы + растрелять');
    expect(f?.match).toBe('Губернатора бы расстрелять');
  });
});

describe('offers that read like ads are illegal, not spam', () => {
  it.each([
    'Соль, меф, шишки — доставка по городу, пиши в телегу',
    'Травка отличная, пишите в вотсап',
    'Нужны кладмены, оплата ежедневно',
    'Водительское удостоверение без сдачи экзаменов',
    'Больничный лист задним числом',
    'Фальшивые купюры, продам недорого',
    'Куплю банковские карты, оформленные на вас',
    'Пробив по номеру телефона',
    'Гнать надо всех мигрантов',
  ])('«%s» → illegal', (text) => {
    expect(flagged(text).has('illegal')).toBe(true);
  });
});

describe('insults without slurs', () => {
  it.each([
    'Ты овощ, с тобой бесполезно говорить',
    'Мэр наш — марионетка',
    'Этот болтун из управы опять врёт',
    'Сиди уже, убожество',
    'У вас мозги есть вообще?',
    'Иди в жопу со своими советами',
    'Ты гнилой человек',
    'Скинь фото в купальнике, красотка',
  ])('«%s» → insult', (text) => {
    expect(flagged(text).has('insult')).toBe(true);
  });
});

describe('adverts without links', () => {
  it.each([
    'Ремонт ноутбуков, пишите',
    'Звоните, Виктор, сантехник с опытом',
    'Подробности у меня в профиле',
    'Тг: @omsk_remont_pro, ремонт под ключ',
    'Доход от 50 000 без вложений, пишите',
  ])('«%s» → spam or advertising', (text) => {
    const c = flagged(text);
    expect(c.has('spam') || c.has('advertising')).toBe(true);
  });
});

describe('obscenity gaps', () => {
  it.each(['ёб твою мать', 'пздц, опять', 'ху-йня, а не ремонт', 'пи-з-дец', 'ну вы е-бан-утые', 'нах такие отписки'])('«%s» → obscenity', (text) => {
    expect(flagged(text).has('obscenity')).toBe(true);
  });
});

/** Ordinary municipal comments close to the rules: none of them is a violation. */
const HARD_NEGATIVES = [
  'Когда отремонтируют дорогу? Третью неделю яма',
  'Отопление включили, но батареи холодные',
  'Приду на приём к главе в четверг',
  'Мы придём к вам в администрацию с коллективным обращением',
  'Машина стоит во дворе третий месяц, брошенная',
  'Твоя машина во дворе перекрыла выезд, убери, пожалуйста',
  'В котельной взорвался котёл, весь квартал без отопления',
  'Можно ли сжечь листья на своём участке?',
  'Сжечь бы весь этот мусор, но нельзя',
  'Пока ждала в очереди, убила два часа',
  'Чтобы убить время, хожу в библиотеку',
  'Снег с крыши может убить, ограничьте проход',
  'Надо бить тревогу: школа разваливается',
  'Посадить бы их всех за растрату',
  'Снести бы эти гаражи и сделать парковку',
  'Вы ответите на мой вопрос?',
  'Вы ответите перед законом за бездействие',
  'Ждём гостей из администрации на субботнике',
  'Не знаю, где живёт наш депутат',
  'Сломал ногу на гололёде у поликлиники',
  'На этом льду можно ноги переломать',
  'Согласно правилам, оскорбления и угрозы удаляются',
  'Руководство департамента работает отвратительно',
  'Ноль реакции от администрации',
  'Тормоза у автобуса скрипят',
  'Курица в магазине подорожала',
  'Соль на тротуарах разъедает обувь',
  'Трава у подъезда не кошена',
  'Нашла в подъезде закладки, вызвала полицию',
  'Где получить медицинскую справку для водительских прав?',
  'Купила полис ОСАГО онлайн',
  'Как оформить социальную карту?',
  'В городе ходят фальшивые купюры, проверяйте сдачу',
  'Мигранты строят новую школу, быстро работают',
  'Горячая линия администрации: 8 (3812) 78-78-78, звонила',
  'Звоните в аварийную службу, они приедут',
  'Напишите в личку номер обращения, проверим',
  'Девушка в МФЦ очень помогла, спасибо',
  'Хочу записаться на приём, напишите, как',
  'Бляха-муха, опять снег',
  'Какой-то ремонт по-моему из-за дождя встал',
  'Ебург — третий город по размерам',
];

describe('hard negatives', () => {
  it.each(HARD_NEGATIVES)('«%s» is not a violation', (text) => {
    expect(classify(text).verdict).toBe('ok');
  });
});
