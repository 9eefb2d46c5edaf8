"""The 行业/系统 (line of work) of an organ or an enforcement action: a closed vocabulary.

第三条第一款 (工作部门对本系统) and 第五条第三款 (相关职能部门的行业监督) turn on whether two organs are of
one system, so the system cannot be free text: 市场监督管理 written for 市场监管 would silently break
the relation. Each value is one of :data:`SYSTEMS` (the canonical names) or one of its aliases,
and is stored as the canonical name; anything else is a validation problem that lists the allowed
values. A registry file or a case document may add systems and aliases (``"systems": {"名称":
["别名", ...]}``); the built-in ones cannot be redefined. A missing system is not an error: where a
relation turns on it, the report names it as a missing fact (A03-6).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from pydantic import ValidationInfo
from pydantic_core import PydanticCustomError

__all__ = ["SYSTEMS", "canonical_system", "system_vocabulary"]

#: Canonical name -> aliases, for the departments of a 州 or 县（市） government that enforce law,
#: and the vertically managed lines (税务、海关、金融监管 …, 第二条第二款).
SYSTEMS: dict[str, tuple[str, ...]] = {
    "市场监管": ("市场监督管理", "市场监管局", "市场监督管理局", "工商", "质监", "食品药品监管"),
    "自然资源": ("自然资源和规划", "自然资源规划", "国土资源", "国土"),
    "交通运输": ("交通",),
    "生态环境": ("环境保护", "环保"),
    "农业农村": ("农业", "农业农村局"),
    "卫生健康": ("卫生健康委", "卫健", "卫生"),
    "司法行政": ("司法",),
    "住房城乡建设": ("住房和城乡建设", "住建"),
    "城市管理": ("城管", "城市管理执法", "综合执法"),
    "文化旅游": ("文化和旅游", "文旅", "文化市场"),
    "应急管理": ("应急", "安全生产"),
    "水利": ("水利局", "水务"),
    "林业": ("林业局", "园林"),
    "教育": ("教育局",),
    "人力资源社会保障": ("人力资源和社会保障", "人社"),
    "民政": ("民政局",),
    "公安": ("公安局",),
    "商务": ("商务局",),
    "医疗保障": ("医保",),
    "发展改革": ("发展和改革", "发改"),
    "财政": ("财政局",),
    "统计": ("统计局",),
    "民族宗教": ("民族宗教事务", "民宗"),
    "退役军人事务": ("退役军人",),
    "人民防空": ("人防",),
    "广播电视": ("广电",),
    "体育": ("体育局",),
    "药品监管": ("药品监督管理",),
    "消防救援": ("消防",),
    "税务": ("税务局",),
    "海关": (),
    "金融监管": ("金融监督管理", "银保监"),
    "烟草专卖": ("烟草",),
    "气象": (),
    "邮政": (),
}


def system_vocabulary(extra: Mapping[str, Iterable[str]] | None = None) -> dict[str, str]:
    """Every accepted spelling -> its canonical name (the built-in systems plus ``extra``)."""
    out: dict[str, str] = {}
    for name, aliases in SYSTEMS.items():
        out[name] = name
        for a in aliases:
            out[a] = name
    for name, aliases in (extra or {}).items():
        out.setdefault(name, name)
        for a in aliases:
            out.setdefault(a, out[name])
    return out


def canonical_system(value: str, vocabulary: Mapping[str, str] | None = None) -> str:
    """The canonical name of ``value``; ``PydanticCustomError`` listing the allowed values if unknown."""
    vocab = vocabulary if vocabulary is not None else system_vocabulary()
    found = vocab.get(value.strip())
    if found is None:
        allowed = "、".join(sorted(set(vocab.values())))
        raise PydanticCustomError(
            "system_unknown",
            "unknown system (行业/系统) '{value}': use one of {allowed}, or add it under 'systems' in a registry file",
            {"value": value, "allowed": allowed, "zh": f"行业/系统“{value}”不在词表中，可选：{allowed}（或在名录文件的 systems 中增加）"},
        )
    return found


def validate_system(value: Any, info: ValidationInfo) -> Any:
    """The field validator of ``Organ.system`` and ``EnforcementAction.system``."""
    if value is None:
        return None
    vocab = (info.context or {}).get("systems") if info is not None else None
    return canonical_system(value, vocab)
