"""YAML for files users and KB authors write: scenarios, case files, org charts, labels.

On top of PyYAML's safe loader (libyaml's when available):

* aliases (``*name``) may not expand a document beyond a bound proportional to its own size,
  and may not refer to themselves: a "billion laughs" file of a few hundred bytes is refused
  at once, before anything walks the structure it would expand into;
* a key given twice in one mapping is an error naming the key and both lines, rather than the
  last one silently winning;
* a date that is none (``2024-02-30``) is its text, for the field's own check to name, rather
  than PyYAML's ValueError.

Errors are :class:`YamlInputError`, a ``yaml.MarkedYAMLError`` (so code that reports
``problem`` and ``problem_mark`` keeps working) that also carries its message in Chinese and
English (``messages``) and its line (``line``).
"""

from __future__ import annotations

from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, SequenceNode

_Base: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

#: Aliases may add at most this many nodes, or as many as the document has, whichever is more.
MIN_ALIAS_BUDGET = 10_000


class YamlInputError(yaml.MarkedYAMLError):
    """A YAML file that parses but is refused: duplicate keys, aliases expanding too far."""

    def __init__(self, messages: dict[str, str], mark: Any = None):
        super().__init__(problem=messages["en"], problem_mark=mark)
        self.messages = messages
        self.line = mark.line + 1 if mark is not None else None

    def __str__(self) -> str:
        return self.messages["en"] + (f" (line {self.line})" if self.line else "")


def _check_expansion(root: Node) -> None:
    """Refuse a node graph whose aliases expand it beyond the bound, or that contains itself.

    Linear in the number of distinct nodes: each node's expanded size is computed once."""
    size: dict[int, int] = {}
    on_path: set[int] = set()
    distinct = 0
    stack: list[tuple[Node, bool]] = [(root, False)]
    while stack:
        node, done = stack.pop()
        key = id(node)
        if done:
            on_path.discard(key)
            children = _children(node)
            size[key] = 1 + sum(size[id(c)] for c in children)
            continue
        if key in size:
            continue
        if key in on_path:
            raise YamlInputError({"zh": "别名（*名称）引用了包含它自身的结构，展开后无穷无尽",
                                  "en": "an alias (*name) refers to a structure that contains it: it would expand forever"},
                                 node.start_mark)
        on_path.add(key)
        distinct += 1
        stack.append((node, True))
        for child in _children(node):
            if id(child) in on_path:
                raise YamlInputError({"zh": "别名（*名称）引用了包含它自身的结构，展开后无穷无尽",
                                      "en": "an alias (*name) refers to a structure that contains it: it would expand forever"},
                                     child.start_mark)
            if id(child) not in size:
                stack.append((child, False))
    total = size[id(root)]
    budget = max(MIN_ALIAS_BUDGET, distinct)
    if total - distinct > budget:
        raise YamlInputError({"zh": f"别名（*名称）展开后有 {total} 个节点，超过上限（文件本身只有 {distinct} 个）；请直接写出内容",
                              "en": f"aliases (*name) expand the document to {total} nodes, beyond the limit "
                                    f"(the file itself has {distinct}); write the content out"},
                             root.start_mark)


def _children(node: Node) -> list[Node]:
    if isinstance(node, SequenceNode):
        return list(node.value)
    if isinstance(node, MappingNode):
        return [n for pair in node.value for n in pair]
    return []


class Loader(_Base):  # type: ignore[misc, valid-type]
    """The safe loader, with bounded aliases and no duplicate keys."""

    def construct_document(self, node: Node) -> Any:
        _check_expansion(node)
        return super().construct_document(node)

    def construct_mapping(self, node: Node, deep: bool = False) -> Any:
        if isinstance(node, MappingNode):
            seen: dict[Any, int] = {}
            for key_node, _ in node.value:
                if key_node.tag == "tag:yaml.org,2002:merge" or not isinstance(key_node, yaml.ScalarNode):
                    continue
                key = self.construct_object(key_node, deep=True)
                try:
                    first = seen.get(key)
                except TypeError:
                    continue
                line = key_node.start_mark.line + 1
                if first is not None:
                    raise YamlInputError({"zh": f"键 {key} 重复（第 {first} 行已有）",
                                          "en": f"duplicate key '{key}' (already on line {first})"},
                                         key_node.start_mark)
                seen[key] = line
        return super().construct_mapping(node, deep=deep)

    def construct_timestamp_or_text(self, node: Node) -> Any:
        """A YAML date or time, or, where it names none (2024-02-30, 25:00), its text: the
        field it stands in says what is wrong with it (a scenario's date: invalid_date),
        rather than the loader failing inside PyYAML."""
        try:
            return self.construct_yaml_timestamp(node)
        except (ValueError, OverflowError):
            return self.construct_scalar(node)


Loader.add_constructor("tag:yaml.org,2002:timestamp", Loader.construct_timestamp_or_text)


def _too_deep(exc: yaml.YAMLError) -> None:
    """libyaml's own bound on nesting, said as the pure-Python loader's RecursionError is."""
    if "maximum nesting depth" in str(getattr(exc, "problem", "") or ""):
        raise YamlInputError({"zh": "嵌套过深", "en": "nested too deeply"},
                             getattr(exc, "problem_mark", None)) from None


def load(text: str) -> Any:
    """The one document in ``text``."""
    try:
        return yaml.load(text, Loader=Loader)
    except yaml.YAMLError as exc:
        _too_deep(exc)
        raise


def load_all(text: str) -> list[Any]:
    """Every document in ``text``."""
    try:
        return list(yaml.load_all(text, Loader=Loader))
    except yaml.YAMLError as exc:
        _too_deep(exc)
        raise
