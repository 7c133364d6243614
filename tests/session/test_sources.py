"""New data from outside the settings: files read and checked, drawings, given networks."""

from dataclasses import replace

import pytest

from glassnet.engine import Network
from glassnet.session import SessionError, Settings
from glassnet.session.sources import drawing, read_file, start


def test_a_file_is_read_with_the_data_layers_checks():
    data = read_file("pets.csv", "w,h,kind\n1,2,cat\n3,4,dog\n")
    assert data.class_names == ("cat", "dog")
    with pytest.raises(SessionError, match="bad.csv: .*row 3"):
        read_file("bad.csv", "a,b,label\n1,2,x\n3,4\n")
    with pytest.raises(SessionError, match="needs a name and its contents"):
        read_file(None, "a")


def test_a_drawing_is_empty_custom_data_of_the_settings_problem():
    new = drawing(Settings().replace(problem="regression"))
    assert new.points.n_drawn == 0 and new.points.source == "drawn"
    assert new.points.problem == "regression" and new.changes == {"dataset": "custom"}


def test_a_given_network_of_another_shape_is_refused():
    new = drawing(Settings())
    wrong = Network([3, 2, 1], seed=0)
    with pytest.raises(SessionError, match=r"layers \[3, 2, 1\], but its data needs 2 inputs"):
        start(Settings(), replace(new, network=wrong))
