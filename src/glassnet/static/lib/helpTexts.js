// @ts-check
/**
 * The help texts of every "?" button (lib/help.js), by key: what a control does and
 * why you would change it, in plain words. A word in double square brackets links
 * its glossary entry (lib/terms.js). tests/browser/test_help.py checks that every help
 * button has a text.
 */

/** @type {Record<string, string>} */
export const HELP = {
  play: "Play starts training and Pause stops it: the network takes training steps at the chosen speed, and every picture updates as it learns. Step trains exactly one [[epoch]]. Reset goes back to the same first weights this setup started from (Undo brings the trained network back); Regenerate, in the Data panel, gives new ones.",
  step: "Train exactly one [[epoch]]: one pass over all the training points, in [[batch|batches]]. Use it to watch learning one step at a time.",
  reset: "Start again at epoch 0 from the same first weights this setup started from: the same seed always gives the same start, so a link, a saved session and a replay all begin alike. For new first weights, press Regenerate in the Data panel (new points too) or change the seed. Undo brings the trained network back.",
  explain: "Follow one point through one training step, with the real numbers: the [[forward_pass|forward pass]], the [[loss]], the [[backward_pass|backward pass]] and the [[update]], one neuron at a time.",
  undo: "Take back the last reset, change of layers or features, new data, cleared points or edited weight.",
  redo: "Do again what Undo took back.",
  epoch: "How many times the network has seen every training point. One epoch is one pass over all of them.",
  speed: "How many epochs to train per second while playing. Slow it down to watch each change; Max trains as fast as this computer can.",
  learning_rate: "How big a step each [[update]] takes. Too small and learning crawls; too big and each step overshoots, so the loss jumps around or blows up (diverges).",
  activation: "What every hidden neuron does with its [[weighted_sum|weighted sum]]. [[tanh]] and [[sigmoid]] bend smoothly, [[relu|ReLU]] cuts negative sums to zero, [[linear]] does nothing, so the network can only draw straight lines.",
  layer_activation: "The activation of the neurons in this layer only.",
  regularization: "A pull of every weight towards zero. It keeps the network simple, which can stop it from bending around every noisy point ([[overfitting]]). L1 pushes small weights all the way to zero; L2 shrinks big weights most.",
  regularization_rate: "How strong the pull towards zero is. With 0 there is no pull at all.",
  problem: "Classification predicts which class (colour) a point belongs to. Regression predicts a number for each point.",
  optimizer: "How [[gradient|gradients]] become steps. SGD steps straight downhill. Momentum keeps some speed from earlier steps, like a ball rolling. Adam gives every weight its own step size.",
  output: "What the output neurons do and how wrongness (the [[loss]]) is measured. Sigmoid with cross-entropy is the usual pair for two classes; softmax with cross-entropy for more.",
  dataset: "The points the network learns from. Each picture shows one dataset; orange and blue are the two classes, or low and high values for regression.",
  classes: "How many classes (colours) the blobs and your own drawn points have.",
  noise: "How messy the data is. With more noise the classes overlap, and a network that fits every point is fitting noise.",
  train_percent: "How many of the points the network trains on (the [[training_data|training data]]). The rest are [[test_data|test points]] it never learns from: they show how well it does on new data.",
  batch_size: "How many points each training step averages over. Small batches take many noisy steps; big batches take fewer, steadier ones.",
  regenerate: "Make new random points of the same kind (a new seed, so the first weights change too). Undo brings the old points back.",
  draw: "Turn on, then click the output map to add a point of the chosen class. Shift-click or right-click a point to remove it. Points you draw are always training points.",
  draw_class: "The class (or for regression, the value) that the next point you draw gets.",
  clear: "Remove every point you drew and bring back any you removed. Undo brings them back.",
  load: "Load your own data: a CSV file with number columns and a label column, or a file saved by ml5.js's saveData(). The inputs are rescaled to fit the map. Or open a model ml5.js saved: choose or drop its three files together (model.json, model.weights.bin, model_meta.json) to see inside it; then load the data it learned from to train it further.",
  inputs: "Your data has more inputs than the map has axes. Choose the two inputs the map (and every neuron's picture) shows across and up; every other input is held at one point's value: the mean of the data, a data point (click one on the map), or values you set. The cross on the map marks that point, and the bar above each neuron is its value there (while a step is explained, the explained point's). Training always uses every input.",
  features: "The [[input|inputs]] the network sees ([[feature|features]]). x₁ and x₂ are a point's position; the others are made from them. Give the network x₁² and x₂², and a circle becomes easy to learn.",
  layers: "[[hidden_layer|Hidden layers]] sit between the inputs and the output. More layers let the network combine simple shapes into complex ones; they also make it slower to train.",
  neurons: "Each neuron draws one simple shape on the input plane (its picture). More neurons give the next layer more shapes to combine.",
  neuron: "A [[neuron]] adds up its inputs times their [[weight|weights]], plus its [[bias]], and passes the sum through its [[activation]]. Its picture shows its output for every point of the plane: blue is positive, orange negative. A flat picture of one colour means it gives the same output everywhere (a ReLU neuron stuck at zero is called dead).",
  weight: "A [[weight]] says how strongly one neuron's output counts for the next neuron. Blue lines are positive, orange negative, thicker means bigger. Click a line to type a new value or drag its slider.",
  bias: "A [[bias]] is added to a neuron's [[weighted_sum|weighted sum]]. It shifts where the neuron switches on. Click its square to type a new value or drag its slider.",
  output_map: "What the whole network predicts at every point of the plane (its [[output]]); rest the pointer on the map to read it there. Dots are the data: their colour is their true [[class]]. Where a dot sits on its own colour, the network is right. The line where the colours meet is the [[decision_boundary|decision boundary]].",
  show_test: "Also show the test points (with a dark outline). The network never trains on them.",
  discretize: "Show hard class regions instead of shades of confidence.",
  keep: "Share copies a link to this setup (data, network, settings; not the trained weights). Embed gives the code to put this playground in another web page; it trains on this glassnet server. Save downloads the whole session (settings, your data, trained weights, history, MIDI mappings) to continue later: a session, not a model, since it includes the data. Load opens a saved session exactly.",
  loss_chart: "The [[loss]] after every [[epoch]]: how wrong the network is on the training points (dark) and on the test points (light). Lower is better. When the test loss rises while the training loss falls, the network is [[overfitting]].",
  training_loss: "How wrong the network is on the points it trains on. Lower is better.",
  test_loss: "How wrong the network is on points it never trained on. This shows how well it generalises.",
  accuracy: "The share of points whose [[class]] the network gets right (training / test).",
  explain_point: "The point whose journey through the network you follow. Any point works; a test point shows the forward pass and the loss but no update, since the network never trains on test points.",
  explain_size: "How much the explained step trains. One point: the update uses this point alone. One [[batch]]: this point and the others of its batch, averaged, as in normal training. One epoch: every training point once; too many numbers to list, so you see what it changed.",
  explain_speed: "How many steps per second Play moves on by itself. Slow it down to read each one.",
  explain_granularity: "How far one press of Next (or one tick of Play) goes: one neuron at a time, a whole layer, or a whole stage (forward, loss, backward, update).",
};
