"""MessageList: message keys a rule gives as a parameter, for the engine to write out."""

from __future__ import annotations

import pickle

from postwise.rules.params import MessageList


def test_a_message_list_is_a_string_of_its_keys_for_readers_that_do_not_render_it() -> None:
    listed = MessageList(["signal_shouting", "signal_night"])
    assert isinstance(listed, str)
    assert listed == "signal_shouting, signal_night"
    assert listed.keys == ("signal_shouting", "signal_night")


def test_a_message_list_takes_any_iterable_of_keys_once() -> None:
    listed = MessageList(f"signal_{s}" for s in ("exclamation", "night"))
    assert listed.keys == ("signal_exclamation", "signal_night")


def test_a_message_list_survives_a_copy_between_processes() -> None:
    listed = pickle.loads(pickle.dumps(MessageList(["a", "b"])))
    assert isinstance(listed, MessageList)
    assert (listed, listed.keys) == ("a, b", ("a", "b"))
