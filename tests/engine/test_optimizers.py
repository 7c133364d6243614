"""Our optimizers take exactly the steps torch.optim takes."""

import numpy as np
import pytest
import torch

from glassnet.engine import Optimizer

TORCH_OPTIMIZERS = {
    "sgd": lambda params, lr: torch.optim.SGD(params, lr=lr),
    "momentum": lambda params, lr: torch.optim.SGD(params, lr=lr, momentum=0.9),
    "adam": lambda params, lr: torch.optim.Adam(params, lr=lr),
}


@pytest.mark.parametrize("name", sorted(TORCH_OPTIMIZERS))
@pytest.mark.parametrize("learning_rate", [0.001, 0.1])
def test_steps_equal_torch_optim_over_several_steps(name, learning_rate):
    rng = np.random.default_rng(7)
    ours = [rng.normal(size=(3, 4)), rng.normal(size=(4,))]
    theirs = [torch.tensor(p.copy(), requires_grad=True) for p in ours]
    reference = TORCH_OPTIMIZERS[name](theirs, learning_rate)
    optimizer = Optimizer(name)
    for _ in range(6):
        grads = [rng.normal(size=p.shape) for p in ours]
        for p, s in zip(ours, optimizer.steps(grads, learning_rate)):
            p -= s
        for t, g in zip(theirs, grads):
            t.grad = torch.tensor(g)
        reference.step()
        for p, t in zip(ours, theirs):
            np.testing.assert_allclose(p, t.detach().numpy(), rtol=1e-12, atol=1e-14)


def test_an_optimizer_state_round_trips_and_continues_identically():
    rng = np.random.default_rng(0)
    grads = [[rng.normal(size=(2, 2))] for _ in range(4)]
    a = Optimizer("adam")
    for g in grads[:2]:
        a.steps(g, 0.1)
    b = Optimizer("adam")
    b.load_state(a.state())
    for g in grads[2:]:
        np.testing.assert_array_equal(a.steps(g, 0.1)[0], b.steps(g, 0.1)[0])


def test_an_unknown_optimizer_names_the_allowed_ones():
    with pytest.raises(ValueError, match="allowed: sgd, momentum, adam"):
        Optimizer("rmsprop")
