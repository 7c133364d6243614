"""Each sample's own gradient is its loss's gradient alone, and the batch's is their mean."""

import numpy as np
import pytest

from glassnet.engine import ALLOWED_PAIRS, Network, sample_gradients


@pytest.mark.parametrize("output_activation, loss", ALLOWED_PAIRS)
def test_each_samples_gradient_is_its_own_and_the_batch_gradient_is_their_mean(
    output_activation, loss
):
    rng = np.random.default_rng(3)
    n_out = 3 if output_activation == "softmax" else 2
    net = Network([2, 5, 4, n_out], output_activation=output_activation, loss=loss, seed=1)
    x = rng.normal(size=(6, 2))
    if loss == "categorical_crossentropy":
        t = np.eye(n_out)[rng.integers(0, n_out, 6)]
    elif loss == "binary_crossentropy":
        t = rng.integers(0, 2, (6, n_out)).astype(float)
    else:
        t = rng.uniform(-1, 1, (6, n_out))
    forward = net.forward(x)
    backward = net.backward(forward, t)
    shares = sample_gradients(forward, backward)
    for i in range(len(net.layers)):
        np.testing.assert_allclose(shares.weight_grads[i].mean(axis=0), backward.weight_grads[i])
        np.testing.assert_allclose(shares.bias_grads[i].mean(axis=0), backward.bias_grads[i])
    for s in range(6):
        alone = net.backward(net.forward(x[s : s + 1]), t[s : s + 1])
        for i in range(len(net.layers)):
            np.testing.assert_allclose(shares.weight_grads[i][s], alone.weight_grads[i], atol=1e-14)
            np.testing.assert_allclose(shares.bias_grads[i][s], alone.bias_grads[i], atol=1e-14)
