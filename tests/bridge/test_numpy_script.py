"""The exported NumPy script trains from the same start to the same weights as glassnet."""

import json
import subprocess
import sys

import numpy as np
import pytest

from glassnet.protocol.exports import numpy_script_file
from glassnet.session import Session

SETUPS = [
    {"dataset": "circle"},
    {"dataset": "spiral", "features": ["x1", "x2", "x1^2", "sin(x2)"], "optimizer": "adam",
     "hidden_layers": [5, 4], "activations": ["relu", "elu"]},
    {"dataset": "blobs", "classes": 4, "optimizer": "momentum", "regularization": "l2",
     "regularization_rate": 0.01, "activations": ["softplus", "leaky_relu"]},
    {"dataset": "xor", "output_activation": "tanh", "regularization": "l1_pin",
     "regularization_rate": 0.003, "learning_rate": 0.1},
    {"dataset": "sine", "hidden_layers": [6], "activations": ["sine"], "batch_size": 7},
    {"dataset": "multi_gauss", "regularization": "l1", "regularization_rate": 0.001,
     "activations": ["sigmoid", "linear"]},
]  # fmt: skip


@pytest.mark.parametrize("settings", SETUPS)
def test_the_script_reaches_glassnets_weights_after_five_epochs(tmp_path, settings):
    session = Session(settings)
    session.step()  # the script starts from a trained network, with the optimizer's memory
    ((name, text),) = numpy_script_file(session).items()
    path = tmp_path / name
    path.write_bytes(text)
    run = subprocess.run([sys.executable, str(path), "5", "--json"], capture_output=True,
                         text=True, timeout=120, check=True)  # fmt: skip
    theirs = [np.array(p) for p in json.loads(run.stdout)]
    for _ in range(5):
        session.step()
    for ours, script in zip(session.network.parameters(), theirs):
        np.testing.assert_allclose(script, ours, rtol=1e-12, atol=1e-12)


def test_the_script_imports_nothing_but_numpy_and_prints_its_progress(tmp_path):
    session = Session({"dataset": "gauss"})
    ((name, text),) = numpy_script_file(session).items()
    source = text.decode()
    imports = {line.split()[1] for line in source.splitlines()
               if line.startswith(("import ", "from "))}  # fmt: skip
    assert imports == {"json", "sys", "numpy"}
    path = tmp_path / name
    path.write_bytes(text)
    out = subprocess.run([sys.executable, str(path), "2"], capture_output=True, text=True,
                         timeout=120, check=True).stdout  # fmt: skip
    assert out.count("epoch") == 2 and "test loss" in out and "accuracy" in out
