"""Each activation's derivative is the slope of its function, and its values match PyTorch."""

import numpy as np
import pytest
import torch
from torch_reference import TORCH_ACTIVATIONS

from glassnet.engine import ACTIVATIONS, HIDDEN_ACTIVATIONS, OUTPUT_ACTIVATIONS
from glassnet.engine.activations import get_activation

TORCH = {name: f for name, f in TORCH_ACTIVATIONS.items() if name != "softmax"}

# Points away from the kinks of relu-like functions at 0.
Z = np.concatenate([np.linspace(-8, -0.01, 40), np.linspace(0.01, 8, 40)]).reshape(8, 10)


@pytest.mark.parametrize("name", HIDDEN_ACTIVATIONS)
def test_the_derivative_is_the_central_difference_slope_of_the_function(name):
    act = ACTIVATIONS[name]
    h = 1e-6
    numeric = (act.function(Z + h) - act.function(Z - h)) / (2 * h)
    np.testing.assert_allclose(act.derivative(Z, act.function(Z)), numeric, rtol=1e-6, atol=1e-9)


@pytest.mark.parametrize("name", HIDDEN_ACTIVATIONS)
def test_values_and_slopes_equal_pytorch(name):
    act = ACTIVATIONS[name]
    z = torch.tensor(Z, requires_grad=True)
    TORCH[name](z).sum().backward()
    np.testing.assert_allclose(act.function(Z), TORCH[name](z).detach().numpy(), rtol=1e-12)
    np.testing.assert_allclose(act.derivative(Z, act.function(Z)), z.grad.numpy(), rtol=1e-10)


def test_softmax_backprop_equals_its_full_jacobian():
    rng = np.random.default_rng(1)
    z = rng.normal(size=(3, 4))
    g = rng.normal(size=(3, 4))
    soft = ACTIVATIONS["softmax"]
    a = soft.function(z)
    for row in range(3):
        jacobian = np.diag(a[row]) - np.outer(a[row], a[row])
        np.testing.assert_allclose(soft.backprop(z, a, g)[row], jacobian @ g[row], rtol=1e-12)


def test_sigmoid_and_softmax_never_overflow_on_huge_inputs():
    z = np.array([[-1000.0, 0.0, 1000.0]])
    with np.errstate(over="raise", invalid="raise", divide="raise"):
        np.testing.assert_allclose(ACTIVATIONS["sigmoid"].function(z), [[0.0, 0.5, 1.0]])
        np.testing.assert_allclose(ACTIVATIONS["softmax"].function(z), [[0.0, 0.0, 1.0]])
        assert np.isfinite(ACTIVATIONS["softplus"].function(z)).all()
        assert np.isfinite(ACTIVATIONS["elu"].function(z)).all()


def test_sigmoid_keeps_its_precision_for_very_negative_inputs():
    assert ACTIVATIONS["sigmoid"].function(np.array(-40.0)) == pytest.approx(
        np.exp(-40.0), rel=1e-12
    )


@pytest.mark.parametrize("name", sorted(set(HIDDEN_ACTIVATIONS) | set(OUTPUT_ACTIVATIONS)))
def test_every_activation_has_its_formulas_for_display(name):
    act = ACTIVATIONS[name]
    assert act.formula and act.derivative_formula


def test_an_unknown_activation_names_the_allowed_ones():
    with pytest.raises(ValueError, match="'gelu'.*allowed: tanh, relu, sigmoid"):
        get_activation("gelu")
