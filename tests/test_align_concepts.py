"""Month and weekday names and the names of units of time and length as shared features
(:mod:`tqcheck.align.concepts`): ``Juli`` meets ``juillet``, ``Stunden`` meets ``heures``,
through CLDR's names in each language."""
from __future__ import annotations

from collections import Counter

import pytest

from tqcheck.align import concepts
from tqcheck.align.concepts import concept_features, concept_words

from shared_words import pair_sharing, placed_right, unlinked_sources


def test_concept_words_come_from_cldr():
    de, fr, tr = concept_words("de"), concept_words("fr"), concept_words("tr")
    assert de["juli"] == fr["juillet"] == tr["temmuz"] == "month-7"
    assert de["sonntag"] == fr["dimanche"] == "weekday-6"
    assert de["stunden"] == fr["heures"] == "duration-hour"
    assert de["tage"] == fr["jours"] == "duration-day"
    # abbreviations are words of their own ("sept" is seven in French)
    assert "sept" not in fr and "jul" not in de
    assert concept_words("xx") == {} and concept_words(None) == {}


def test_concept_features_allow_a_short_ending():
    assert concept_features(["Vor zwei Jahren , am Sonntag"], "de") == [
        Counter({"C:duration-year": 1, "C:weekday-6": 1})]
    assert concept_features(["nichts"], "de") is None


# names that share no character trigram with their translation (months mostly do: Juli / juillet)
_DE = ["Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag", "Stunde", "Tag",
       "Woche", "Jahre", "Monat", "Jahrhundert", "Jahrzehnt"]
_FR = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche", "heure", "jour",
       "semaine", "ans", "mois", "siècle", "décennie"]


def _pair(seed: int):
    """Fourteen sentences that share nothing but one weekday or unit name, German in the
    source, French in the target."""
    return pair_sharing(_DE, _FR, seed)


@pytest.mark.parametrize("seed", range(4))
def test_day_and_unit_names_place_an_omission(seed):
    src, tgt = _pair(seed)
    k = 4 + 2 * seed
    assert unlinked_sources(src, tgt, k, "de", "fr") == [(k,)]


def test_without_the_names_the_omission_is_placed_by_chance(monkeypatch):
    monkeypatch.setattr(concepts, "concept_features", lambda texts, lang: None)
    assert placed_right(_pair) <= 1
