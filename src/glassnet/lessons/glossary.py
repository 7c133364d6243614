"""The glossary: every word a lesson may link, with a definition in plain words.

A lesson links a word with ``[[delta]]`` (or ``[[delta|its delta]]`` to show
other words); the link is checked against ``GLOSSARY``, and a lesson's message
carries the definitions of the words it links. The words and their names follow
the glossary of docs/engine.md ("one name per idea"). It is the page's one
glossary too: ``python -m glassnet.protocol.tables`` writes it into
``static/lib/glossary.js`` for the help menu, the help texts' links and the
step-through panel's words.

This module is plain data; it imports nothing from glassnet.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Term:
    """One word of the glossary.

    Attributes
    ----------
    term : str
        Its key, as a lesson links it (``learning_rate``).
    title : str
        Its name on screen (``Learning rate``), with its symbol if it has one.
    text : str
        What it means, in a sentence or three.
    """

    term: str
    title: str
    text: str

    @property
    def words(self) -> str:
        """How a link shows it when the lesson gives no words of its own: ``learning rate``."""
        return self.term.replace("_", " ")


GLOSSARY: dict[str, Term] = {
    t.term: t
    for t in [
        Term("weight", "Weight (w)", "A number on a connection. It says how strongly one neuron's "
             "output counts for the next neuron: big means it counts a lot, negative means it "
             "pushes the other way. Training changes the weights."),
        Term("bias", "Bias (b)", "A number a neuron adds to its weighted sum. It shifts where "
             "the neuron switches on, even when all its inputs are 0."),
        Term("activation", "Activation (a = f(z))", "What a neuron does with its weighted sum "
             "z: a function f that bends it, such as tanh (squashes it between -1 and 1). Its "
             "result a = f(z) is the neuron's output. Without bending, the network could only "
             "draw straight lines."),
        Term("loss", "Loss (L)", "One number for how wrong a guess was: 0 means right, bigger "
             "means more wrong. Training tries to make the loss smaller."),
        Term("gradient", "Gradient (dL/dw)", "For each weight, how much the loss changes when "
             "that weight grows a little. It points uphill, so the update steps the other way."),
        Term("delta", "Delta (δ = dL/dz)", "A neuron's share of the blame: how much the loss "
             "changes when its weighted sum z grows. The backward pass finds every neuron's "
             "delta, from the output back."),
        Term("learning_rate", "Learning rate (η)", "How big the steps are: step = learning "
             "rate × gradient. Too small and learning crawls; too big and the steps overshoot."),
        Term("batch", "Batch", "The group of points one update averages over. Averaging over a "
             "few points makes each step steadier than following one point alone."),
        Term("epoch", "Epoch", "One pass over all the training points, one batch at a time. "
             "Training runs for many epochs."),
        Term("overfitting", "Overfitting", "When a network learns its training points so "
             "closely, noise and all, that it does worse on new points. The test points are "
             "there to catch it."),
        Term("neuron", "Neuron", "A small unit that adds up its inputs, each times its weight, "
             "adds its bias, and passes the sum through its activation. A network is layers of "
             "them."),
        Term("input", "Input (x)", "A number the network is given about a point: here its "
             "position, x₁ across and x₂ up, or features computed from them."),
        Term("weighted_sum", "Weighted sum (z)", "What a neuron adds up before its activation: "
             "each input times its weight, plus the bias. z = w₁x₁ + w₂x₂ + b."),
        Term("linear", "Linear", "Straight: a linear neuron passes its weighted sum on "
             "unchanged. Layers of linear neurons add up to one linear neuron, so they can only "
             "draw a straight line."),
        Term("slope", "Slope (f'(z))", "How steep a neuron's activation is at its weighted sum: "
             "how much its output moves when z moves a little. Flat ends (slope near 0) learn "
             "slowly."),
        Term("target", "Target (t)", "What the output should be for a point: its class, or its "
             "value. The loss compares the output with it."),
        Term("output", "Output", "What the network answers for a point: the activation of its "
             "last layer. For classes, a confidence for each class."),
        Term("forward_pass", "Forward pass", "Working out the network's answer: each layer's "
             "weighted sums and activations, from the inputs to the output. It only reads the "
             "weights."),
        Term("backward_pass", "Backward pass", "Working out how much each weight is to blame "
             "for the loss: every neuron's delta, from the output back to the first layer. It "
             "changes no weight yet."),
        Term("chain_rule", "Chain rule", "How a change travels: if a weight moves z, z moves a, "
             "and a moves the loss, the weight's effect on the loss is the product of those "
             "effects, added up over every path."),
        Term("backpropagation", "Backpropagation", "The backward pass: the chain rule used from "
             "the output back, so that every weight's gradient comes from the deltas of the "
             "layer after it."),
        Term("update", "Update (step)", "The change training makes to each weight: it moves "
             "against the gradient by learning rate × gradient."),
        Term("training_data", "Training data", "The points the network learns from: every "
             "update is computed from them."),
        Term("test_data", "Test data", "Points the network never learns from. How it does on "
             "them shows how well it does on points it has not seen."),
        Term("accuracy", "Accuracy", "The share of points whose class the network guesses "
             "right: 90% means 9 in 10."),
        Term("hidden_layer", "Hidden layer", "A layer of neurons between the inputs and the "
             "output. Each of its neurons draws its own line; the next layer combines them."),
        Term("feature", "Feature", "A number computed from a point's inputs, such as x₁² or "
             "sin(x₁), given to the network as one more input."),
        Term("decision_boundary", "Decision boundary", "The line (or curve) on the map where the "
             "network's answer changes from one class to another."),
        Term("regularization", "Regularization", "A pull of every weight towards zero during "
             "training, to keep the network simple so that it fits the shape of the data "
             "rather than its noise."),
        Term("class", "Class", "The kind of thing a point is, such as orange or blue. A "
             "classification network guesses each point's class."),
        Term("softmax", "Softmax", "An output for several classes: it turns the output "
             "neurons' sums into confidences that are all positive and add up to 1."),
        Term("sigmoid", "Sigmoid", "An activation that squashes any number into 0 to 1: "
             "1 / (1 + e^(-z)). Used for an output that says how sure the network is."),
        Term("tanh", "Tanh", "An activation that squashes any number into -1 to 1, and is "
             "steepest at 0."),
        Term("relu", "ReLU", "An activation that keeps positive sums and turns negative ones "
             "into 0: max(0, z). It bends the line in one place."),
        Term("model", "Model", "A trained network: its layers, activations, weights and biases. "
             "Saved, it can answer new points in another program, such as an ml5.js sketch."),
    ]
}  # fmt: skip
"""Every word a lesson may link, by key."""
