"""Train a tiny network on the xor pattern through the Python API and print what it learned.

Run it with:  python examples/xor.py
"""

import numpy as np

from glassnet import Network, Trainer

# Points in the square [-5, 5]²; class 1 where x1 and x2 have the same sign.
rng = np.random.default_rng(0)
inputs = rng.uniform(-5, 5, (400, 2))
targets = (inputs[:, 0] * inputs[:, 1] >= 0).astype(float)

net = Network([2, 4, 1], activation="tanh", seed=1)
trainer = Trainer(net, learning_rate=0.03, batch_size=10, seed=2)

for epoch in range(1, 301):
    loss = trainer.epoch(inputs, targets)
    if epoch % 50 == 0:
        accuracy = np.mean((net.predict(inputs)[:, 0] > 0.5) == targets)
        print(f"epoch {epoch:3d}   loss {loss:.3f}   accuracy {accuracy:.0%}")

print("\nWhat the network learned (weights: rows are inputs, columns are neurons):")
for i, layer in enumerate(net.layers):
    print(f"layer {i} ({layer.activation.name}) weights:\n{np.round(layer.weights, 2)}")
    print(f"biases: {np.round(layer.biases, 2)}")
for point in ([3, 3], [-3, 3], [-3, -3], [3, -3]):
    p = net.predict(np.array([point], dtype=float))[0, 0]
    print(f"point {point}: the network says class 1 with confidence {p:.2f}")
