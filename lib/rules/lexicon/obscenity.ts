import type { Lexicon } from './schema';

/**
 * Obscene roots (App. 2 §15: «нецензурные выражения»). Endings are listed where a bare root would catch
 * ordinary words: еб- must not fire on хлеб, себе, дебаты, Себастьян; ху- not on тихую, хулиган.
 */
export const obscenityLexicon = {
  id: 'obscenity',
  groups: [
    {
      tag: 'obscene',
      conf: 0.95,
      words: [
        '~пизд',
        '~пезд',
        '~писд',
        '~йоб',
        '~ху(й|я|е|ю|и$|ил|иня|изм|ищ|ит|ли$)',
        '~еб(ал|ан|ат|аш|ак|аль|ай|ыв|ет|еш|ен|ень|ут|ук|ун|уч|ущ|у$|ыр|ок|ош|ло$|ла$|лу$|лом|лан|ля|лищ|ну|нут|н|и$|ись|ит|ите$|ич|ище|он)',
        'долбоеб',
        'долбаеб',
        'мудоеб',
        'пиздоеб',
        '~бля($|д|т)',
        '~муд(ак|ач|ил|озв|охат|оха|ень|зв)',
        'манд(а$|ы$|е$|у$|ой$|ав|еж|ищ|юк)',
        '~залуп',
        // Short and consonant-only forms («ёб твою», «пздц»): App. 2 §15 names abbreviated obscenity.
        'еб$', 'ебт$', 'епт(а$|$)', 'ипат(ь$)', 'ипану', 'пздц', 'пзд$', 'нхй$', 'нах$', 'блеать$',
      ],
    },
    {
      // Rude but not obscene in the legal sense (хер, говно, жопа): shown to the moderator as a hint,
      // below the verdict threshold, because App. 2 §15 names obscene language, not rudeness.
      tag: 'obscene-mild',
      conf: 0.45,
      words: [
        '~хер($|а$|у$|ом$|ня|ни|ов|ач|ь|ет|ел|ас)',
        'сук(а$|и$|у$|ой$|е$|ам$|ами$|ин)',
        'сучар',
        '~говн',
        '~дерьм',
        'жоп',
        'задниц',
        'хрен($|а$|у$)',
        '~сра(л$|ла$|ли$|ло$|ть$|ка$|ку$)',
        '~гавн',
        '~дроч',
        'обосан',
        'обосра',
        'ссыкл',
        'мля$',
        '~сран(ый|ая|ое|ые|ых|ую)',
      ],
    },
  ],
} satisfies Lexicon;
