"""The JSON document of a Work, and its JSON Schema (generated from the data model itself)."""

from __future__ import annotations

import dataclasses
import json
import types
import typing
from typing import Any

from fandex.work import LATER_LAYERS, LAYERS, LAYERS_WITH_TEXT, SCHEMA_VERSION, Metadata, Work


def dumps(work: Work, indent: int | None = None) -> str:
    return json.dumps(work.to_dict(), ensure_ascii=False, indent=indent)


def loads(document: str) -> Work:
    return Work.from_dict(json.loads(document))


def schema() -> dict[str, Any]:
    """JSON Schema (draft 2020-12) of ``Work.to_dict()``."""
    layer_properties: dict[str, Any] = {}
    for name, item_type in LAYERS.items():
        item_schema = _dataclass_schema(item_type)
        if name in LAYERS_WITH_TEXT:
            item_schema["properties"]["text"] = {"type": "string"}
            item_schema["required"].append("text")
        layer_properties[name] = {"type": "array", "items": item_schema}
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "fandex analysis of one work",
        "type": "object",
        # A later layer is optional, so that the documents written before it stay valid.
        "required": ["schema_version", "text", "metadata", *(n for n in LAYERS if n not in LATER_LAYERS)],
        "properties": {
            "schema_version": {"const": SCHEMA_VERSION},
            "source": {"type": ["string", "null"]},
            "source_format": {"type": ["string", "null"]},
            "text": {"type": "string"},
            "words": {"type": "integer"},
            "metadata": _dataclass_schema(Metadata),
            **layer_properties,
        },
        "additionalProperties": False,
    }


def _dataclass_schema(cls: type) -> dict[str, Any]:
    hints = typing.get_type_hints(cls)
    fields = dataclasses.fields(cls)
    return {
        "type": "object",
        "properties": {f.name: _type_schema(hints[f.name]) for f in fields},
        "required": [f.name for f in fields],
        "additionalProperties": False,
    }


def _type_schema(hint: Any) -> dict[str, Any]:
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        return {"anyOf": [_type_schema(arg) for arg in typing.get_args(hint)]}
    if origin is typing.Literal:
        return {"enum": list(typing.get_args(hint))}
    if origin is list:
        (item,) = typing.get_args(hint)
        return {"type": "array", "items": _type_schema(item)}
    if origin is dict:
        _, value = typing.get_args(hint)
        return {"type": "object", "additionalProperties": _type_schema(value)}
    if dataclasses.is_dataclass(hint):
        return _dataclass_schema(hint)
    simple = {str: "string", int: "integer", float: "number", bool: "boolean", type(None): "null"}
    if hint in simple:
        return {"type": simple[hint]}
    raise TypeError(f"no JSON Schema for {hint!r}")
