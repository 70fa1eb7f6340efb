"""The hand-written risk patterns on their own (no model): what they must catch, and what not."""
import pytest

from bot.safeguarding.detector import check


@pytest.mark.parametrize("text, reason", [
    # Typed in Latin letters, as many Urdu, Punjabi, Arabic and Kurdish speakers text.
    ("bas aaj raat khudkushi kar lunga", "suicide"),
    ("mainu marna chahunda, koi faida nahi", "suicide"),
    ("wallah bdi mout, ma b2a fiyyi", "suicide"),
    ("xom bkujm emshaw", "suicide"),
    # Vietnamese with and without its marks.
    ("tối nay khoá cửa xong là tao tự tử", "suicide"),
    ("toi muon tu tu", "suicide"),
    ("i keep cutting myself again", "self_harm"),
])
def test_patterns_catch_disclosures(text, reason):
    result = check([text], None)[0]
    assert result.urgent and reason in result.reasons


@pytest.mark.parametrize("text", [
    "video calls keep cutting out after 5 minutes",
    "em muốn giảm methadone từ từ, hỏi ai được ạ?",  # "slowly", not "suicide"
    "đau răng muốn chết, cần nha sĩ",  # "it hurts to death": toothache
    "dau rang muon chet, gui app may tuan roi",
])
def test_patterns_are_not_fooled(text):
    assert check([text], None)[0].urgent is False
