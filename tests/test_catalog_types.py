"""The catalog files stand on typed models (catalog_schema, pydantic): a value of the wrong type
is refused with a Swedish message naming file, entry and key — every such problem in a file at
once — and a file that loaded before still loads (issue 10, "How")."""

from __future__ import annotations

import pytest

from ifodesk.domain.catalog import CatalogError, load_catalog
from ifodesk.domain.catalog_schema import FieldModel, TemplateModel, keys

from test_catalog import _edit, tree  # noqa: F401  (fixture)


def _problems(root) -> list[str]:
    with pytest.raises(CatalogError) as exc:
        load_catalog(root)
    return [f"{p.file}: {p.entry}: {p.what}" for p in exc.value.problems]


def test_every_type_problem_of_a_template_is_named_at_once(tree):  # noqa: F811
    path = tree / "templates" / "lvu_ansokan_vard.toml"
    _edit(path, 'valid_from = 2025-07-01', 'valid_from = "2025-07-01"')
    _edit(path, 'lagrum = ["4 § LVU"]', 'lagrum = ["4 § LVU", 4]')
    _edit(path, 'label = "Den unges namn"', 'label = 12')
    _edit(path, 'route = "none"', 'route = "none"\nfrist = 3')
    got = _problems(tree)
    assert "templates/lvu_ansokan_vard.toml: mall lvu_ansokan_vard: 'valid_from' måste vara ett datum (ÅÅÅÅ-MM-DD)" in got
    assert "templates/lvu_ansokan_vard.toml: mall lvu_ansokan_vard: 'lagrum' måste vara en lista med texter" in got
    assert "templates/lvu_ansokan_vard.toml: mall lvu_ansokan_vard, fält 'barnets_namn': " \
           "'label' måste vara en text som inte är tom" in got
    assert any(p.startswith("templates/lvu_ansokan_vard.toml: mall lvu_ansokan_vard, [appeal]: okänd nyckel 'frist'")
               and "route" in p for p in got)


def test_a_choice_option_of_the_wrong_type_names_field_and_option(tree):  # noqa: F811
    _edit(tree / "templates" / "lvu_ansokan_vard.toml", '{ value = "3", label', '{ value = 3, label')
    got = _problems(tree)
    assert "templates/lvu_ansokan_vard.toml: mall lvu_ansokan_vard, fält 'grund', options[1]: " \
           "'value' måste vara en text som inte är tom" in got


def test_a_law_file_with_a_wrong_type_is_refused_with_version_and_key(tree):  # noqa: F811
    law = next((tree / "catalog" / "laws").glob("lvu*.toml"))
    text = law.read_text(encoding="utf-8")
    law.write_text(text.replace("valid_from = ", "valid_from = \"x\" #", 1), encoding="utf-8")
    got = _problems(tree)
    assert any(p.startswith(f"catalog/laws/{law.name}: filen, versions[0]: 'valid_from' måste vara ett datum")
               for p in got), got


def test_the_models_know_every_key_the_shipped_files_use():
    import tomllib

    from ifodesk.resources import resources_dir

    for path in sorted((resources_dir() / "templates").glob("*.toml")):
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        assert set(data) <= keys(TemplateModel), path.name
        for f in data.get("fields", []):
            assert set(f) <= keys(FieldModel), path.name
    load_catalog()  # and the whole shipped catalog loads
