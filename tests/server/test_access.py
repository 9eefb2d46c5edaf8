"""Bearer tokens from a file of salted hashes (``--tokens``); the decision log and its redaction."""

from __future__ import annotations

import json

import pytest

from enshi_rules import cli
from enshi_rules.server._auth import TokenFileError, Tokens, hash_line

from .conftest import EXAMPLE, JSON


@pytest.fixture
def tokens_file(tmp_path):
    path = tmp_path / "tokens.txt"
    path.write_text("# platform tokens\n" + hash_line("s3cret-token-A", "platform A") + "\n\n" + hash_line("token-B") + "\n")
    return path


def test_token_file_holds_no_token(tokens_file):
    text = tokens_file.read_text()
    assert "s3cret-token-A" not in text and "token-B" not in text
    t = Tokens.load(tokens_file)
    assert t.accepts("s3cret-token-A") and t.accepts("token-B")
    assert not t.accepts("s3cret-token-a") and not t.accepts("") and not t.accepts("s3cret-token-A ")


def test_same_token_twice_gives_different_lines():
    assert hash_line("x") != hash_line("x")


@pytest.mark.parametrize("content", ["", "# only a comment\n", "plain-token\n", "sha256:zz:00\n", "sha256:00:" + "0" * 64 + "\n", "md5:" + "0" * 32 + ":" + "0" * 64 + "\n"])
def test_bad_token_files_are_refused(tmp_path, content):
    path = tmp_path / "t.txt"
    path.write_text(content)
    with pytest.raises(TokenFileError):
        Tokens.load(path)


def test_requests_need_a_valid_token_and_healthz_is_open(make_client, tokens_file):
    c = make_client(tokens_file=str(tokens_file))
    assert c.get("/healthz").status_code == 200
    r = c.get("/v1/version")
    assert r.status_code == 401
    assert r.headers["content-type"] == "application/problem+json; charset=utf-8"
    assert r.headers["www-authenticate"].startswith("Bearer")
    assert r.json()["type"] == "urn:enshi-rules:problem:unauthorized"
    assert c.get("/v1/version", headers={"Authorization": "Bearer wrong"}).status_code == 401
    assert c.get("/v1/version", headers={"Authorization": "Basic czNjcmV0LXRva2VuLUE="}).status_code == 401
    assert c.get("/v1/version", headers={"Authorization": "Bearer s3cret-token-A"}).status_code == 200
    r = c.post("/v1/evaluate", content=EXAMPLE.read_bytes(), headers={**JSON, "Authorization": "Bearer token-B"})
    assert r.status_code == 200
    r = c.post("/v1/evaluate", content=EXAMPLE.read_bytes(), headers=JSON)
    assert r.status_code == 401  # refused before the body is evaluated


def test_without_tokens_file_no_token_is_needed(client):
    assert client.get("/v1/version").status_code == 200


def test_token_command_appends_a_hash_and_prints_the_token_once(tmp_path, capsys):
    path = tmp_path / "tokens.txt"
    assert cli.main(["token", "--add", str(path), "--label", "省平台"]) == 0
    token = capsys.readouterr().out.strip()
    assert len(token) >= 43
    line = path.read_text()
    assert token not in line and "省平台" in line
    assert Tokens.load(path).accepts(token)
    assert (path.stat().st_mode & 0o077) == 0  # readable by its owner only


# ---- the decision log ------------------------------------------------------------------------------

PERSONAL = {
    "case_id": "LOG-1",
    "supervising_organ": "422800",
    "supervised_organ": "422822",
    "as_of": "2025-12-01",
    "supervision": {"started_on": "2025-08-20"},
    "clues": [{"id": "c1", "person": "王小明", "kind": "贪污贿赂", "found_on": "2025-09-01"}],
}


def _log_lines(path):
    return [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines()]


def test_no_decision_log_by_default(client, tmp_path):
    client.post("/v1/evaluate", content=json.dumps(PERSONAL), headers=JSON)
    assert list(tmp_path.iterdir()) == []


def test_decision_log_records_hash_versions_report_and_leaves_out_names(make_client, tmp_path):
    import hashlib

    log = tmp_path / "decisions.jsonl"
    c = make_client(decision_log=str(log))
    body = json.dumps(PERSONAL, ensure_ascii=False).encode("utf-8")
    r = c.post("/v1/evaluate?day_counting=working", content=body, headers=JSON)
    assert r.status_code == 200
    assert "王小明" in r.text  # the caller gets the full report
    bad = c.post("/v1/evaluate", content=b'{"case_id": "LOG-2"}', headers=JSON)
    assert bad.status_code == 422
    first, second = _log_lines(log)
    assert first["decision_id"] == r.json()["decision_id"] == r.headers["Enshi-Decision-Id"]
    assert first["input_sha256"] == hashlib.sha256(body).hexdigest()
    assert first["options"] == {"day_counting": "working"}
    assert first["versions"] == r.json()["versions"]
    assert first["time"].endswith("Z")
    assert first["report"]["case_id"] == "LOG-1"
    assert "input" not in first
    text = log.read_text(encoding="utf-8")
    assert "王小明" not in text
    assert any("〔已隐去〕" in f["message"] for f in first["report"]["findings"] if f["article"] == 31)
    assert second["decision_id"] == bad.json()["decision_id"]
    assert second["problem"]["type"] == "urn:enshi-rules:problem:invalid-case"
    assert (log.stat().st_mode & 0o077) == 0


def test_full_decision_log_keeps_input_and_names(make_client, tmp_path):
    log = tmp_path / "decisions.jsonl"
    c = make_client(decision_log=str(log), decision_log_full=True)
    c.post("/v1/evaluate", content=json.dumps(PERSONAL, ensure_ascii=False).encode(), headers=JSON)
    (entry,) = _log_lines(log)
    assert entry["input"] == PERSONAL
    assert "王小明" in json.dumps(entry, ensure_ascii=False)
