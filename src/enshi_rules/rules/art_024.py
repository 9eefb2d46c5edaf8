"""第二十四条 of the measures: the text of each 款/项 stands right above the rules that encode it.

Each record of ``inspections`` is one supervision activity; every finding here is against the
supervising side. Interpretations:

* （一） applies to on-site activities only (``on_site``). A supervisor who withdrew (回避) does not
  take part, so does not count toward the two; each supervisor taking part must show a certificate.
  A record that does not say whether the activity was on site (``on_site`` null) gives what would
  breach （一） as possible only, with the reason, and nothing as observed (A24-4).
* （二） a supervisor with an interest who stayed on the matter is a breach; one who withdrew shows
  the rule observed.
* （三） a matter involving a secret or privacy puts the duty of confidentiality on the organ; a
  recorded disclosure breaches it.
* （四） "其他依法应当遵守的规定" points to other law: not operative here.

The interpretive choices above are registered for legal review as A24-1, A24-2, A24-3, A24-4 in
``data/interpretations.yaml`` (docs/interpretations.md); change both together.
"""

from __future__ import annotations

from .._engine.rulebook import Duty, Fact, Outcome, Role, false, m, true
from ..facts.measures import InspectionSupervisor as Supervisor
from .kinds import INSPECTION

# 第二十四条
# 行政执法监督机关及其工作人员开展行政执法监督活动应当遵守下列规定：

# 第二十四条第（一）项
# （一）开展现场行政执法监督活动时，行政执法监督人员应当出示行政执法监督证件，且不得少于两人；


def takes_part(p: Supervisor) -> bool:
    """A supervisor who withdrew (回避) does not take part, so does not count toward the two (A24-1)."""
    return not p.withdrew


def showed_no_certificate(p: Supervisor) -> bool:
    """Each supervisor taking part must show a certificate (A24-1)."""
    return takes_part(p) and not p.certificate_shown


_ON_SITE = INSPECTION & true(m.on_site)
two = Duty(Role.SUPERVISING, _ON_SITE, prohibition=True)
certificates = Duty(Role.SUPERVISING, _ON_SITE)


@two.observed("art_024.p1.i1.at_least_two", m.acting >= 2)
def at_least_two(f: Fact) -> str:
    """现场行政执法监督活动的监督人员不少于两人的，认定“不得少于两人”的规定已遵守。"""
    return f"{f['record']}由{f['acting']}名行政执法监督人员开展，不少于两人。"


@two.violated("art_024.p1.i1.too_few_supervisors", m.acting < 2)
def too_few_supervisors(f: Fact) -> str:
    """现场行政执法监督活动的监督人员少于两人的，认定违反“不得少于两人”的规定。"""
    return f"{f['record']}只有{f['acting']}名行政执法监督人员参加（回避者不计），少于两人。"


@certificates.observed("art_024.p1.i1.certificates_shown", m.acting >= 1, m.uncertified == 0)
def certificates_shown(f: Fact) -> str:
    """现场行政执法监督活动中参加的监督人员均出示了监督证件的，认定出示证件义务已履行。"""
    return f"参加{f['record']}的行政执法监督人员均出示了行政执法监督证件。"


@certificates.violated("art_024.p1.i1.certificate_not_shown", m.uncertified > 0)
def certificate_not_shown(f: Fact) -> str:
    """现场行政执法监督活动中有监督人员未出示监督证件的，认定违反出示证件的规定。"""
    return f"{f['record']}中{'、'.join(f['uncertified_names'])}未出示行政执法监督证件。"


def site_decides(acting: int, uncertified: int) -> bool:
    """Whether an activity's record must say if it was on site: only when what it records would breach
    （一） on site, i.e. fewer than two took part or one did not show a certificate (A24-4)."""
    return acting < 2 or uncertified > 0


# A record that does not say whether the activity was 现场 (A24-4): （一） binds on-site activities only, so
# what would breach it is only possible, and says why; nothing is reported as observed.
_SITE_UNKNOWN = INSPECTION & true(m.site_unknown)
two_if_on_site = Duty(Role.SUPERVISING, _SITE_UNKNOWN, prohibition=True)
certificates_if_on_site = Duty(Role.SUPERVISING, _SITE_UNKNOWN)
_SITE_REASON = "记录未载明该监督活动是否为现场行政执法监督活动（第二十四条第（一）项只适用于现场监督）"


@two_if_on_site.violated("art_024.p1.i1.too_few_if_on_site", m.acting < 2)
def too_few_if_on_site(f: Fact) -> Outcome:
    """未载明是否现场的监督活动，参加的监督人员少于两人的，认定如为现场监督则违反“不得少于两人”的规定（可能违反）。"""
    return Outcome(
        f"{f['record']}只有{f['acting']}名行政执法监督人员参加（回避者不计），少于两人；如该活动为现场行政执法监督活动，"
        "则违反“不得少于两人”的规定。",
        possible=(_SITE_REASON,),
        interpretations=("A24-4",),
    )


@certificates_if_on_site.violated("art_024.p1.i1.certificate_not_shown_if_on_site", m.uncertified > 0)
def certificate_not_shown_if_on_site(f: Fact) -> Outcome:
    """未载明是否现场的监督活动，有监督人员未出示监督证件的，认定如为现场监督则违反出示证件的规定（可能违反）。"""
    return Outcome(
        f"{f['record']}中{'、'.join(f['uncertified_names'])}未出示行政执法监督证件；如该活动为现场行政执法监督活动，"
        "则违反出示证件的规定。",
        possible=(_SITE_REASON,),
        interpretations=("A24-4",),
    )


# 第二十四条第（二）项
# （二）行政执法监督人员与办理的监督事项有利害关系或者有其他情形可能影响公正处理的，应当回避；


def stayed_with_interest(p: Supervisor) -> bool:
    """A supervisor with an interest who stayed on the matter: a breach (A24-2)."""
    return takes_part(p) and p.conflict_of_interest


def withdrew_for_interest(p: Supervisor) -> bool:
    """A supervisor with an interest who withdrew: the rule observed (A24-2)."""
    return p.withdrew and p.conflict_of_interest


recusal = Duty(Role.SUPERVISING, INSPECTION)


@recusal.observed("art_024.p1.i2.withdrew", m.withdrew > 0, m.conflicted == 0)
def withdrew(f: Fact) -> str:
    """与监督事项有利害关系的监督人员已回避的，认定回避义务已履行。"""
    return f"{f['record']}中，与监督事项有利害关系的{'、'.join(f['withdrew_names'])}已回避。"


@recusal.violated("art_024.p1.i2.withdrawal_required", m.conflicted > 0)
def withdrawal_required(f: Fact) -> str:
    """与监督事项有利害关系或者可能影响公正处理的监督人员未回避的，认定违反回避规定。"""
    return f"{f['record']}中，{'、'.join(f['conflicted_names'])}与监督事项有利害关系或者有其他可能影响公正处理的情形，应当回避而未回避。"


# 第二十四条第（三）项
# （三）行政执法监督事项涉及国家秘密、商业秘密或者个人隐私的，行政执法监督机关及其工作人员应当依法予以保密；

secrecy = Duty(Role.SUPERVISING, INSPECTION & (m.confidential_count > 0))


@secrecy.binds("art_024.p1.i3.confidentiality", false(m.breached))
def confidentiality(f: Fact) -> str:
    """监督事项涉及国家秘密、商业秘密或者个人隐私的，认定监督机关及其工作人员应当依法予以保密。"""
    return f"{f['record']}的监督事项涉及{'、'.join(f['confidential'])}，监督机关及其工作人员应当依法予以保密。"


@secrecy.violated("art_024.p1.i3.confidentiality_breached", true(m.breached))
def confidentiality_breached(f: Fact) -> str:
    """监督事项涉及的国家秘密、商业秘密或者个人隐私被泄露的，认定违反保密义务。"""
    return f"{f['record']}的监督事项涉及{'、'.join(f['confidential'])}，有关内容被泄露，违反依法保密的义务。"
