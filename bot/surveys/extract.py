"""Babel extractor for survey files, so translators see survey text in the
same ``.po`` catalogues as the rest of the interface.

Referenced from ``babel.cfg`` as ``bot.surveys.extract:extract_surveys``.
"""
from __future__ import annotations

from typing import IO, Iterator

import yaml

TEXT_FIELDS = {"title", "description", "label", "easy", "hint", "constraint_message"}


def _texts(node: yaml.Node, path: list[str], language: str) -> Iterator[tuple[int, str, str]]:
    if isinstance(node, yaml.MappingNode):
        for key_node, value in node.value:
            key = key_node.value
            if key in TEXT_FIELDS:
                if isinstance(value, yaml.ScalarNode) and value.value.strip():
                    yield value.start_mark.line + 1, value.value.strip(), ".".join(path + [key])
                elif isinstance(value, yaml.MappingNode):
                    for lang_node, text in value.value:
                        if lang_node.value == language and isinstance(text, yaml.ScalarNode):
                            yield text.start_mark.line + 1, text.value.strip(), ".".join(path + [key])
            else:
                yield from _texts(value, path + [_name(value) or str(key)], language)
    elif isinstance(node, yaml.SequenceNode):
        for index, child in enumerate(node.value, 1):
            yield from _texts(child, path[:-1] + [_name(child) or f"{path[-1] if path else 'item'}[{index}]"],
                              language)


def _name(node: yaml.Node) -> str | None:
    if isinstance(node, yaml.MappingNode):
        for key_node, value in node.value:
            if key_node.value == "name" and isinstance(value, yaml.ScalarNode):
                return value.value
    return None


def extract_surveys(fileobj: IO[bytes], keywords, comment_tags, options) -> Iterator:
    """Yield ``(line, None, text, [where])`` for every translatable survey text."""
    root = yaml.compose(fileobj.read().decode("utf-8"))
    if root is None:
        return
    language = "en"
    survey_id = "survey"
    if isinstance(root, yaml.MappingNode):
        for key_node, value in root.value:
            if key_node.value == "default_language":
                language = value.value
            if key_node.value == "id":
                survey_id = value.value
    for line, text, where in _texts(root, [survey_id], language):
        yield line, None, text, [f"survey {where}"]
