// @ts-check
/**
 * The glossary: every word a lesson may link, the step-through's words and the
 * help menu's, each with its definition in plain words. Generated from
 * src/glassnet/lessons/glossary.py by `python -m glassnet.protocol.tables`.
 * Do not edit: a test fails when it is stale.
 */

/** @typedef {{term: string, title: string, text: string}} Term */

/** Every word, in the glossary's order. @type {Term[]} */
export const GLOSSARY = [
  {"term": "weight", "title": "Weight (w)", "text": "A number on a connection. It says how strongly one neuron's output counts for the next neuron: big means it counts a lot, negative means it pushes the other way. Training changes the weights."},
  {"term": "bias", "title": "Bias (b)", "text": "A number a neuron adds to its weighted sum. It shifts where the neuron switches on, even when all its inputs are 0."},
  {"term": "activation", "title": "Activation (a = f(z))", "text": "What a neuron does with its weighted sum z: a function f that bends it, such as tanh (squashes it between -1 and 1). Its result a = f(z) is the neuron's output. Without bending, the network could only draw straight lines."},
  {"term": "loss", "title": "Loss (L)", "text": "One number for how wrong a guess was: 0 means right, bigger means more wrong. Training tries to make the loss smaller."},
  {"term": "gradient", "title": "Gradient (dL/dw)", "text": "For each weight, how much the loss changes when that weight grows a little. It points uphill, so the update steps the other way."},
  {"term": "delta", "title": "Delta (δ = dL/dz)", "text": "A neuron's share of the blame: how much the loss changes when its weighted sum z grows. The backward pass finds every neuron's delta, from the output back."},
  {"term": "learning_rate", "title": "Learning rate (η)", "text": "How big the steps are: step = learning rate × gradient. Too small and learning crawls; too big and the steps overshoot."},
  {"term": "batch", "title": "Batch", "text": "The group of points one update averages over. Averaging over a few points makes each step steadier than following one point alone."},
  {"term": "epoch", "title": "Epoch", "text": "One pass over all the training points, one batch at a time. Training runs for many epochs."},
  {"term": "overfitting", "title": "Overfitting", "text": "When a network learns its training points so closely, noise and all, that it does worse on new points. The test points are there to catch it."},
  {"term": "neuron", "title": "Neuron", "text": "A small unit that adds up its inputs, each times its weight, adds its bias, and passes the sum through its activation. A network is layers of them."},
  {"term": "input", "title": "Input (x)", "text": "A number the network is given about a point: here its position, x₁ across and x₂ up, or features computed from them."},
  {"term": "weighted_sum", "title": "Weighted sum (z)", "text": "What a neuron adds up before its activation: each input times its weight, plus the bias. z = w₁x₁ + w₂x₂ + b."},
  {"term": "linear", "title": "Linear", "text": "Straight: a linear neuron passes its weighted sum on unchanged. Layers of linear neurons add up to one linear neuron, so they can only draw a straight line."},
  {"term": "slope", "title": "Slope (f'(z))", "text": "How steep a neuron's activation is at its weighted sum: how much its output moves when z moves a little. Flat ends (slope near 0) learn slowly."},
  {"term": "target", "title": "Target (t)", "text": "What the output should be for a point: its class, or its value. The loss compares the output with it."},
  {"term": "output", "title": "Output", "text": "What the network answers for a point: the activation of its last layer. For classes, a confidence for each class."},
  {"term": "forward_pass", "title": "Forward pass", "text": "Working out the network's answer: each layer's weighted sums and activations, from the inputs to the output. It only reads the weights."},
  {"term": "backward_pass", "title": "Backward pass", "text": "Working out how much each weight is to blame for the loss: every neuron's delta, from the output back to the first layer. It changes no weight yet."},
  {"term": "chain_rule", "title": "Chain rule", "text": "How a change travels: if a weight moves z, z moves a, and a moves the loss, the weight's effect on the loss is the product of those effects, added up over every path."},
  {"term": "backpropagation", "title": "Backpropagation", "text": "The backward pass: the chain rule used from the output back, so that every weight's gradient comes from the deltas of the layer after it."},
  {"term": "update", "title": "Update (step)", "text": "The change training makes to each weight: it moves against the gradient by learning rate × gradient."},
  {"term": "training_data", "title": "Training data", "text": "The points the network learns from: every update is computed from them."},
  {"term": "test_data", "title": "Test data", "text": "Points the network never learns from. How it does on them shows how well it does on points it has not seen."},
  {"term": "accuracy", "title": "Accuracy", "text": "The share of points whose class the network guesses right: 90% means 9 in 10."},
  {"term": "hidden_layer", "title": "Hidden layer", "text": "A layer of neurons between the inputs and the output. Each of its neurons draws its own line; the next layer combines them."},
  {"term": "feature", "title": "Feature", "text": "A number computed from a point's inputs, such as x₁² or sin(x₁), given to the network as one more input."},
  {"term": "decision_boundary", "title": "Decision boundary", "text": "The line (or curve) on the map where the network's answer changes from one class to another."},
  {"term": "regularization", "title": "Regularization", "text": "A pull of every weight towards zero during training, to keep the network simple so that it fits the shape of the data rather than its noise."},
  {"term": "class", "title": "Class", "text": "The kind of thing a point is, such as orange or blue. A classification network guesses each point's class."},
  {"term": "softmax", "title": "Softmax", "text": "An output for several classes: it turns the output neurons' sums into confidences that are all positive and add up to 1."},
  {"term": "sigmoid", "title": "Sigmoid", "text": "An activation that squashes any number into 0 to 1: 1 / (1 + e^(-z)). Used for an output that says how sure the network is."},
  {"term": "tanh", "title": "Tanh", "text": "An activation that squashes any number into -1 to 1, and is steepest at 0."},
  {"term": "relu", "title": "ReLU", "text": "An activation that keeps positive sums and turns negative ones into 0: max(0, z). It bends the line in one place."},
  {"term": "model", "title": "Model", "text": "A trained network: its layers, activations, weights and biases. Saved, it can answer new points in another program, such as an ml5.js sketch."},
];
