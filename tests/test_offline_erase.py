"""Nothing readable left on the laptop (issue 12): once a copy's changes are on the server, the file
is overwritten and removed and its key leaves the keyring (crypto-erase), so an old copy of the
file (a backup, blocks an SSD kept) cannot be decrypted."""

from __future__ import annotations

import os
from datetime import date

import pytest

from ifodesk.offline import keys, store
from ifodesk.services import journal, offline
from ifodesk.services.offline_local import open_copy, save_package

from offline_support import case_with_utredning
from test_offline import NOTE


def _check_out(ctx, case_id, path):
    pkg = offline.check_out(ctx, [case_id], laptop="BÄRBAR-7")
    copy = save_package(pkg, path, keys.new_key(ctx.actor.username), server="test")
    from ifodesk.services.offline_local import offline_context

    return copy, offline_context(copy, ctx.municipality, ctx.clock)


def test_after_check_in_the_file_and_its_key_are_gone(ctx, org, tmp_path, memory_keyring):
    case_id, _ut = case_with_utredning(ctx, org)
    path = tmp_path / "laptop" / "anna.lind.ifodesk-offline"
    copy, octx = _check_out(ctx, case_id, path)
    assert ("ifodesk", "offlinenyckel:anna.lind") in memory_keyring.secrets
    journal.add_note(octx, case_id, event_date=date(2026, 3, 2), text=NOTE)
    old = tmp_path / "backup-of-the-copy"  # what a backup or the SSD's old blocks still hold
    old.write_bytes(path.read_bytes())
    linked = tmp_path / "same-inode"  # the same blocks as the file: shows they were overwritten
    os.link(path, linked)
    before = linked.read_bytes()

    result = offline.check_in(ctx, copy.header.copy_id, copy.intents())
    assert result.done
    keys.erase_copy(path, "anna.lind")

    assert not path.exists() and list(path.parent.iterdir()) == []
    assert ("ifodesk", "offlinenyckel:anna.lind") not in memory_keyring.secrets
    assert keys.get_key("anna.lind") is None
    after = linked.read_bytes()
    assert len(after) == len(before) and after != before and not after.startswith(store.MAGIC)
    # The old copy: no key on this computer opens it, nor the key of the next check-out.
    assert NOTE.encode("utf-8") not in old.read_bytes()
    with pytest.raises(store.OfflineFileError, match="kunde inte öppnas"):
        open_copy(old, keys.new_key("anna.lind"), now=copy.header.checked_out_at)


def test_a_crashed_save_leaves_no_temporary_file_behind_the_wipe(tmp_path):
    path = tmp_path / "anna.lind.ifodesk-offline"
    path.write_bytes(b"x" * 100)
    stray = tmp_path / ".anna.lind-abc123.ifodesk-offline.tmp"
    stray.write_bytes(b"y" * 50)
    other = tmp_path / "petra.vuxen.ifodesk-offline"  # another user's copy is not touched
    other.write_bytes(b"z")
    store.wipe(path)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["petra.vuxen.ifodesk-offline"]


def test_without_a_keyring_the_key_file_is_private_and_erased(tmp_path, monkeypatch):
    import keyring
    from keyring.backends import fail

    saved = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    try:
        key = keys.new_key("anna.lind")
        kf = keys.key_file_path("anna.lind")
        assert kf.read_bytes() == key and (kf.stat().st_mode & 0o077) == 0
        assert keys.get_key("anna.lind") == key
        keys.destroy_key("anna.lind")
        assert not kf.exists() and keys.get_key("anna.lind") is None
    finally:
        keyring.set_keyring(saved)


def test_a_new_check_out_gets_a_new_key(memory_keyring):
    first = keys.new_key("anna.lind")
    second = keys.new_key("anna.lind")
    assert first != second and keys.get_key("anna.lind") == second
