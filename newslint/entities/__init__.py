"""Organisation knowledge and evidence behind the entity rules (EN001, EN002).

The knowledge base is YAML in ``rules/entities/`` (organisations, confusable groups, cues,
title holders with terms of office), read once per process (``kb``). One left-to-right pass
of a word-start scanner (``scanner``) finds the organisations' names and another finds the
cues and people (``evidence``); each name of an organisation A is then scored against each
rival B of its groups (``scoring``). A name is flagged when the margin reaches the threshold
and the local evidence itself leans to B, partly by content (treaty, organ, topic) rather
than names: more strongly if both are named in the sentence, with content in the sentence
itself if B's title holder is there (they may speak about anything), and never for a bare
membership ("Turkey, a NATO member") with nothing against it, unless the membership is worded
as B's ("NATO member states"). Words of a name are not cues ("Health" in "World Health
Organisation"). Coordinated, contrasted or spelt-out names ("NATO and the EU", "the European
Union (EU)") are never flagged; a name glossed with a rival's abbreviation ("World Bank
(IMF)") is (``placement``). ``messages`` words the findings; ``titles`` reads which
organisation's title a person is given (EN002).
"""
