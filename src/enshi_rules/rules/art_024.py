"""第二十四条　行政执法监督机关及其工作人员开展行政执法监督活动应当遵守下列规定：
　　（一）开展现场行政执法监督活动时，行政执法监督人员应当出示行政执法监督证件，且不得少于两人；
　　（二）行政执法监督人员与办理的监督事项有利害关系或者有其他情形可能影响公正处理的，应当回避；
　　（三）行政执法监督事项涉及国家秘密、商业秘密或者个人隐私的，行政执法监督机关及其工作人员应当依法予以保密；
　　（四）其他依法应当遵守的规定。

Each record of ``inspections`` is one supervision activity; every finding here is against the
supervising side. Interpretations:

* （一） applies to on-site activities only (``on_site``). A supervisor who withdrew (回避) does not
  take part, so does not count toward the two; each supervisor taking part must show a certificate.
* （二） a supervisor with an interest who stayed on the matter is a breach; one who withdrew shows
  the rule observed.
* （三） a matter involving a secret or privacy puts the duty of confidentiality on the organ; a
  recorded disclosure breaches it.
* （四） "其他依法应当遵守的规定" points to other law: not operative here.

The interpretive choices above are registered for legal review as A24-1, A24-2, A24-3 in
``data/interpretations.yaml`` (docs/interpretations.md); change both together.
"""

from __future__ import annotations

from .._engine.rulebook import Fact, Modality, Outcome, Role, m, rule

_ON_SITE = (m.kind == "inspection") & (m.on_site == True)  # noqa: E712

# （一）


@rule(
    "art_024.p1.i1.at_least_two",
    article=24, paragraph=1, item=1,
    modality=Modality.SHALL_NOT,
    subject=Role.SUPERVISING,
    when=_ON_SITE & (m.acting >= 2),
    summary="现场行政执法监督活动的监督人员不少于两人的，认定“不得少于两人”的规定已遵守。",
)
def at_least_two(f: Fact) -> Outcome:
    return Outcome(f"现场监督由{f['acting']}名行政执法监督人员开展，不少于两人。")


@rule(
    "art_024.p1.i1.too_few_supervisors",
    article=24, paragraph=1, item=1,
    modality=Modality.VIOLATION,
    subject=Role.SUPERVISING,
    when=_ON_SITE & (m.acting < 2),
    summary="现场行政执法监督活动的监督人员少于两人的，认定违反“不得少于两人”的规定。",
)
def too_few_supervisors(f: Fact) -> Outcome:
    return Outcome(f"现场监督只有{f['acting']}名行政执法监督人员参加（回避者不计），少于两人。")


@rule(
    "art_024.p1.i1.certificates_shown",
    article=24, paragraph=1, item=1,
    modality=Modality.SHALL,
    subject=Role.SUPERVISING,
    when=_ON_SITE & (m.acting >= 1) & (m.uncertified == 0),
    summary="现场行政执法监督活动中参加的监督人员均出示了监督证件的，认定出示证件义务已履行。",
)
def certificates_shown(f: Fact) -> Outcome:
    return Outcome("参加现场监督的行政执法监督人员均出示了行政执法监督证件。", performed=True)


@rule(
    "art_024.p1.i1.certificate_not_shown",
    article=24, paragraph=1, item=1,
    modality=Modality.VIOLATION,
    subject=Role.SUPERVISING,
    when=_ON_SITE & (m.uncertified > 0),
    summary="现场行政执法监督活动中有监督人员未出示监督证件的，认定违反出示证件的规定。",
)
def certificate_not_shown(f: Fact) -> Outcome:
    return Outcome(f"现场监督中{'、'.join(f['uncertified_names'])}未出示行政执法监督证件。")


# （二）


@rule(
    "art_024.p1.i2.withdrew",
    article=24, paragraph=1, item=2,
    modality=Modality.SHALL,
    subject=Role.SUPERVISING,
    when=(m.kind == "inspection") & (m.withdrew > 0) & (m.conflicted == 0),
    summary="与监督事项有利害关系的监督人员已回避的，认定回避义务已履行。",
)
def withdrew(f: Fact) -> Outcome:
    return Outcome(f"与监督事项有利害关系的{'、'.join(f['withdrew_names'])}已回避。", performed=True)


@rule(
    "art_024.p1.i2.withdrawal_required",
    article=24, paragraph=1, item=2,
    modality=Modality.VIOLATION,
    subject=Role.SUPERVISING,
    when=(m.kind == "inspection") & (m.conflicted > 0),
    summary="与监督事项有利害关系或者可能影响公正处理的监督人员未回避的，认定违反回避规定。",
)
def withdrawal_required(f: Fact) -> Outcome:
    return Outcome(f"{'、'.join(f['conflicted_names'])}与监督事项有利害关系或者有其他可能影响公正处理的情形，应当回避而未回避。")


# （三）


@rule(
    "art_024.p1.i3.confidentiality",
    article=24, paragraph=1, item=3,
    modality=Modality.SHALL,
    subject=Role.SUPERVISING,
    when=(m.kind == "inspection") & (m.confidential_count > 0) & (m.breached == False),  # noqa: E712
    summary="监督事项涉及国家秘密、商业秘密或者个人隐私的，认定监督机关及其工作人员应当依法予以保密。",
)
def confidentiality(f: Fact) -> Outcome:
    return Outcome(f"监督事项涉及{'、'.join(f['confidential'])}，监督机关及其工作人员应当依法予以保密。")


@rule(
    "art_024.p1.i3.confidentiality_breached",
    article=24, paragraph=1, item=3,
    modality=Modality.VIOLATION,
    subject=Role.SUPERVISING,
    when=(m.kind == "inspection") & (m.confidential_count > 0) & (m.breached == True),  # noqa: E712
    summary="监督事项涉及的国家秘密、商业秘密或者个人隐私被泄露的，认定违反保密义务。",
)
def confidentiality_breached(f: Fact) -> Outcome:
    return Outcome(f"监督事项涉及{'、'.join(f['confidential'])}，有关内容被泄露，违反依法保密的义务。")
