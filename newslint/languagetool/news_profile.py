"""The news profile: LanguageTool rules that are off by default, switched on for news copy.

LanguageTool leaves about 200 English rules off because they are noisy in general text.
``benchmarks/languagetool_optin_survey.py`` runs every one of them over 817,000 words of
edited BBC copy and over LanguageTool's own correct example sentences; :func:`select` keeps
the ones that stayed quiet there (edited copy, so almost every match is a false alarm):

- grammar, typo and confusion rules: at most 2 matches per 100,000 words, at most 2 correct
  examples flagged;
- wordiness and style advice (reported as info): at most 1 per 100,000 words and 1 example;

minus :data:`EXCLUDED`, rules whose matches on the BBC contradict news conventions.
Picky-only rules are not candidates: LanguageTool runs them only at level "picky".
``[rules.languagetool] profile = "languagetool"`` turns the profile off.
"""

from __future__ import annotations

from typing import Iterable, Mapping

GRAMMAR_CATEGORIES = {"GRAMMAR", "TYPOS", "CONFUSED_WORDS", "COLLOCATIONS", "SEMANTICS", "NONSTANDARD_PHRASES"}
STYLE_CATEGORIES = {"PLAIN_ENGLISH", "REDUNDANCY", "STYLE"}
MAX_PER_100K = {"grammar": 2.0, "style": 1.0}
MAX_CORRECT = {"grammar": 2, "style": 1}

# select() over benchmarks/results/languagetool_optin_survey.tsv (LanguageTool 6.8, 2,127 BBC articles)
NEWS_RULES: tuple[str, ...] = (
    "ABUNDANCE", "ACCENTUATE", "ACCOMMODATION", "ACCOMPLISH", "ACCRUE",
    "ADVERB_WORD_ORDER_10_TEMP", "AGREEMENT_THEIR_HIS", "ALLOW_TO", "ALL_THINGS_CONSIDERED",
    "ALONG_THE_LINES_OF", "ALSO_SENT_END", "APPLE_A_DAY", "ARE_ABLE_TO", "AS_A_MATTER_OF_FACT",
    "AS_PER", "AT_ALL_TIMES", "AT_YOUR_EARLIEST_CONVENIENCE", "A_INFINITIVE",
    "BARE_INFINITIVE_VERB_PRP_VBZ", "BECAUSE", "BELATED", "BEST_EVER", "BLEND_TOGETHER",
    "BRIEF_MOMENT", "BY_MEANS_OF", "CANT_HELP_BUT", "COLLOCATION_ERRORS_BOKOMARU",
    "COMPARISONS_AS_ADJECTIVE_AS", "COMPOUND_POSSESSIVE_I", "CONFUSION_OF_ME_I", "CURRENTLY",
    "DATE_FUTURE_VERB_PAST", "DATE_FUTURE_VERB_PAST_US", "DID_BASEFORM", "DOUBLE_NEGATIVE",
    "DRAW_ATTENTION", "DT_DT", "DT_NNS_AGREEMENT", "DUE_TO_THE_FACT", "EACH_AND_EVERY_NOUN",
    "FLASHPOINT", "FOR_ALL_INTENTS_AND_PURPOSES", "FOR_THE_MOST_PART", "FOR_THE_PURPOSE_OF",
    "GOT_IT_DONE", "HAD_VBP", "HAVE_A_TENDENCY", "HAVE_NOT_VBG", "HAVE_THE_ABILITY_TO",
    "HE_AND_ME", "HE_QUESTION", "HOW_IS_ARE", "IN_A_MANNER_OF_SPEAKING", "IN_A_VERY_REAL_SENSE",
    "IN_MY_OPINION", "IN_THE_AFFIRMATIVE", "IN_THE_CASE_OF", "IN_THE_EVENT",
    "IN_THE_FINAL_ANALYSIS", "IN_THE_NATURE_OF", "IN_THE_NEIGHBORHOOD_OF",
    "IRREGULAR_PAST_PARTICIPLES", "IT_IS", "I_VE_A", "LOOK_FORWARD_NOT_FOLLOWED_BY_TO",
    "LOOK_SLIKE", "MAKE_AN_ATTEMPT", "MAKE_DECISIONS_ABOUT", "MUCH_MONEY", "NOT_ABLE",
    "NOT_CERTAIN", "NOT_MANY", "NOT_THE_SAME", "NOT_UNLIKE", "NOT_VERY_OFTEN", "NOW",
    "ONE_OF_THE_KIND", "ON_THE_OCCASION_OF", "ON_TWO_SEPARATE_OCCASIONS",
    "PLURAL_THAT_WHICH_WHO_AGREEMENT", "PREPOSITION_VERB", "PRINCIPA_PRINCIPL", "PRP_PAST_PART",
    "PRP_THE", "PUNCT_WH_AGREEMENT", "QUALITY_PARTITIVE_SINGULAR", "QUESTION_X_WHETHER",
    "REFERRING_BACK", "REGARD_AS_BEING", "SINGULAR_NOUN_THAT_AGREEMENT", "SOLICIT_FOR",
    "SOONER_RATHER_THAN_LATER", "STATE-OF-THE-ART", "SV_AGREEMENT_CLAUSES_PLURAL",
    "SV_AGREEMENT_CLAUSES_SINGULAR", "TAKE_ACTION_TO", "TALK_NO_PREP", "TELL_X_TO_DO",
    "THAT_EXISTS", "THE_TRUTH_OR_FACT_IS", "THE_UNDERSIGNED", "THE_WORSE_OF", "THIS_ALL",
    "TO_TOO", "TYPO_AN_AND", "TYPO_AS_HAS_WAS", "TYPO_ID_IF", "TYPO_OR_OF", "TYPO_THEY_S",
    "UNTIL_SUCH_TIME_AS", "VBP_VBP", "VERB_HERE_SINCE", "VERY_SMALL_TINY",
    "WHAT_I_MEAN_TO_SAY_IS_THAT", "WHOS", "WH_PHRASE_AGREEMENT", "WORLD_AROUND_IT",
    "YOU_ARE_REQUESTED", "in_excess_of",
)

EXCLUDED: dict[str, str] = {
    "MASS_AGREEMENT": "British news writes collective nouns with plural verbs ('Labour say', 'the band play')",
    "AGREEMENT_SENT_START": "titles of works take singular verbs ('The Producers was named best musical')",
    "SINGULAR_NOUN_THAT_PLURAL_VERB": "collective nouns with plural verbs are British usage ('Bulgaria are the one nation who seem')",
    "SINGULAR_THAT_WHICH_WHO_AGREEMENT": "collective nouns with plural verbs are British usage",
    "PASSIVE_VOICE": "reporting passives are normal in news ('is said to', 'was found')",
    "PASSIVE_VOICE_SIMPLE": "reporting passives are normal in news",
    "SENT_START_NUM": "names such as 50 Cent and 19 Management start sentences",
    "HOPEFULLY": "sentence adverb 'hopefully' is accepted usage, mostly in quotes",
    "GONNA_TEMP": "informal speech is quoted as spoken",
    "PROFANITY_XML": "quotes are reported as spoken",
    "PROFANITY_TYPOS": "quotes are reported as spoken",
    "CHILDISH_LANGUAGE": "quotes are reported as spoken",
    "GOOD_FLUCK": "quotes are reported as spoken",
    "OXFORD_NEW_CLAUSE": "serial-comma choice is house style",
    "CAN_NOT": ("'can not' or 'cannot' is house style: dictionaries give both, and the annotators of JFLEG and "
                "CoNLL-2014 kept 'can not' in 124 of 136 corrections of sentences that had it"),
    "ACCEDE_TO": "states accede to treaties and organisations: accession stories use it correctly",
}


def select(rows: Iterable[Mapping[str, str]]) -> tuple[str, ...]:
    """The profile from survey rows (rule, category, kind, bbc_per_100k_words, correct_examples)."""
    chosen = []
    for row in rows:
        family = "grammar" if row["category"] in GRAMMAR_CATEGORIES else "style" if row["category"] in STYLE_CATEGORIES else None
        if family is None or row["kind"] != "off" or row["rule"] in EXCLUDED:
            continue
        if float(row["bbc_per_100k_words"]) <= MAX_PER_100K[family] and int(row["correct_examples"]) <= MAX_CORRECT[family]:
            chosen.append(row["rule"])
    return tuple(sorted(chosen))
