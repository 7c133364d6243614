"""The wire: decoding, encoding, binary frames, and inputs too big or too strange."""

import json
import struct

import numpy as np
import pytest
from connection_helpers import by_type, started

from glassnet.protocol import encode, parse


def test_a_binary_frame_holds_the_parameters_as_little_endian_float64():
    connection, first = started(binary=True)
    frame = [o for o in first if o.message["type"] == "frame"][0]
    data = encode(frame)
    (head_length,) = struct.unpack("<I", data[:4])
    header = json.loads(data[4 : 4 + head_length])
    start = (4 + head_length + 7) // 8 * 8
    values = np.frombuffer(data[start : start + header["buffer_lengths"][0]], dtype="<f8")
    expected = np.concatenate([p.ravel() for p in connection.session.network.parameters()])
    np.testing.assert_array_equal(values, expected)
    assert header["parameters"] == {"buffer": 0, "dtype": "float64", "length": expected.size}


def test_an_oversized_message_is_refused_before_it_is_parsed():
    from glassnet import limits

    with pytest.raises(ValueError, match="at most 6,000,000 bytes"):
        parse(" " * (limits.MAX_MESSAGE_BYTES + 1))


@pytest.mark.parametrize(
    "raw, message",
    [
        ('{"type": "set_weight", "layer": 0, "source": 0, "target": 0, "value": 1'
         + "0" * 400 + "}", "A weight must be a number"),
        ('{"type": "set", "changes": {"seed": 1' + "0" * 400 + "}}", "seed must be a whole number"),
        ('{"type": "add_point", "x": [1' + "0" * 400 + ", 1], \"target\": 0}",
         "A coordinate must be a number"),
        ("[" * 100_000, "nest lists or objects this deeply"),
        ('{"type": "restore", "content": "' + "[" * 100_000 + '"}', "nests lists or objects"),
        # Python's json reads these; JSON has none, and echoing one would break the reply.
        ('{"type": "set", "changes": {"learning_rate": -Infinity}}', "only finite numbers"),
        ('{"type": "set_bias", "layer": 0, "unit": 0, "value": 2E+400}', "2E+400 is not one"),
    ],
)  # fmt: skip
def test_absurd_values_get_an_error_and_the_connection_goes_on(raw, message):
    connection, _ = started()
    errors = by_type(connection.receive(raw), "error")
    assert len(errors) == 1 and message in errors[0]["message"]
    assert len(errors[0]["message"]) < 400  # a huge number is not echoed back whole
    assert by_type(connection.receive('{"type": "step"}'), "error") == []


def test_a_large_but_finite_number_still_reads():
    assert parse('{"type": "x", "value": 1.5e300}')["value"] == 1.5e300
