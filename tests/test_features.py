"""What each feature declares (feature.py) is there: routers, commands, menu entries and file sections."""

import importlib
import inspect

from fastapi import APIRouter

from legetjeneste.auth.rules import PERMISSIONS
from legetjeneste.features import features, resolve
from legetjeneste.municipality_file.sections import sections

PANEL_PAGES = (
    "municipality",
    "agreement",
    "min_side",
    "office",
    "roster",
    "lifecycle_case",
    "list_reduction",
)


def test_features_come_in_their_order_each_once():
    found = features()
    assert [f.order for f in found] == sorted(f.order for f in found)
    assert len({f.name for f in found}) == len(found)


def test_every_declared_router_module_has_an_api_router():
    for feature in features():
        for module in feature.routers:
            assert isinstance(importlib.import_module(module).router, APIRouter), module


def test_every_command_names_something_to_run_and_no_name_is_taken_twice():
    commands = [command for feature in features() for command in feature.commands]
    assert len({c.name for c in commands}) == len(commands)
    assert all(resolve(command.target) is not None for command in commands)


def test_every_menu_entry_asks_for_a_permission_that_exists():
    for feature in features():
        for entry in feature.navigation:
            assert entry.permission is None or entry.permission in PERMISSIONS, entry.label
            assert entry.scope in ("municipality", "national", "global"), entry.label


def test_every_panel_names_a_page_a_permission_and_a_function_that_exist():
    panels = [panel for feature in features() for panel in feature.panels]
    assert {(p.page, p.name) for p in panels} >= {("municipality", "deadlines"), ("agreement", "history")}
    for panel in panels:
        assert panel.page in PANEL_PAGES and panel.permission in PERMISSIONS, panel.name
        assert callable(resolve(panel.target)), panel.target


def test_every_file_section_has_the_one_interface():
    keys: list[str] = []
    for section in sections():
        keys += section.KEYS
        for name, arguments in (
            ("check", ["session", "parsed", "today"]),
            ("apply", ["session", "parsed", "changes", "actor"]),
            ("export", ["session", "municipality_number"]),
        ):
            assert list(inspect.signature(getattr(section, name)).parameters) == arguments, section.__name__
    assert len(set(keys)) == len(keys) and keys[:4] == ["offices", "doctors", "agreements", "list_counts"]
