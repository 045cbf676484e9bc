"""Tests for dateline.ingest.language: stopword profiles and scripts, no model."""

from __future__ import annotations

import pytest

from dateline.ingest.language import detect_language


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("The ferry company said on Monday that services would resume after the storm had passed.", "en"),
        ("La compagnie de ferry a annoncé lundi que les traversées reprendraient après la tempête.", "fr"),
        ("Die Fährgesellschaft teilte am Montag mit, dass der Betrieb nach dem Sturm wieder aufgenommen wird.", "de"),
        ("La compañía de ferris dijo el lunes que los servicios se reanudarán después de la tormenta.", "es"),
        ("La compagnia dei traghetti ha detto che il servizio riprenderà dopo la tempesta, secondo i dati.", "it"),
        ("A empresa de balsas disse na segunda-feira que os serviços serão retomados após a tempestade.", "pt"),
        ("De veerdienst zei maandag dat de diensten na de storm weer worden hervat.", "nl"),
        ("Sinabi ng kompanya ng barko noong Lunes na babalik ang mga biyahe pagkatapos ng bagyo.", "tl"),
        ("Perusahaan feri itu mengatakan pada hari Senin bahwa layanan akan dibuka kembali setelah badai.", "id"),
        ("Feribot şirketi pazartesi günü yaptığı açıklamada seferlerin fırtınadan sonra yeniden başlayacağını "
         "ve bu kararın yolcular için iyi olduğunu söyledi.", "tr"),
        ("Firma promowa poinformowała w poniedziałek, że rejsy zostaną wznowione po burzy, ale nie od razu.", "pl"),
        ("Färjebolaget sade på måndagen att trafiken kommer att återupptas när stormen har passerat.", "sv"),
        ("Compania de feriboturi a anunțat luni că serviciile vor fi reluate după ce furtuna se va încheia.", "ro"),
        ("Công ty phà cho biết vào thứ Hai rằng các chuyến đi sẽ được nối lại sau khi cơn bão đi qua.", "vi"),
        ("قالت شركة العبارات يوم الاثنين إن الخدمات ستستأنف بعد العاصفة", "ar"),
        ("Паромная компания заявила в понедельник, что рейсы возобновятся после шторма.", "ru"),
        ("渡轮公司周一表示，风暴过后将恢复服务。", "zh"),
        ("フェリー会社は月曜日、嵐の後に運航を再開すると発表した。", "ja"),
        ("", "und"),
        ("2024 — 17:30", "und"),
        ("Xqzt vlorp brindle", "und"),
    ],
    ids=["en", "fr", "de", "es", "it", "pt", "nl", "tl", "id", "tr", "pl", "sv", "ro", "vi", "ar", "ru", "zh", "ja",
         "empty", "no-words", "gibberish"],
)
def test_detect_language(text, code):
    assert detect_language(text) == code


def test_english_with_foreign_names_stays_english():
    text = "Prime Minister Mohammed Shia al-Sudani met officials in Baghdad and said the talks would continue."
    assert detect_language(text) == "en"


def test_stopword_share_counts_every_occurrence_of_a_repeated_word():
    from collections import Counter

    from dateline.ingest.language import _coverage

    words = ["the", "council", "said", "the", "vote", "on", "the", "budget", "was", "the", "first", "since",
             "the", "flood"]
    stops = frozenset({"the", "on", "was"})
    assert _coverage(Counter(words), len(words), stops) == sum(w in stops for w in words) / len(words) == 7 / 14
