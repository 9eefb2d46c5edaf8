"""The workbench in a real browser, the way a legal officer uses it.

Debian's headless Chromium (``chromium``, ``chromium-driver``, ``fonts-noto-cjk``; ``.ci/run``
installs them) driven by Selenium, with the driver at ``/usr/bin/chromedriver`` (nothing downloaded).
The test opens 第二十七条, searches for 27.2, fills the guided form with the overdue example
(``examples/overdue_decision.json``) by keyboard, submits it, and checks the findings and the chart.
Screenshots go to ``build/screenshots/`` (ignored by git), or to ``$ENSHI_RULES_SCREENSHOTS``.

Without the browser the test is skipped, except in CI (``CI`` set), where it must run.
"""

from __future__ import annotations

import base64
import json
import os
import shutil
import tempfile
from pathlib import Path

import pytest

CHROMIUM = os.environ.get("ENSHI_RULES_CHROMIUM", "/usr/bin/chromium")
CHROMEDRIVER = os.environ.get("ENSHI_RULES_CHROMEDRIVER", "/usr/bin/chromedriver")
SHOTS = Path(os.environ.get("ENSHI_RULES_SCREENSHOTS") or Path(__file__).resolve().parents[2] / "build" / "screenshots")

_missing = [p for p in (CHROMIUM, CHROMEDRIVER) if not Path(p).is_file()]
if _missing and not os.environ.get("CI"):
    pytest.skip(f"no headless Chromium here ({', '.join(_missing)}); .ci/run installs it", allow_module_level=True)

webdriver = pytest.importorskip("selenium.webdriver", reason="selenium (test extra)")
from selenium.webdriver.chrome.service import Service  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.common.keys import Keys  # noqa: E402
from selenium.webdriver.support import expected_conditions as EC  # noqa: E402
from selenium.webdriver.support.ui import Select, WebDriverWait  # noqa: E402


@pytest.fixture(scope="module")
def browser():
    profile = tempfile.mkdtemp(prefix="enshi-chromium-")
    opts = webdriver.ChromeOptions()
    opts.binary_location = CHROMIUM
    for flag in (
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
        "--lang=zh-CN",
        "--window-size=1280,1600",
        f"--user-data-dir={profile}",
    ):
        opts.add_argument(flag)
    os.environ.setdefault("SE_OFFLINE", "true")  # Selenium Manager must not look for a driver online
    driver = webdriver.Chrome(service=Service(executable_path=CHROMEDRIVER), options=opts)
    driver.set_page_load_timeout(60)
    try:
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


def _shot(driver, name: str, full: bool = True) -> Path:
    SHOTS.mkdir(parents=True, exist_ok=True)
    path = SHOTS / f"{name}.png"
    if full:  # the whole page, not only the window
        height = driver.execute_script("return document.documentElement.scrollHeight")
        driver.set_window_size(1280, min(max(int(height), 800), 8000))
    driver.save_screenshot(str(path))
    driver.set_window_size(1280, 1600)
    return path


def _type(driver, name: str, text: str) -> None:
    el = driver.find_element(By.NAME, name)
    el.clear()
    el.send_keys(text)


def _date(driver, name: str, iso: str) -> None:
    """Type a date into <input type=date> as a person does: the digits, in the browser's field order."""
    el = driver.find_element(By.NAME, name)
    y, m, d = iso.split("-")
    el.click()
    el.send_keys(y + Keys.TAB + m + Keys.TAB + d if _ymd_order(driver) else m + d + y)
    assert el.get_attribute("value") == iso, f"{name}: typed {iso}, the field holds {el.get_attribute('value')!r}"


def _ymd_order(driver) -> bool:
    return bool(driver.execute_script("return new Intl.DateTimeFormat().formatToParts(new Date(2025,0,2))[0].type === 'year'"))


def _choose(driver, name: str, value: str) -> None:
    Select(driver.find_element(By.NAME, name)).select_by_value(value)


def test_article_27_page(browser, live_server):
    browser.get(live_server + "/")
    assert len(browser.find_elements(By.CSS_SELECTOR, "table.index tbody tr")) == 35
    _shot(browser, "00-index", full=False)
    browser.find_element(By.LINK_TEXT, "第二十七条").click()
    WebDriverWait(browser, 20).until(EC.url_contains("/articles/27"))
    assert browser.find_element(By.TAG_NAME, "h1").text == "第二十七条"
    # from the keyboard: the first Tab reaches the skip link, which jumps to the content
    browser.find_element(By.TAG_NAME, "body").send_keys(Keys.TAB)
    assert browser.switch_to.active_element.get_attribute("href").endswith("#main")
    _shot(browser, "01a-article-27-top", full=False)
    para2 = browser.find_element(By.ID, "art_27__para_2")
    assert "三十日内" in para2.text
    assert para2.find_element(By.ID, "rule-art_027.p2.rectify.overdue").is_displayed()
    _shot(browser, "01-article-27")
    # find 27.2 from the search box, by keyboard
    box = browser.find_element(By.ID, "q")
    box.send_keys("27.2" + Keys.ENTER)
    WebDriverWait(browser, 20).until(EC.url_contains("#art_27__para_2"))
    assert browser.current_url.endswith("/articles/27#art_27__para_2")
    _shot(browser, "01b-search-27.2", full=False)


def test_guided_form_overdue_example(browser, live_server):
    browser.get(live_server + "/try")
    browser.find_element(By.ID, "mode-form").click()
    _type(browser, "case_id", "ESJD-2025-031")
    _choose(browser, "supervising_organ", "422822.sfj")
    _choose(browser, "supervised_organ", "__new__")
    browser.find_element(By.CSS_SELECTOR, "details.fieldset > summary").click()
    _type(browser, "organs[0].id", "422822.zrzyj")
    _type(browser, "organs[0].name", "建始县自然资源和规划局")
    _choose(browser, "organs[0].kind", "工作部门")
    _choose(browser, "organs[0].level", "县（市）")
    _type(browser, "organs[0].region", "422822")
    _choose(browser, "organs[0].parent", "422822")
    _type(browser, "organs[0].system", "自然资源")
    _choose(browser, "enforcement_action.kind", "行政处罚")
    _date(browser, "enforcement_action.acted_on", "2025-05-06")
    _date(browser, "supervision.started_on", "2025-08-20")
    _choose(browser, "supervision.situations[0].item", "3")
    browser.find_element(By.NAME, "supervision.situations[0].confirmed").click()
    _date(browser, "supervision.situations[0].found_on", "2025-08-20")
    _date(browser, "supervision.situations[0].confirmed_on", "2025-09-05")
    _date(browser, "supervision.suggestion_letter.issued_on", "2025-09-22")
    _date(browser, "supervision.suggestion_letter.received_on", "2025-09-24")
    _date(browser, "supervision.decision_letter.issued_on", "2025-11-10")
    _date(browser, "supervision.decision_letter.received_on", "2025-11-12")
    browser.find_element(By.CSS_SELECTOR, 'input[name="supervision.decision_letter.orders"][value="限期履行法定职责"]').click()
    _date(browser, "as_of", "2025-12-15")
    _shot(browser, "02-guided-form-filled")
    browser.find_element(By.ID, "submit-trial").click()
    WebDriverWait(browser, 30).until(EC.presence_of_element_located((By.CSS_SELECTOR, "ol.findings")))
    assert browser.find_element(By.TAG_NAME, "h1").text == "试算报告：案件 ESJD-2025-031"
    overdue = browser.find_element(By.CSS_SELECTOR, 'li.finding[data-rule="art_027.p2.rectify.overdue"]')
    assert "【违反·逾期未完成】" in overdue.text
    assert "2025年10月24日" in overdue.text
    link = overdue.find_element(By.CSS_SELECTOR, "a.citation")
    assert link.text == "第二十七条第二款"
    assert link.get_attribute("href").endswith("/articles/27#art_27__para_2")
    # the explanation opens in place
    overdue.find_element(By.TAG_NAME, "summary").click()
    browser.execute_script("arguments[0].scrollIntoView()", overdue)
    _shot(browser, "03b-explanation-in-place", full=False)
    assert "自2025年9月24日起算（当日不计入）" in overdue.text and "期限最后一日为2025年10月24日（含当日）" in overdue.text
    # the chart: three periods; the 十日 window rolled over the National Day holiday; the as-of line
    chart = browser.find_element(By.CSS_SELECTOR, "figure.chart svg")
    periods = chart.find_elements(By.CSS_SELECTOR, "g.period")
    assert [p.get_attribute("data-due") for p in periods] == ["2025-10-09", "2025-10-24", "2025-12-12"]
    assert len(periods[0].find_elements(By.CSS_SELECTOR, "rect.rolled")) == 5  # 10月4日至8日
    assert chart.find_elements(By.CSS_SELECTOR, "line.as-of")
    assert chart.size["width"] > 600 and chart.size["height"] > 150
    _shot(browser, "03-report")
    browser.execute_script("arguments[0].scrollIntoView()", chart)
    _shot(browser, "04-chart", full=False)

    # the printable page: print media hides the navigation and the buttons, keeps the findings and the
    # chart, and prints the explanation that was opened (only that one); the browser's own PDF of it
    browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    try:
        assert not browser.find_element(By.CSS_SELECTOR, "header.site").is_displayed()
        assert not browser.find_element(By.ID, "download-docx").is_displayed()
        assert chart.is_displayed() and overdue.is_displayed()
        shown = [d.is_displayed() for d in browser.find_elements(By.CSS_SELECTOR, "details.explain")]
        assert shown.count(True) == 1 and overdue.find_element(By.CSS_SELECTOR, "details.explain").is_displayed()
        _shot(browser, "06-print-view")
    finally:
        browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})
    pdf = browser.execute_cdp_cmd("Page.printToPDF", {"paperWidth": 8.27, "paperHeight": 11.69, "printBackground": False})
    data = base64.b64decode(pdf["data"])
    assert data.startswith(b"%PDF") and len(data) > 20_000
    (SHOTS / "report.pdf").write_bytes(data)


def test_bad_case_shows_problems_next_to_fields(browser, live_server):
    browser.get(live_server + "/try")
    _type(browser, "case_id", "ESJD-BAD")
    _choose(browser, "supervising_organ", "422800")
    _choose(browser, "supervised_organ", "422822")
    _date(browser, "supervision.suggestion_letter.issued_on", "2025-09-22")
    _date(browser, "supervision.suggestion_letter.received_on", "2025-09-20")
    _date(browser, "as_of", "2025-12-15")
    browser.find_element(By.ID, "submit-trial").click()
    summary = WebDriverWait(browser, 30).until(EC.presence_of_element_located((By.ID, "error-summary")))
    assert "未能试算" in summary.text
    field = browser.find_element(By.ID, "f-supervision-suggestion_letter-received_on")
    assert field.get_attribute("aria-invalid") == "true"
    wrapper = field.find_element(By.XPATH, "..")
    assert "早于制发日期" in wrapper.text
    _shot(browser, "05-bad-case")


def test_provisional_period_in_the_chart(browser, live_server):
    """A period ending in 2027 (no published arrangement): its due date drawn provisional; pasted as a document."""
    from tests.workbench.test_pages import PROVISIONAL

    browser.get(live_server + "/try")
    browser.find_element(By.ID, "mode-paste").click()
    area = browser.find_element(By.ID, "f-case_json")
    assert area.is_displayed() and not browser.find_element(By.ID, "f-case_id").is_displayed()
    area.send_keys(json.dumps(PROVISIONAL, ensure_ascii=False))
    _date(browser, "as_of", "2026-12-20")
    browser.find_element(By.ID, "submit-trial").click()
    chart = WebDriverWait(browser, 30).until(EC.presence_of_element_located((By.CSS_SELECTOR, "figure.chart svg")))
    provisional = chart.find_elements(By.CSS_SELECTOR, "g.period.provisional")
    assert [g.get_attribute("data-due") for g in provisional] == ["2027-01-04"]
    browser.execute_script("arguments[0].scrollIntoView()", chart)
    _shot(browser, "07-provisional-chart", full=False)


def test_tiaoli_excerpts_beside_the_measures_and_a_2026_trial(browser, live_server):
    """The 条例's excerpts from the navigation: the index says what was not obtained, 第四十二条 shows
    its units with their status and rules; a pasted 2026 case shows its 条例 finding linking back."""
    browser.get(live_server + "/")
    browser.find_element(By.LINK_TEXT, "条例节录").click()
    WebDriverWait(browser, 20).until(EC.url_contains("/tiaoli"))
    assert browser.find_element(By.TAG_NAME, "h1").text == "《行政执法监督条例》（节录）条文对照"
    assert len(browser.find_elements(By.CSS_SELECTOR, "table.index tbody tr")) == 12
    assert "第七条至第三十七条第一款" in browser.find_element(By.CSS_SELECTOR, "p.excerpt-notice").text
    _shot(browser, "07-tiaoli-index", full=False)
    browser.find_element(By.LINK_TEXT, "第四十二条").click()
    WebDriverWait(browser, 20).until(EC.url_contains("/tiaoli/42"))
    para2 = browser.find_element(By.ID, "art_42__para_2")
    assert "已编码" in para2.text and "上一级主管部门" in para2.text
    assert para2.find_element(By.ID, "rule-tl_042.p2.problems_not_passed_on").is_displayed()
    assert "已编码" in browser.find_element(By.ID, "art_42__para_1").text
    _shot(browser, "08-tiaoli-42")
    browser.get(live_server + "/try")
    browser.find_element(By.ID, "mode-paste").click()
    case = {
        "case_id": "TAX-2026",
        "organs": [{"id": "422823.sw", "name": "国家税务总局巴东县税务局", "kind": "其他", "level": "县（市）",
                    "region": "422823", "vertically_managed": True}],
        "supervising_organ": "422823", "supervised_organ": "422823.sw",
        "supervision": {"started_on": "2026-03-02", "situations": [{"item": 1, "confirmed": True, "found_on": "2026-03-02"}],
                        "superior_informed": False},
        "as_of": "2026-04-01",
    }
    box = browser.find_element(By.NAME, "case_json")
    browser.execute_script("arguments[0].value = arguments[1]", box, json.dumps(case, ensure_ascii=False))
    browser.find_element(By.ID, "submit-trial").click()
    WebDriverWait(browser, 30).until(EC.presence_of_element_located((By.CSS_SELECTOR, "ol.findings")))
    finding = browser.find_element(By.CSS_SELECTOR, 'li.finding[data-rule="tl_042.p2.problems_not_passed_on"]')
    assert "【应当】" in finding.text and "【违反" not in finding.text
    link = finding.find_element(By.CSS_SELECTOR, "a.citation")
    assert link.text == "《行政执法监督条例》第四十二条第二款" and link.get_attribute("href").endswith("/tiaoli/42#art_42__para_2")
    notes = browser.find_element(By.CSS_SELECTOR, "ul.notes").text
    assert "《行政执法监督条例》第四十二条第二款" in notes and "《行政执法监督条例》第二条" not in notes  # review 2, item 8
    _shot(browser, "09-tiaoli-trial")


def test_guided_form_with_a_month_and_a_letter_issued_on_an_unknown_day(browser, live_server):
    """Records as they are (issue 19): the start known only to its month, the letter known to have
    been issued without its date, entered by keyboard and mouse as an officer does."""
    browser.get(live_server + "/try")
    browser.find_element(By.ID, "mode-form").click()
    _type(browser, "case_id", "IMP-BROWSER")
    _choose(browser, "supervising_organ", "422800")
    _choose(browser, "supervised_organ", "422822")
    _date(browser, "supervision.started_on", "2025-08-17")
    _choose(browser, "supervision.started_on~how", "month")
    _choose(browser, "supervision.situations[0].item", "3")
    browser.find_element(By.NAME, "supervision.situations[0].confirmed").click()
    _choose(browser, "supervision.suggestion_letter.issued_on~how", "done")
    _date(browser, "as_of", "2025-11-15")
    _shot(browser, "07-guided-form-imprecise")
    browser.find_element(By.ID, "submit-trial").click()
    WebDriverWait(browser, 30).until(EC.presence_of_element_located((By.CSS_SELECTOR, "ol.findings")))
    issued = browser.find_element(By.CSS_SELECTOR, 'li.finding[data-rule="art_026.p1.i3.letter_issued"]')
    assert "【应当·已履行】" in issued.text
    assert "监督机关已于2025年8月1日至2025年11月15日之间制发" in issued.text
    body = browser.find_element(By.TAG_NAME, "body").text
    assert "尚未制发" not in body and "本次监督程序于2025年8月1日至2025年8月31日之间启动" in body
    _shot(browser, "08-report-imprecise")


def _findings_by_rule(driver) -> dict[str, list[tuple[str, str, str]]]:
    out: dict[str, list[tuple[str, str, str]]] = {}
    for li in driver.find_elements(By.CSS_SELECTOR, "ol.findings > li.finding"):
        cite = li.find_element(By.CSS_SELECTOR, "a.citation")
        label = li.find_element(By.CSS_SELECTOR, "span.label").text
        out.setdefault(li.get_attribute("data-rule"), []).append((label, cite.text, li.text))
    return out


def _edit_and_submit_again(driver) -> dict:
    """修改案件, then 试算 again without changing anything: the case document posted the second time."""
    first = json.loads(driver.find_element(By.CSS_SELECTOR, "form[action='/try/edit'] input[name='case_json']").get_attribute("value"))
    driver.find_element(By.XPATH, "//button[text()='修改案件']").click()
    WebDriverWait(driver, 30).until(EC.presence_of_element_located((By.ID, "submit-trial")))
    assert driver.find_element(By.ID, "mode-form").is_selected() and driver.find_element(By.ID, "f-case_id").is_displayed()
    driver.find_element(By.ID, "submit-trial").click()
    WebDriverWait(driver, 30).until(EC.presence_of_element_located((By.CSS_SELECTOR, "ol.findings")))
    again = json.loads(driver.find_element(By.CSS_SELECTOR, "form[action='/try/edit'] input[name='case_json']").get_attribute("value"))
    assert again == first
    return again


def test_guided_form_inspection_with_a_supervisor_added(browser, live_server):
    """现场监督 (第二十四条) entered in the form: a third supervisor added with the button (the form
    comes back with everything typed), the findings cited to 第二十四条第（一）项/第（二）项, and the
    case through 修改案件 unchanged."""
    browser.get(live_server + "/try")
    browser.find_element(By.ID, "mode-form").click()
    _type(browser, "case_id", "JC-BROWSER")
    _choose(browser, "supervising_organ", "422800")
    _choose(browser, "supervised_organ", "422822")
    _date(browser, "as_of", "2026-10-01")
    browser.find_element(By.CSS_SELECTOR, "#f-section-inspections > summary").click()
    _type(browser, "inspections[0].id", "JC-1")
    _choose(browser, "inspections[0].on_site", "true")
    _date(browser, "inspections[0].conducted_on", "2026-09-08")
    _type(browser, "inspections[0].supervisors[0].name", "向某")
    _choose(browser, "inspections[0].supervisors[0].certificate_shown", "false")
    _type(browser, "inspections[0].supervisors[1].name", "冉某")
    _choose(browser, "inspections[0].supervisors[1].certificate_shown", "true")
    _choose(browser, "inspections[0].supervisors[1].conflict_of_interest", "true")
    _choose(browser, "inspections[0].supervisors[1].withdrew", "true")
    browser.find_element(By.ID, "f-inspections-0-measures-2").click()
    browser.find_element(By.XPATH, "//button[@value='add:inspections[0].supervisors']").click()
    third = WebDriverWait(browser, 30).until(EC.presence_of_element_located((By.NAME, "inspections[0].supervisors[2].name")))
    assert browser.find_element(By.NAME, "inspections[0].supervisors[1].name").get_attribute("value") == "冉某"
    assert browser.find_element(By.ID, "f-inspections-0-measures-2").is_selected()
    third.send_keys("王某")
    _choose(browser, "inspections[0].supervisors[2].certificate_shown", "true")
    SHOTS.mkdir(parents=True, exist_ok=True)
    browser.find_element(By.ID, "f-section-inspections").screenshot(str(SHOTS / "10-guided-form-inspection.png"))
    browser.find_element(By.ID, "submit-trial").click()
    WebDriverWait(browser, 30).until(EC.presence_of_element_located((By.CSS_SELECTOR, "ol.findings")))
    found = _findings_by_rule(browser)
    assert [(lb, c) for lb, c, _ in found["art_024.p1.i1.certificate_not_shown"]] == [("【违反】", "第二十四条第（一）项")]
    assert "向某未出示行政执法监督证件" in found["art_024.p1.i1.certificate_not_shown"][0][2]
    assert [(lb, c) for lb, c, _ in found["art_024.p1.i1.at_least_two"]] == [("【不得·已遵守】", "第二十四条第（一）项")]
    assert [(lb, c) for lb, c, _ in found["art_024.p1.i2.withdrew"]] == [("【应当·已履行】", "第二十四条第（二）项")]
    assert [(lb, c) for lb, c, _ in found["art_023.p1.i2.examine_files"]] == [("【可以】", "第二十三条第（二）项")]
    _shot(browser, "11-report-inspection")
    case = _edit_and_submit_again(browser)
    assert case["inspections"] == [{
        "id": "JC-1", "on_site": True, "conducted_on": "2026-09-08", "measures": [2],
        "supervisors": [
            {"name": "向某", "certificate_shown": False},
            {"name": "冉某", "certificate_shown": True, "conflict_of_interest": True, "withdrew": True},
            {"name": "王某", "certificate_shown": True},
        ],
    }]


def test_guided_form_liability_with_tolerance_and_a_month(browser, live_server):
    """责任追究与容错 (第三十二条) entered in the form: the conduct date known only to its month (the day
    picked is ignored), 容错 claimed with its three conditions, the findings cited to 第三十二条第一款第（三）项
    (kept, marked excluded) and 第二款, and the case through 修改案件 unchanged."""
    browser.get(live_server + "/try")
    browser.find_element(By.ID, "mode-form").click()
    _type(browser, "case_id", "ZR-BROWSER")
    _choose(browser, "supervising_organ", "422823.sfj")
    _choose(browser, "supervised_organ", "422823")
    _date(browser, "supervision.started_on", "2025-09-01")
    _date(browser, "as_of", "2025-11-20")
    browser.find_element(By.CSS_SELECTOR, "#f-section-liabilities > summary").click()
    assert "所选的日被忽略" in browser.find_element(By.ID, "f-liabilities-0-acted_on-note").text
    _type(browser, "liabilities[0].id", "ZR-1")
    _type(browser, "liabilities[0].person", "谭某")
    _choose(browser, "liabilities[0].role", "直接负责的主管人员")
    _choose(browser, "liabilities[0].behaviour", "3")
    _date(browser, "liabilities[0].acted_on", "2025-07-19")
    _choose(browser, "liabilities[0].acted_on~how", "month")
    _choose(browser, "liabilities[0].confirmed", "true")
    _choose(browser, "liabilities[0].tolerance", "true")
    for cond in ("lawful_performance", "objective_cause", "duties_performed"):
        _choose(browser, f"liabilities[0].tolerance.{cond}", "true")
    SHOTS.mkdir(parents=True, exist_ok=True)
    browser.find_element(By.ID, "f-section-liabilities").screenshot(str(SHOTS / "12-guided-form-liability.png"))
    browser.find_element(By.ID, "submit-trial").click()
    WebDriverWait(browser, 30).until(EC.presence_of_element_located((By.CSS_SELECTOR, "ol.findings")))
    found = _findings_by_rule(browser)
    assert [(lb, c) for lb, c, _ in found["art_032.p1.i3.unlawful_enforcement"]] == [("【已被排除（原为：应予处理）】", "第三十二条第一款第（三）项")]
    assert [(lb, c) for lb, c, _ in found["art_032.p2.tolerance"]] == [("【例外】", "第三十二条第二款")]
    _shot(browser, "13-report-liability")
    case = _edit_and_submit_again(browser)
    assert case["liabilities"] == [{
        "id": "ZR-1", "person": "谭某", "role": "直接负责的主管人员", "behaviour": 3, "acted_on": "2025-07", "confirmed": True,
        "tolerance": {"lawful_performance": True, "objective_cause": True, "duties_performed": True},
    }]


def test_guided_form_annual_record_with_a_review_added(browser, live_server):
    """年度义务 (第十五、十八、十九条) entered in the form: the plan recorded as 未做, a second 案卷评查
    added with the button and known only to its month, a 综合 assessment without 外部评议; the findings
    cited to 第十五条 and 第十九条, and the case through 修改案件 unchanged."""
    browser.get(live_server + "/try")
    browser.find_element(By.ID, "mode-form").click()
    _type(browser, "case_id", "ND-BROWSER")
    _choose(browser, "supervising_organ", "422800.sfj")
    _choose(browser, "supervised_organ", "422802.sfj")
    _date(browser, "as_of", "2026-01-20")
    browser.find_element(By.CSS_SELECTOR, "#f-section-annual_duties > summary").click()
    _choose(browser, "annual_duties[0].organ", "422802.sfj")
    _type(browser, "annual_duties[0].year", "2025")
    _date(browser, "annual_duties[0].responsibility_list_on", "2025-04-08")
    _choose(browser, "annual_duties[0].annual_plan_on~how", "not_done")
    _date(browser, "annual_duties[0].case_file_reviews[0]", "2025-06-12")
    browser.find_element(By.XPATH, "//button[@value='add:annual_duties[0].case_file_reviews']").click()
    second = WebDriverWait(browser, 30).until(EC.presence_of_element_located((By.NAME, "annual_duties[0].case_file_reviews[1]")))
    assert browser.find_element(By.NAME, "annual_duties[0].year").get_attribute("value") == "2025"
    assert Select(browser.find_element(By.NAME, "annual_duties[0].annual_plan_on~how")).first_selected_option.get_attribute("value") == "not_done"
    assert second.get_attribute("value") == ""
    _date(browser, "annual_duties[0].case_file_reviews[1]", "2025-11-20")
    _choose(browser, "annual_duties[0].case_file_reviews[1]~how", "month")
    _date(browser, "annual_duties[0].assessments[0].held_on", "2025-12-05")
    _choose(browser, "annual_duties[0].assessments[0].internal", "true")
    _choose(browser, "annual_duties[0].assessments[0].external", "false")
    SHOTS.mkdir(parents=True, exist_ok=True)
    browser.find_element(By.ID, "f-section-annual_duties").screenshot(str(SHOTS / "14-guided-form-annual.png"))
    browser.find_element(By.ID, "submit-trial").click()
    WebDriverWait(browser, 30).until(EC.presence_of_element_located((By.CSS_SELECTOR, "ol.findings")))
    found = _findings_by_rule(browser)
    assert [(lb, c) for lb, c, _ in found["art_015.p1.annual_plan.overdue"]] == [("【违反·逾期未完成】", "第十五条")]
    assert [(lb, c) for lb, c, _ in found["art_019.p1.external_review_missing"]] == [("【违反】", "第十九条")]
    (review,) = found["art_018.p1.case_file_review.on_time"]
    assert review[:2] == ("【应当·已履行】", "第十八条") and "已组织行政执法案卷评查2次" in review[2]
    _shot(browser, "15-report-annual")
    case = _edit_and_submit_again(browser)
    assert case["annual_duties"] == [{
        "organ": "422802.sfj", "year": 2025, "responsibility_list_on": "2025-04-08", "annual_plan_on": "not_done",
        "case_file_reviews": ["2025-06-12", "2025-11"],
        "assessments": [{"held_on": "2025-12-05", "internal": True, "external": False}],
    }]


def test_guided_form_complaint_and_clue(browser, live_server):
    """投诉 (第十条第二款) and 问题线索移送 (第三十一条) entered in the form: a complaint not yet dealt with, a
    clue sent to the police; the findings cited to 第十条第二款 and 第三十一条, and the case through
    修改案件 unchanged."""
    browser.get(live_server + "/try")
    browser.find_element(By.ID, "mode-form").click()
    _type(browser, "case_id", "TS-BROWSER")
    _choose(browser, "supervising_organ", "422801.sfj")
    _choose(browser, "supervised_organ", "422801")
    _date(browser, "as_of", "2025-12-31")
    browser.find_element(By.CSS_SELECTOR, "#f-section-complaints > summary").click()
    _type(browser, "complaints[0].id", "12345-3")
    _choose(browser, "complaints[0].complainant", "其他组织")
    _date(browser, "complaints[0].received_on", "2025-12-02")
    browser.find_element(By.CSS_SELECTOR, "#f-section-clues > summary").click()
    _type(browser, "clues[0].id", "XS-2")
    _choose(browser, "clues[0].kind", "失职渎职")
    _date(browser, "clues[0].found_on", "2025-11-03")
    _date(browser, "clues[0].transferred_on", "2025-11-20")
    _type(browser, "clues[0].transferred_to", "恩施市公安局")
    _choose(browser, "clues[0].transferred_to_kind", "公安机关")
    browser.find_element(By.ID, "submit-trial").click()
    WebDriverWait(browser, 30).until(EC.presence_of_element_located((By.CSS_SELECTOR, "ol.findings")))
    found = _findings_by_rule(browser)
    assert [(lb, c) for lb, c, _ in found["art_010.p2.complaint_unhandled"]] == [("【应当】", "第十条第二款")]
    assert [(lb, c) for lb, c, _ in found["art_031.p1.transferred_elsewhere"]] == [("【违反】", "第三十一条")]
    _shot(browser, "16-report-complaint-clue")
    case = _edit_and_submit_again(browser)
    assert case["complaints"] == [{"id": "12345-3", "complainant": "其他组织", "received_on": "2025-12-02"}]
    assert case["clues"] == [{"id": "XS-2", "kind": "失职渎职", "found_on": "2025-11-03", "transferred_on": "2025-11-20",
                              "transferred_to": "恩施市公安局", "transferred_to_kind": "公安机关"}]
