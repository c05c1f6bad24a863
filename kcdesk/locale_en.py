"""English translations of the core's Vietnamese messages (source text -> English).

tests/test_i18n.py checks that every translation keeps its source's {placeholders}.
"""

EN: dict[str, str] = {
}
