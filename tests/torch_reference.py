"""PyTorch versions of the engine's computations, to check our math against an outside reference."""

import numpy as np
import torch
import torch.nn.functional as F

TORCH_ACTIVATIONS = {
    "tanh": torch.tanh,
    "relu": torch.relu,
    "sigmoid": torch.sigmoid,
    "linear": lambda z: z,
    "leaky_relu": lambda z: F.leaky_relu(z, 0.01),
    "elu": F.elu,
    "softplus": F.softplus,
    "sine": torch.sin,
    "softmax": lambda z: torch.softmax(z, dim=1),
}


def torch_loss(name, z, a, t):
    if name == "mse":
        return F.mse_loss(a, t)
    if name == "binary_crossentropy":
        return F.binary_cross_entropy(a, t)
    # Through a, not z, so that a.grad is dL/da for comparison with output_error.
    return -(t * torch.log(a)).sum(dim=1).mean()


def torch_forward(net, params, x: np.ndarray, t: np.ndarray):
    """The loss, zs and activations of ``net``'s architecture computed by PyTorch.

    ``params`` are torch tensors in the order of ``net.parameters()``.
    """
    a = torch.tensor(x, dtype=torch.float64)
    zs, acts = [], [a]
    for k, layer in enumerate(net.layers):
        z = a @ params[2 * k] + params[2 * k + 1]
        a = TORCH_ACTIVATIONS[layer.activation.name](z)
        zs.append(z)
        acts.append(a)
    loss = torch_loss(net.loss.name, zs[-1], acts[-1], torch.tensor(t, dtype=torch.float64))
    return loss, zs, acts


def torch_reference(net, x: np.ndarray, t: np.ndarray):
    """Forward and backward in PyTorch with the same parameters as ``net``.

    Returns the loss, the zs and activations (with .grad filled in) and the parameters.
    """
    params = [torch.tensor(p, dtype=torch.float64, requires_grad=True) for p in net.parameters()]
    loss, zs, acts = torch_forward(net, params, x, t)
    for v in zs + acts[1:]:
        v.retain_grad()
    loss.backward()
    return loss, zs, acts, params
