"""Configuration: discovery, extends, rule selection, severities, body profiles and errors."""
from __future__ import annotations

from pathlib import Path

import pytest

from eia_rules.config import Config, body_types, config_for, find_config_file, load_config_file
from eia_rules.errors import ConfigError
from eia_rules.model.findings import Severity


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


# ------------------------------------------------------------------ discovery

def test_config_is_found_in_a_folder_above_the_document(tmp_path: Path) -> None:
    cfg = write(tmp_path / ".eia-rules.toml", 'select = ["SE"]\n')
    doc = write(tmp_path / "a" / "b" / "iia.md", "# IIA\n")
    assert find_config_file(doc) == cfg.resolve()
    assert config_for(doc).is_selected("SE003")
    assert not config_for(doc).is_selected("PC001")


def test_nearest_config_wins(tmp_path: Path) -> None:
    write(tmp_path / ".eia-rules.toml", 'select = ["SE"]\n')
    near = write(tmp_path / "team" / ".eia-rules.toml", 'select = ["PC"]\n')
    doc = write(tmp_path / "team" / "iia.md", "x")
    assert find_config_file(doc) == near.resolve()
    assert config_for(doc).is_selected("PC001")


def test_eia_rules_toml_wins_over_pyproject_in_the_same_folder(tmp_path: Path) -> None:
    own = write(tmp_path / ".eia-rules.toml", 'select = ["WL"]\n')
    write(tmp_path / "pyproject.toml", '[tool.eia-rules]\nselect = ["PC"]\n')
    assert find_config_file(tmp_path / "doc.md") == own.resolve()


def test_pyproject_without_the_table_is_skipped(tmp_path: Path) -> None:
    outer = write(tmp_path / "pyproject.toml", '[tool.eia-rules]\nignore = ["QS"]\n')
    write(tmp_path / "sub" / "pyproject.toml", '[project]\nname = "x"\n')
    doc = write(tmp_path / "sub" / "doc.md", "x")
    assert find_config_file(doc) == outer.resolve()
    assert not config_for(doc).is_selected("QS001")


def test_explicit_config_overrides_discovery(tmp_path: Path) -> None:
    write(tmp_path / ".eia-rules.toml", 'select = ["SE"]\n')
    other = write(tmp_path / "elsewhere" / "strict.toml", 'select = ["PC"]\n')
    cfg = config_for(tmp_path / "doc.md", explicit=other)
    assert cfg.is_selected("PC001") and not cfg.is_selected("SE001")


def test_explicit_config_that_does_not_exist_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="missing.toml: configuration file not found"):
        config_for(tmp_path / "doc.md", explicit=tmp_path / "missing.toml")


# ------------------------------------------------------------------ extends

def test_extends_loads_the_base_first_then_overrides(tmp_path: Path) -> None:
    write(tmp_path / "base.toml", 'fail-on = "warning"\n[severity]\nSE = "info"\nPC001 = "warning"\n'
          '[profile]\nbody_type = "health_board"\nequality_objectives = ["A"]\n')
    child = write(tmp_path / "proj" / ".eia-rules.toml",
                  'extends = "../base.toml"\n[severity]\nSE = "error"\n[profile]\nsed_applies = false\n')
    cfg = load_config_file(child)
    assert cfg.fail_on is Severity.WARNING                      # from the base
    assert cfg.severity_for("SE001", Severity.WARNING) is Severity.ERROR   # child overrides
    assert cfg.severity_for("PC001", Severity.ERROR) is Severity.WARNING   # base kept
    profile = cfg.profile_dict()
    assert profile["body_type"] == "health_board"
    assert profile["duties"]["sed"] is False and profile["duties"]["wfg"] is True
    assert profile["equality_objectives"] == ["A"]


def test_extends_a_list_in_order(tmp_path: Path) -> None:
    write(tmp_path / "one.toml", 'fail-on = "info"\n')
    write(tmp_path / "two.toml", 'fail-on = "warning"\n')
    cfg = load_config_file(write(tmp_path / "c.toml", 'extends = ["one.toml", "two.toml"]\n'))
    assert cfg.fail_on is Severity.WARNING
    assert [p.name for p in cfg.sources] == ["one.toml", "two.toml", "c.toml"]


def test_extends_cycle_is_reported(tmp_path: Path) -> None:
    write(tmp_path / "a.toml", 'extends = "b.toml"\n')
    write(tmp_path / "b.toml", 'extends = "a.toml"\n')
    with pytest.raises(ConfigError, match=r"b\.toml: extends: cycle .*a\.toml -> .*b\.toml -> .*a\.toml"):
        load_config_file(tmp_path / "a.toml")


def test_extends_missing_file_is_reported(tmp_path: Path) -> None:
    cfg = write(tmp_path / "c.toml", 'extends = "nope.toml"\n')
    with pytest.raises(ConfigError, match=r"c\.toml: extends = 'nope.toml': no such file"):
        load_config_file(cfg)


# ------------------------------------------------------------------ select / ignore

def test_default_selects_every_rule() -> None:
    assert Config().is_selected("PC001") and Config().is_selected("SUP002")


@pytest.mark.parametrize(("toml", "selected", "not_selected"), [
    ('select = ["SE"]\nignore = ["SE003"]', ["SE001"], ["SE003", "PC001"]),
    ('select = ["SE003"]\nignore = ["SE"]', ["SE003"], ["SE001"]),          # more specific select wins
    ('ignore = ["PC0"]', ["PC101", "SE001"], ["PC001", "PC015"]),            # digit prefixes
    ('select = ["SE"]\nignore = ["SE"]', [], ["SE001"]),                      # a tie goes to ignore
    ('select = ["ALL"]\nignore = ["QS"]\nextend-select = ["QS002"]', ["QS002", "PC001"], ["QS001"]),
])
def test_select_and_ignore_most_specific_wins(tmp_path: Path, toml: str, selected, not_selected) -> None:
    cfg = load_config_file(write(tmp_path / "c.toml", toml + "\n"))
    assert [c for c in selected if cfg.is_selected(c)] == selected
    assert [c for c in not_selected if not cfg.is_selected(c)] == not_selected


def test_child_select_starts_afresh_but_extend_select_adds(tmp_path: Path) -> None:
    write(tmp_path / "base.toml", 'select = ["PC"]\nignore = ["PC001"]\n')
    fresh = load_config_file(write(tmp_path / "fresh.toml", 'extends = "base.toml"\nselect = ["SE"]\n'))
    assert fresh.is_selected("SE001") and not fresh.is_selected("PC002")
    added = load_config_file(write(tmp_path / "added.toml", 'extends = "base.toml"\nextend-select = ["WL"]\n'))
    assert added.is_selected("WL001") and added.is_selected("PC002") and not added.is_selected("PC001")
    unignored = load_config_file(write(tmp_path / "un.toml", 'extends = "base.toml"\nextend-select = ["PC001"]\n'))
    assert unignored.is_selected("PC001")


def test_severity_most_specific_selector_wins(tmp_path: Path) -> None:
    cfg = load_config_file(write(tmp_path / "c.toml",
                                 '[severity]\nALL = "info"\nSE = "warning"\nSE003 = "error"\n'))
    assert cfg.severity_for("SE003", Severity.INFO) is Severity.ERROR
    assert cfg.severity_for("SE001", Severity.ERROR) is Severity.WARNING
    assert cfg.severity_for("PC001", Severity.ERROR) is Severity.INFO
    assert Config().severity_for("PC001", Severity.WARNING) is Severity.WARNING


# ------------------------------------------------------------------ profiles

def profile_for(tmp_path: Path, body: str, extra: str = "") -> dict:
    cfg = write(tmp_path / ".eia-rules.toml", f'[profile]\nbody_type = "{body}"\n{extra}')
    return load_config_file(cfg).profile_dict()


def test_profile_has_the_shape_the_engine_reads(tmp_path: Path) -> None:
    profile = profile_for(tmp_path, "local_authority", 'wellbeing_objectives = ["Thriving places"]\n')
    assert set(profile) == {"body_type", "duties", "equality_objectives", "wellbeing_objectives"}
    assert set(profile["duties"]) == {"psed", "sed", "wfg", "welsh_language", "childrens_rights"}
    assert profile["wellbeing_objectives"] == ["Thriving places"]


@pytest.mark.parametrize(("body", "duties"), [
    # templates.md §6g: SED, WFG and the No. 1 standards cover national parks; UNCRC only WG.
    ("national_park", {"psed": True, "sed": True, "wfg": True, "welsh_language": True, "childrens_rights": False}),
    ("welsh_government", {"psed": True, "sed": True, "wfg": True, "welsh_language": True, "childrens_rights": True}),
    ("local_authority", {"psed": True, "sed": True, "wfg": True, "welsh_language": True, "childrens_rights": False}),
    ("education", {"psed": True, "sed": False, "wfg": False, "welsh_language": True, "childrens_rights": False}),
    ("town_community_council", {"psed": True, "sed": False, "wfg": False, "welsh_language": False,
                                "childrens_rights": False}),
])
def test_body_type_maps_to_duties(tmp_path: Path, body: str, duties: dict) -> None:
    assert profile_for(tmp_path, body)["duties"] == duties


def test_explicit_duty_answers_override_the_body_type(tmp_path: Path) -> None:
    profile = profile_for(tmp_path, "education",
                          "welsh_language_standards = false\nwfg_applies = true\nchildrens_rights_duty = true\n")
    assert profile["duties"]["welsh_language"] is False
    assert profile["duties"]["wfg"] is True and profile["duties"]["childrens_rights"] is True


def test_unverified_duties_are_named_until_answered(tmp_path: Path) -> None:
    assert "welsh_language" in load_config_file(
        write(tmp_path / "a.toml", '[profile]\nbody_type = "fire_and_rescue"\n')).unverified_duties()
    assert "welsh_language" not in load_config_file(
        write(tmp_path / "b.toml", '[profile]\nbody_type = "fire_and_rescue"\nwelsh_language_standards = true\n'),
    ).unverified_duties()
    assert load_config_file(write(tmp_path / "c.toml", '[profile]\nbody_type = "local_authority"\n')
                            ).unverified_duties() == ()


def test_every_body_type_answers_every_duty() -> None:
    for body in body_types().values():
        assert set(body.duties) == {"psed", "sed", "wfg", "welsh_language", "childrens_rights"}, body.name
        assert set(body.unverified) <= set(body.duties), body.name


def test_no_configuration_gives_the_default_profile(tmp_path: Path) -> None:
    profile = Config().profile_dict()
    assert profile["body_type"] == "other"
    assert profile["duties"]["psed"] is True and profile["duties"]["childrens_rights"] is False


# ------------------------------------------------------------------ errors

@pytest.mark.parametrize(("name", "text", "expected"), [
    ("pyproject.toml", '[tool.eia-rules.profile]\nbody_type = "council"\n',
     "pyproject.toml: [tool.eia-rules.profile] body_type = 'council': allowed values are "
     "welsh_government, local_authority,"),
    (".eia-rules.toml", 'selct = ["SE"]\n',
     ".eia-rules.toml: unknown key 'selct' (did you mean 'select'?): allowed keys are extends, select,"),
    ("pyproject.toml", '[tool.eia-rules]\nextend_ignore = ["SE"]\n',
     "pyproject.toml: [tool.eia-rules] unknown key 'extend_ignore' (did you mean 'extend-ignore'?)"),
    (".eia-rules.toml", '[profile]\nbodytype = "x"\n',
     ".eia-rules.toml: [profile] unknown key 'bodytype' (did you mean 'body_type'?)"),
    (".eia-rules.toml", 'select = ["se"]\n', ".eia-rules.toml: select item 'se': not a rule code or family prefix"),
    (".eia-rules.toml", 'ignore = ["XY1"]\n', "ignore item 'XY1': not a rule code or family prefix"),
    (".eia-rules.toml", 'select = "SE"\n', "select = 'SE': expected a list of strings"),
    (".eia-rules.toml", '[severity]\nSE003 = "fatal"\n',
     "[severity] SE003 = 'fatal': allowed values are error, warning, info"),
    (".eia-rules.toml", '[severity]\nse = "error"\n', "[severity] key 'se': not a rule code or family prefix"),
    (".eia-rules.toml", 'fail-on = "never"\n', "fail-on = 'never': allowed values are error, warning, info"),
    (".eia-rules.toml", '[profile]\nsed_applies = "yes"\n', "[profile] sed_applies = 'yes': expected true or false"),
    (".eia-rules.toml", '[profile]\nequality_objectives = "A"\n',
     "[profile] equality_objectives = 'A': expected a list of strings"),
    (".eia-rules.toml", "profile = 3\n", "profile = 3: expected a table"),
    (".eia-rules.toml", "extends = 3\n", "extends = 3: expected a path or a list of paths"),
    (".eia-rules.toml", "select = [\n", ".eia-rules.toml: not valid TOML:"),
])
def test_config_errors_name_file_key_and_allowed_values(tmp_path: Path, name: str, text: str, expected: str) -> None:
    write(tmp_path / name, text)
    with pytest.raises(ConfigError) as info:
        config_for(tmp_path / "doc.md")
    assert expected in str(info.value)
    assert str(tmp_path / name) in str(info.value)


def test_explicit_pyproject_without_the_table_is_an_error(tmp_path: Path) -> None:
    cfg = write(tmp_path / "pyproject.toml", '[project]\nname = "x"\n')
    with pytest.raises(ConfigError, match=r"pyproject\.toml: has no \[tool\.eia-rules\] table"):
        load_config_file(cfg)


def test_config_is_immutable() -> None:
    with pytest.raises(AttributeError):
        Config().fail_on = Severity.INFO  # type: ignore[misc]


def test_profile_duties_reach_the_engine_facts(tmp_path: Path) -> None:
    from eia_rules.engine.facts import DUTIES, record_to_facts
    from eia_rules.model.record import IIARecord

    profile = profile_for(tmp_path, "local_authority")
    assert set(profile["duties"]) == set(DUTIES)
    document = record_to_facts(IIARecord(), profile).facts[0]
    assert document["body_type"] == "local_authority"
    assert document["duty_childrens_rights"] is False and document["duty_sed"] is True
