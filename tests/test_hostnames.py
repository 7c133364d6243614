"""The names a server answers to: localhost's, numbers, its own host name, and allowed ones."""

import socket

import pytest

from glassnet.hostnames import HostNames


@pytest.mark.parametrize(
    "host, allowed",
    [
        ("127.0.0.1:8765", True),
        ("localhost:8765", True),
        ("LOCALHOST.", True),
        ("app.localhost:8765", True),
        ("[::1]:8765", True),
        ("127.0.0.2", True),  # all of 127/8 is this machine
        ("evil.example:8765", False),  # DNS rebinding: a name nobody allowed
        ("localhost.evil.example", False),
        ("192.168.1.20:8765", False),  # not an address this server listens on
        ("", False),
    ],
)
def test_a_server_on_localhost_answers_to_localhost_only(host, allowed):
    assert HostNames("127.0.0.1").allows(host) is allowed


def test_a_server_on_every_interface_answers_to_any_address_and_its_host_name():
    names = HostNames("0.0.0.0")
    assert names.allows("192.168.1.20:8765") and names.allows("[fe80::1]:8765")
    assert names.allows(f"{socket.gethostname()}:8765")
    assert not names.allows("evil.example")


def test_a_server_on_one_address_answers_to_it():
    names = HostNames("192.168.1.20")
    assert names.allows("192.168.1.20:8765") and not names.allows("192.168.1.21")


def test_names_given_with_allow_host_are_answered_and_a_star_allows_any():
    names = HostNames("127.0.0.1", ("Glassnet.Example.org",))
    assert names.allows("glassnet.example.org") and names.allows("GLASSNET.example.org:443")
    assert not names.allows("other.example.org")
    assert HostNames("127.0.0.1", ("*",)).allows("anything.example")
